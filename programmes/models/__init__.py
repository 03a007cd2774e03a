from .calendar import ProgramCalendarPage
from .page import ProgramPage, ProgramSession
from .registration import Attendance, Registration

__all__ = ["Attendance", "ProgramCalendarPage", "ProgramPage", "ProgramSession", "Registration"]
