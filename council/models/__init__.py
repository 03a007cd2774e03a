from .agency import Agency, AgencyAccount
from .meeting import Attendee, Meeting
from .resolution import ProgressNote, Resolution

__all__ = ["Agency", "AgencyAccount", "Attendee", "Meeting", "ProgressNote", "Resolution"]
