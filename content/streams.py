"""What the rest of the portal asks of a body: the pages it invites readers to (the admin's check, the caches)."""

from django.utils.translation import gettext


def blocks_of(value, kind):
    return [child.value for child in value if child.block_type == kind]


def targets(value):
    return [block["target"] for block in blocks_of(value, "call_to_action") if block["target"] is not None]


def stray_targets(value, neighborhood):
    """A Persian message if a call to action in ``value`` points outside ``neighborhood``, else ""."""
    strays = [target for target in targets(value) if not target.path.startswith(neighborhood.path)]
    if not strays:
        return ""
    return gettext("دعوت به ثبت‌نام فقط به برنامه‌ها و فرم‌های همین محله اشاره می‌کند: «%(title)s» از محله دیگری است.") % {
        "title": strays[0].title
    }


def target_areas(value):
    """The scopes of the neighbourhoods a body's calls to action point into: a sign-up there changes what the
    body shows. Read from the stored ids (one query, and none for a body without invitations)."""
    from wagtail.models import Page

    from neighborhoods.scopes import area

    ids = [block["value"].get("target") for block in value.raw_data if block["type"] == "call_to_action"]
    ids = [pk for pk in ids if pk]
    if not ids:
        return []
    return sorted({area(page) for page in Page.objects.filter(pk__in=ids).only("path", "depth") if area(page)})
