from .calendar import ProgramCalendarPage
from .page import ProgramPage, ProgramSession
from .partner import PartnerRole, ProgramPartner
from .registration import Attendance, Registration

__all__ = [
    "Attendance",
    "PartnerRole",
    "ProgramCalendarPage",
    "ProgramPage",
    "ProgramPartner",
    "ProgramSession",
    "Registration",
]
