"""An NGO's own login: it may edit its OrganizationPage and nothing else, and its changes go to the
directory's editors for moderation (it has no publish permission).

Each organisation gets a group with «change» on its page alone (a leaf, so nothing below it) and an
image collection of its own for its logo.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def organization_group_name(page):
    return f"سازمان {page.title} ({page.pk})"


def ensure_organization_group(page):
    group, _ = Group.objects.get_or_create(name=organization_group_name(page))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change)
    root = Collection.get_first_root_node()
    name = f"نشان {page.title}"
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    for permission in Permission.objects.filter(content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return group


def ensure_organization_account(page, username, email="", password=None):
    """(user, password or None): the organisation's login, created with a random password unless given."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    new_password = None
    if user is None:
        new_password = password or secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=username, email=email, password=new_password, first_name=page.title[:150]
        )
    user.groups.add(ensure_organization_group(page))
    return user, new_password
