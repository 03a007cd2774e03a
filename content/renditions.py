"""Pictures cut ahead of their first reader.

When a page with pictures is published, the task queue renders its body and its cover once, outside any
request: each `{% picture %}` on the way makes its renditions (every format and width the templates
ask for), so the first reader of a new page is served stored files instead of waiting for Pillow.
Rendering the same templates the page uses keeps what is made and what is asked for the same.
"""

from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published


class PremadeRenditions:
    """Mixed into page types whose bodies and covers show pictures.

    `body_fields` are the stream fields to render; `cover_templates` the includes that show the page's
    own picture, rendered with the page as ``page``.
    """

    body_fields = ("body",)
    cover_templates = ()

    def premake_renditions(self):
        for name in self.body_fields:
            value = getattr(self, name)
            if value:
                render_to_string("content/includes/body.html", {"body": value, "page": self})
        for template in self.cover_templates:
            render_to_string(template, {"page": self})


@task()
def make_renditions(page_id):
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None:
        return False
    page = page.specific
    if not isinstance(page, PremadeRenditions):
        return False
    with translation.override(page.locale.language_code):
        page.premake_renditions()
    return True


@receiver(page_published)
def queue_renditions(sender, instance, **kwargs):
    if isinstance(instance, PremadeRenditions):
        page_id = instance.pk
        transaction.on_commit(lambda: make_renditions.enqueue(page_id))
