from .agency import Agency, AgencyAccount
from .meeting import Attachment, Attendee, Meeting
from .resolution import ProgressNote, Resolution

__all__ = ["Agency", "AgencyAccount", "Attachment", "Attendee", "Meeting", "ProgressNote", "Resolution"]
