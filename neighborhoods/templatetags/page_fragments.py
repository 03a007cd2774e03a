"""``{% cachedfragment "name" var … %}…{% endcachedfragment %}``: the enclosed template, rendered once
per content version, language, site and ``var`` values, then served from the cache.

Only for parts of a page that change when a page changes (its own fields, inline rows saved with it,
its children, other pages it lists): saving, publishing, moving or deleting any page replaces the
content version (portal/content_version.py). Nothing that changes without a page change (seats
left, the time of day, the reader) may go inside, nor anything that sets a variable used after it.
"""

from django import template

from portal.content_version import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        site = getattr(request, "_wagtail_site", None)
        # The site matters because pageurl writes links relative to the request's site.
        vary = [getattr(site, "pk", None), *(value.resolve(context) for value in self.vary)]
        return cached_fragment(request, self.name.resolve(context), vary, lambda: self.nodelist.render(context))


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), vary)
