"""Agency logins: an agency's contact person reaches, in the admin, only the resolutions assigned to that
agency in the neighbourhoods it serves (council/views/agency.py). They are in no neighbourhood's staff
group, so every other admin screen (inbox, pages, reports) finds nothing in their scope."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from .models import AgencyAccount

GROUP = "حساب‌های دستگاه‌های مسئول"
# What marks an agency's login among the admin's users (its menu item): the permission to view its own
# account row. It gives nothing else; the agency's screens find the account itself.
AGENCY_PERMISSION = "council.view_agencyaccount"


def agency_group():
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="council", codename="view_agencyaccount"),
    )
    return group


def ensure_agency_account(agency, username, neighborhoods, email="", password=None):
    """The account (made if missing) of ``username`` for ``agency`` in ``neighborhoods`` (added to those it
    had); returns (user, the new password or None when the user existed)."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    new_password = None
    if user is None:
        new_password = password or secrets.token_urlsafe(12)
        user = user_model.objects.create_user(username=username, email=email, password=new_password)
    user.groups.add(agency_group())
    account, _ = AgencyAccount.objects.get_or_create(user=user, defaults={"agency": agency})
    if account.agency_id != agency.pk:
        account.agency = agency
        account.save(update_fields=["agency"])
    account.neighborhoods.add(*neighborhoods)
    return user, new_password


def account_of(user):
    if not user.is_authenticated or not user.is_active:
        return None
    return AgencyAccount.objects.filter(user=user).select_related("agency").first()
