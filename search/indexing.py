"""What a page type puts in the search index: its title and text, normalised (see `search.text`)."""

from wagtail.search import index

from wagtail.rich_text import get_text_for_indexing

from portal.text import field_text

from .text import index_text



class SearchableText:
    """Mixed into the page types the site search covers.

    `search_text_fields` names the attributes whose text is indexed after the title; the index holds
    them normalised (`search_index_text`, which also carries the title so one vector answers a query)
    and the title alone for suggestions while typing (`search_index_title`).
    """

    search_text_fields = ()
    # The excerpt under a result: the first of these that has text.
    search_excerpt_fields = ()

    def search_index_text(self):
        return index_text(self.title, *(field_text(getattr(self, name, "")) for name in self.search_text_fields))

    def search_index_title(self):
        return index_text(self.title)

    def search_excerpt_source(self):
        for name in self.search_excerpt_fields:
            value = field_text(getattr(self, name, ""))
            if value:
                value = str(value)
                return get_text_for_indexing(value) if "<" in value else value
        return ""


# Added to a page type's `search_fields` in place of its raw text fields.
NORMALISED_FIELDS = [index.SearchField("search_index_text"), index.AutocompleteField("search_index_title")]
