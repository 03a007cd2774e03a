"""The directory in the Wagtail admin: editable asset types and the inbox's «make a draft» action."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AssetType
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
