from .history import SubmissionEvent
from .page import FormField, ParticipationFormPage
from .status import Status
from .submission import Submission

__all__ = ["FormField", "ParticipationFormPage", "Status", "Submission", "SubmissionEvent"]
