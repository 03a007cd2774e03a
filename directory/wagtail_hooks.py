"""The directory in the Wagtail admin (editable asset types, the inbox's «make a draft» action), its
section of the neighbourhood page and what it lists for the caches."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.caching import scopes
from portal.caching.invalidation import Lists

from . import neighborhood_section
from .models import AssetType, OrganizationPage
from .views.admin import create_organization_draft


class AssetTypeViewSet(SnippetViewSet):
    model = AssetType
    menu_label = _("نوع‌های ظرفیت محله")
    icon = "site"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "slug", "order"]
    ordering = ["order", "name"]


register_snippet(AssetTypeViewSet)


@hooks.register("register_admin_urls")
def register_directory_urls():
    return [
        path(
            "directory/applications/<int:pk>/draft/",
            create_organization_draft,
            name="directory_application_draft",
        )
    ]


@hooks.register("register_neighborhood_section")
def directory_section():
    return neighborhood_section.SECTION


@hooks.register("register_cache_lists")
def directory_lists():
    # The portal-wide directory lists every organisation; the neighbourhoods it serves are the
    # directory section's own declaration.
    return [Lists(OrganizationPage, lambda page: [scopes.portal_list("directory")], "the directory's listing and counts")]
