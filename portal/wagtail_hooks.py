from django.http import Http404
from wagtail import hooks

from .languages import serves_active_language


@hooks.register("before_serve_page")
def only_in_its_own_language(page, request, serve_args, serve_kwargs):
    # Wagtail routes /en/… from the Persian home when there is no English home, and wagtail-localize
    # fills a translated tree with aliases of Persian pages: either way the Persian text would be
    # served under another language's URL. A page that does not exist in the URL's language is a 404.
    if not serves_active_language(page):
        raise Http404
