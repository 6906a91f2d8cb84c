"""What the tests of the fact steps share: a short page read up to the facts, as their context.

``context`` parses a page of one partner (the head of :mod:`_reading`, then ``body``), reads its
sentences and prepares them as :func:`partnerdata.extract` does before its fact steps; ``sentence``
is the last sentence of such a page, for the helpers that read one sentence.
"""

from _reading import DS, HEADS

import partnerdata
from partnerdata._ingest.facts_context import Context, heading_topics, lean_on_previous, page_sentences
from partnerdata._ingest.mentions import matcher
from partnerdata._ingest.sentence import Sentence

NAMES = matcher(DS)


def context(body: str, lang: str = "en", partner: str = "KAZ", *, prepared: bool = True) -> Context:
    """The context of the page of ``partner`` in ``lang`` whose lines after the head are ``body``.

    ``prepared``: whether sentences that name nothing have leant on the one before them, and
    headings given their topics, as before the fact steps.
    """
    page = partnerdata.parse_page(HEADS[partner, lang] + body)
    found = Context(page_sentences(page, NAMES, "test"), NAMES, partner, lang)
    if prepared:
        lean_on_previous(found)
        heading_topics(found, page)
    return found


def sentence(line: str, lang: str = "en", partner: str = "KAZ") -> tuple[Context, Sentence]:
    """A page holding ``line`` as its last item, and that line's sentence."""
    found = context(f"- {line}\n", lang, partner)
    return found, found.sentences[-1]
