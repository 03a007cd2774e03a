from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import NewsPage


@receiver(post_page_move)
def refresh_news_neighborhood(sender, instance, **kwargs):
    """A moved news index or news item may now belong to another neighbourhood."""
    for news in NewsPage.objects.descendant_of(instance, inclusive=True):
        neighborhood = news.find_neighborhood()
        if news.neighborhood_id != getattr(neighborhood, "pk", None):
            NewsPage.objects.filter(pk=news.pk).update(neighborhood=neighborhood)
