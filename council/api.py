"""Open data: the public resolutions through Wagtail's API v2 at /api/v2/resolutions/, with their status,
responsible body, due date and progress (registered on the portal's router in portal/urls.py).

Only public resolutions of public meetings are in its queryset, so no id reaches an internal one.
Filters: ``neighborhood`` (the neighbourhood page's id), ``status`` (open, in_progress, done,
not_done), ``agency`` (its slug) and ``overdue=1``."""

from rest_framework.fields import ReadOnlyField
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from portal.caching import scopes

from .choices import Status
from .models import Resolution


API_SCOPE = "resolutions"


class ResolutionsAPIViewSet(BaseAPIViewSet):
    name = "resolutions"
    model = Resolution
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["overdue"])
    body_fields = BaseAPIViewSet.body_fields + [
        APIField("text"),
        APIField("neighborhood", serializer=ReadOnlyField(source="neighborhood_for_api")),
        APIField("meeting", serializer=ReadOnlyField(source="meeting_for_api")),
        APIField("responsible"),
        APIField("agency", serializer=ReadOnlyField(source="agency_slug")),
        APIField("due_date"),
        APIField("status"),
        APIField("overdue", serializer=ReadOnlyField(source="is_overdue")),
        APIField("progress", serializer=ReadOnlyField(source="progress_for_api")),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "text", "neighborhood", "meeting", "responsible", "agency", "due_date", "status", "overdue",
    ]
    meta_fields = ["type"]
    def dispatch(self, request, *args, **kwargs):
        # Kept in the page cache only while no meeting or resolution changes (council/signals.py).
        scopes.versions([scopes.portal_list(API_SCOPE)])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Newest first by id (the primary key's index), not by the meeting's date, which would sort every
        # public row at volume; the organisation (a page type, rarely set) is read apart rather than joined.
        queryset = (
            Resolution.objects.public()
            .select_related("meeting__committee", "meeting__province", "agency", "neighborhood")
            .prefetch_related("notes", "organization")
            .order_by("-pk")
        )
        query = self.request.GET
        if query.get("neighborhood"):
            if not query["neighborhood"].isdigit():
                raise BadRequestError("neighborhood must be a page id")
            queryset = queryset.filter(neighborhood_id=int(query["neighborhood"]))
        if query.get("status"):
            if query["status"] not in Status.values:
                raise BadRequestError("status must be one of: " + ", ".join(Status.values))
            queryset = queryset.filter(status=query["status"])
        if query.get("agency"):
            queryset = queryset.filter(agency__slug=query["agency"])
        if query.get("overdue") == "1":
            queryset = queryset.overdue()
        return queryset
