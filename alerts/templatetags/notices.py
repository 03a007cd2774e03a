from django import template

from ..banner import notices_for

register = template.Library()


@register.inclusion_tag("alerts/includes/banner.html", takes_context=True)
def urgent_notices(context):
    request = context.get("request")
    if request is None:
        return {"notices": []}
    return {"notices": notices_for(request, context.get("page")), "request": request}
