from .agency import Agency
from .meeting import Attendee, Meeting
from .resolution import ProgressNote, Resolution

__all__ = ["Agency", "Attendee", "Meeting", "ProgressNote", "Resolution"]
