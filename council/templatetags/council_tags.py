from django import template

register = template.Library()


@register.filter
def overdue_on(resolution, today):
    """Whether ``resolution`` is overdue on ``today`` (the day in Tehran the page was rendered for)."""
    return resolution.is_overdue(today)


@register.filter
def count_of(counts, status):
    return counts.get(status, 0)
