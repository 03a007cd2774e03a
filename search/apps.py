from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"  # `search` would collide with wagtail.search's label
    verbose_name = "جستجوی سایت"
