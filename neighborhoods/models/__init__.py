from .council import Committee, CouncilMember
from .index import NeighborhoodIndexPage
from .neighborhood import NeighborhoodPage
from .office import OfficeHours
from .province import ProvincePage

__all__ = [
    "Committee",
    "CouncilMember",
    "NeighborhoodIndexPage",
    "NeighborhoodPage",
    "OfficeHours",
    "ProvincePage",
]
