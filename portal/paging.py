"""One page of a public list, in the same way everywhere: a page number that is not a number shows the first page,
one past the end is a Persian 404."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext

from .caching.store import cached


def paginate(request, queryset, per_page, what, count_key=None, depends=()):
    """A page of ``queryset``; with ``count_key`` the number of rows is kept while the ``depends`` scopes
    stand (exact until a page of the list changes) rather than counted on every request."""
    paginator = Paginator(queryset, per_page)
    if count_key is not None:
        paginator.count = cached(request, "listing-count", count_key, queryset.count, list(depends))
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        raise Http404(gettext("این صفحه از فهرست %(what)s وجود ندارد.") % {"what": what}) from None
