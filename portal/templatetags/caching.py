"""``{% cachedfragment "name" var … [depends=scopes] %}…{% endcachedfragment %}``: the enclosed template,
rendered once and kept (portal/caching/store.py) while the scopes it depends on keep their versions.

The scopes are ``depends`` if given, else those of the page being rendered (its ``cache_scopes()``).
As Wagtail's ``{% wagtailcache %}`` does, nothing is read or kept for a preview, and here for no private
request at all (a session, "view draft"). Only parts that every anonymous reader sees alike may go
inside: nothing that changes without a page changing (seats left, the time of day), nothing
about the reader, nothing that sets a variable used after it.
"""

from django import template

from portal.caching.invalidation import read_scopes
from portal.caching.store import cached

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary, depends):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.depends = depends

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        site = getattr(request, "_wagtail_site", None)
        # The site matters because pageurl writes links relative to the request's site.
        vary = [getattr(site, "pk", None), *(value.resolve(context) for value in self.vary)]
        depends = self.depends.resolve(context) if self.depends else read_scopes(context["page"])
        render = lambda: self.nodelist.render(context)  # noqa: E731
        return cached(request, self.name.resolve(context), vary, render, list(depends), html=True)


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    depends = None
    if bits[-1].startswith("depends="):
        depends = parser.compile_filter(bits.pop()[len("depends="):])
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), vary, depends)
