from .index import NewsIndexPage
from .page import NewsPage, NewsPageTag

__all__ = ["NewsIndexPage", "NewsPage", "NewsPageTag"]
