"""Fact step: the channels of dialogue (councils, commissions, liaison offices) and where each is hosted.

:func:`channels` makes one :class:`Channel` per body of a channel kind a sentence names outside a
negated clause, described by that sentence (:func:`description`) and hosted where it says
(:func:`host`: "based in Kyiv").
"""

import re

from partnerdata._ingest import cues
from partnerdata._ingest.facts_context import Context, clean_clause, text
from partnerdata._ingest.mentions import Mention
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Channel, Text
from partnerdata._model.text import fold_chars, fold_marks

__all__ = ["channels", "description", "host"]

# Text is matched in its folded form (fold_chars: one character for one, so offsets hold).
plain = fold_chars

# The words skipped between a channel's name, opening its sentence, and what the sentence says it does.
_SKIPPED = frozenset("a has have is est ont also egalement regulierement regularly continues continue".split())


def channels(context: Context) -> list[Channel]:
    """The channels of dialogue the page names, in the order it first names them."""
    out: dict[str, Channel] = {}
    for s in context.sentences:
        for mention in s.affirmed:  # a negated clause names no channel
            if (
                mention.kind != "programme"
                or context.kind(mention.code) not in cues.CHANNEL_KINDS
                or mention.code in out
            ):
                continue
            evidence = [x.evidence for x in context.sentences if mention.code in x.own_programmes]
            out[mention.code] = Channel(
                body=mention.code,
                description=context.text(description(s, mention)),
                host=host(context.lang, s, mention),
                evidence=tuple(evidence),
            )
    return list(out.values())


def description(s: Sentence, mention: Mention) -> str:
    """What the sentence says of the channel: what follows its name where the name opens the
    sentence ("The NUC has met regularly since 1997" -> "met regularly since 1997"), else the
    sentence's first clause (if long enough) or the whole sentence."""
    before = s.low[: mention.start].strip()
    if before in {"", "le", "la", "les", "l'", "the", "a", "an"}:
        after = s.text[mention.end :]
        words = after.split()
        skip = 0
        while skip < len(words) - 1 and plain(words[skip]) in _SKIPPED:
            skip += 1
        rest = " ".join(words[skip + 1 :])
        rest = cues.ARTICLE.sub("", rest, count=1)
        clause = clean_clause(rest)
        if clause:
            return clause
    main = s.text.split(", ", 1)[0]
    return clean_clause(main if len(main) >= 40 else s.text) or s.text


def host(lang: str, s: Sentence, mention: Mention) -> Text | None:
    """Where the sentence says the channel is hosted, right after its name ("based in Kyiv"), in ``lang``."""
    after_low = fold_marks(s.text[mention.end :]).lower()
    match = cues.HOST.match(after_low)
    if match is None:
        return None
    rest = s.text[mention.end + match.end() :]
    rest = re.split(r"[,;.(](?:\s|$)", rest, maxsplit=1)[0]
    rest = cues.HOST_END.split(rest, maxsplit=1)[0]
    rest = cues.ARTICLE.sub("", rest.strip(), count=1)
    clause = clean_clause(rest)
    return text(lang, clause) if clause else None
