"""The admin form of a page with a body: its calls to action point into the page's own neighbourhood.

Checked on the form because a page being created has no place in the tree yet; the form knows its parent.
"""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from .streams import stray_targets


class BodyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        # Imported here: the neighbourhood page's own form is this one, so its module imports this one.
        from neighborhoods.models import NeighborhoodPage

        page = self.instance
        where = self.parent_page if self.parent_page is not None else page
        if where is None or not where.path:
            return cleaned
        neighborhood = page if isinstance(page, NeighborhoodPage) else NeighborhoodPage.objects.ancestor_of(where, inclusive=True).first()
        if neighborhood is None:
            return cleaned
        for name in getattr(page, "body_fields", ()):
            if name in cleaned and cleaned[name]:
                message = stray_targets(cleaned[name], neighborhood)
                if message:
                    # In the form Wagtail's stream editor shows its own errors in: above the blocks.
                    self.add_error(name, StreamBlockValidationError(non_block_errors=[ValidationError(message)]))
        return cleaned
