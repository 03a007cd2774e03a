"""Staff groups: the page tree is the permission model.

Each neighbourhood gets a group whose page permissions cover its subtree only, and an image
collection of its own; each province gets a coordinators' group over the province's subtree, with the
image collections of the province and of every neighbourhood in it. Each
neighbourhood also gets a caseworkers' group: staff of that neighbourhood who, with the inbox's
``read_confidential`` permission, read the personal data of its confidential cases (forms.confidential).
Nobody is a caseworker by default, superusers included. The office's heads (a group per neighbourhood
too) choose them from the neighbourhood's staff (forms/views/caseworkers.py) and read the audit trail of
their neighbourhood; whoever manages users names the heads.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .locales import in_default_language
from .models import NeighborhoodPage, ProvincePage

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
# Documents and short videos a page's body offers (content/blocks/media.py) come from the same collection.
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def staff_group_name(page):
    return f"کارکنان محله {page.title} ({page.pk})"


def caseworker_group_name(page):
    return f"مددکاران محله {page.title} ({page.pk})"


def head_group_name(page):
    return f"مسئولان دفتر محله {page.title} ({page.pk})"


def coordinator_group_name(page):
    return f"هماهنگ‌کنندگان استان {page.title} ({page.pk})"


def _permissions(app_label, codenames):
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def grant_pages(group, page):
    """Give ``group`` the right to work in ``page``'s subtree."""
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for permission in _permissions("wagtailcore", PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def own_collection(page):
    """The image collection of a neighbourhood or a province, named like its page."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=page.title).first() or root.add_child(name=page.title)


def grant_collection(group, collection):
    permissions = [*_permissions("wagtailimages", IMAGE_PERMISSIONS), *_permissions("wagtaildocs", DOCUMENT_PERMISSIONS)]
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def grant_subtree(group, page):
    """Give ``group`` the right to work in ``page``'s subtree, with images in its own collection."""
    grant_pages(group, page)
    collection = own_collection(page)
    grant_collection(group, collection)
    return collection


def _province_of(neighborhood):
    return ProvincePage.objects.ancestor_of(neighborhood).first()


def _neighborhoods_of(province):
    return in_default_language(NeighborhoodPage.objects.descendant_of(province))


# The council's meetings and resolutions (the council app), kept per neighbourhood like the inbox:
# staff record meetings with their resolutions and follow each resolution; the list of agencies is the
# superusers'.
COUNCIL_PERMISSIONS = [
    "add_meeting", "change_meeting", "delete_meeting", "view_meeting",
    "change_resolution", "delete_resolution", "view_resolution",
]


def ensure_staff_group(page):
    group, _ = Group.objects.get_or_create(name=staff_group_name(page))
    collection = grant_subtree(group, page)
    group.permissions.add(*_permissions("council", COUNCIL_PERMISSIONS))
    # The images of a neighbourhood are its province's coordinators' too (they edit its pages), whichever
    # of the two groups was made first.
    province = _province_of(page)
    coordinators = province and Group.objects.filter(name=coordinator_group_name(province)).first()
    if coordinators:
        grant_collection(coordinators, collection)
    return group


def ensure_coordinator_group(page):
    group, _ = Group.objects.get_or_create(name=coordinator_group_name(page))
    grant_subtree(group, page)
    # Each neighbourhood keeps its images in a collection of its own, beside the province's: coordinators
    # are given every one of the province's.
    for neighborhood in _neighborhoods_of(page):
        grant_collection(group, own_collection(neighborhood))
    group.permissions.add(*_permissions("council", COUNCIL_PERMISSIONS))
    # Coordinators oversee their offices: they read the trail of who read residents' data in them.
    group.permissions.add(*_permissions("participation", ["view_accessrecord"]))
    return group


def ensure_caseworker_group(page):
    group, _ = Group.objects.get_or_create(name=caseworker_group_name(page))
    grant_pages(group, page)
    group.permissions.add(*_permissions("participation", ["read_confidential"]))
    # Whoever reads confidential cases logs in with a second factor (wagtail-2fa).
    group.permissions.add(*_permissions("wagtailadmin", ["enable_2fa"]))
    return group


def ensure_head_group(page):
    group, _ = Group.objects.get_or_create(name=head_group_name(page))
    grant_pages(group, page)
    group.permissions.add(*_permissions("participation", ["choose_caseworkers", "view_accessrecord"]))
    # They name who reads confidential cases: they log in with a second factor as those do.
    group.permissions.add(*_permissions("wagtailadmin", ["enable_2fa"]))
    return group
