"""The portal's name for the admin's tab titles (wagtailadmin/base.html and login.html here)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def portal_site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or "محله"
