from .application import NGOApplicationPage
from .asset import AssetPage
from .asset_type import AssetType
from .hours import AssetHours
from .index import DirectoryIndexPage
from .organization import OrganizationPage
from .service import OrganizationService

__all__ = [
    "AssetHours",
    "AssetPage",
    "AssetType",
    "DirectoryIndexPage",
    "NGOApplicationPage",
    "OrganizationPage",
    "OrganizationService",
]
