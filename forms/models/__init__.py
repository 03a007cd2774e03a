from .audit import AccessRecord
from .history import SubmissionEvent
from .page import FormField, ParticipationFormPage
from .status import Status
from .submission import Submission

__all__ = ["AccessRecord", "FormField", "ParticipationFormPage", "Status", "Submission", "SubmissionEvent"]
