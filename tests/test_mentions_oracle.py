"""The fast reading of words and names, checked against a brute-force oracle written here.

:func:`mentions.tokens` and :meth:`mentions.Matcher.mentions` visit only the words that can start
a name and skip the containment sweep when no two names overlap. The oracle below does neither:
it compares every form of the vocabulary at every word, and every pair of mentions for
containment, straight from the rules of :mod:`partnerdata._ingest.mentions` (names on content
words folded and singular, acronyms exactly as written, a name inside a longer one of the same
kind, or of the same topic, is no mention of its own, one mention per kind, code and first word).
Sentences are drawn from the vocabulary's own names, so that names nest and overlap.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata._ingest import cues, mentions
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.text import fold_chars

DS = partnerdata.load()
MATCHER = mentions.matcher(DS)
# Every form, whatever word it starts with: (kind, code, words, exact).
FORMS = [(k, c, tuple(w), False) for forms in MATCHER.names.values() for k, c, w, _ in forms] + [
    (k, c, tuple(w), True) for forms in MATCHER.acronyms.values() for k, c, w in forms
]
SKIPPED = mentions.STOP | {"son", "sa", "ses", "leur", "leurs", "its", "their"}


def oracle_tokens(text: str) -> list[tuple[str, str, int, int]]:
    low = fold_chars(text)
    return [(text[m.start() : m.end()], mentions.norm(m.group()), m.start(), m.end()) for m in re.finditer(r"\w+", low)]


def oracle_mentions(text: str) -> list[tuple[str, str, int, int, int, int]]:
    toks = oracle_tokens(text)
    content = [i for i, t in enumerate(toks) if t[1] not in SKIPPED]
    token_objs = mentions.tokens(text)  # the rule's helper below reads Token attributes
    found: list[tuple[str, str, int, int, int, int]] = []
    for kind, code, words, exact in FORMS:
        n = len(words)
        if exact:
            for i in range(len(toks) - n + 1):
                if all(toks[i + k][0] == words[k] for k in range(n)):
                    found.append((kind, code, i, i + n, toks[i][2], toks[i + n - 1][3]))
            continue
        for ci in range(len(content) - n + 1):
            if all(toks[content[ci + k]][1] == words[k] for k in range(n)):
                i, last = content[ci], content[ci + n - 1] + 1
                if (code, words) in MATCHER.parts and mentions._names_a_kind(token_objs, i, last):
                    continue
                found.append((kind, code, i, last, toks[i][2], toks[last - 1][3]))

    def group(m: tuple[str, str, int, int, int, int]) -> tuple[str, str]:
        return (m[0], m[1] if m[0] == "topic" else "")

    kept = [
        m
        for m in found
        if not any(
            group(o) == group(m) and o[2] <= m[2] and m[3] <= o[3] and (o[2], o[3]) != (m[2], m[3]) for o in found
        )
    ]
    best: dict[tuple[str, str, int], tuple[str, str, int, int, int, int]] = {}
    for m in kept:
        key = (m[0], m[1], m[2])
        if key not in best or m[3] > best[key][3]:
            best[key] = m
    return sorted(best.values(), key=lambda m: (m[2], m[0], m[1]))


def _surface(words: tuple[str, ...]) -> str:
    return " ".join(words)


PIECES = sorted(
    {_surface(w) for _, _, w, _ in FORMS}
    | {p.name.en for p in DS.partners if p.name.en}
    | {p.name.fr for p in DS.partners if p.name.fr}
    | {"le", "la", "l’", "des", "the", "its", "leurs", "forces", "programme", "programmes", "de", "d’", "and"}
    | {"NATO", "OTAN", "PfP", "PPP", "pfp", "Partenariat", "paix", "Peace", "cyber", "défense", "1995", "x"}
)
SEPARATORS = [" ", " ", " ", ", ", "-", "\u00a0", "’", " (", ") ", "; "]


@st.composite
def names_with_gaps(draw: st.DrawFn) -> str:
    """A name's words with articles or possessives between them, which names are compared without."""
    words = draw(st.sampled_from(FORMS))[2]
    out = []
    for word in words:
        out.append(word)
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(sorted(SKIPPED))))
    return " ".join(out)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES) | names_with_gaps(), max_size=12))
    out = ""
    for piece in pieces:
        if draw(st.booleans()):
            piece = piece.upper() if draw(st.booleans()) else piece.capitalize()
        out += piece + draw(st.sampled_from(SEPARATORS))
    return out


@given(sentences())
def test_tokens_and_mentions_agree_with_the_oracle(text: str) -> None:
    toks = mentions.tokens(text)
    assert [tuple(t) for t in toks] == oracle_tokens(text)
    assert mentions.tokens(text, fold_chars(text)) == toks
    assert [tuple(m) for m in MATCHER.mentions(toks)] == oracle_mentions(text)


@given(sentences().map(lambda text: text + "x"))  # a sentence is never empty
def test_a_sentence_reads_the_same_names_as_the_oracle(text: str) -> None:
    s = Sentence((1, 0, 0), text, None, MATCHER, "x")
    assert s.low == fold_chars(text)
    assert [tuple(m) for m in s.mentions] == oracle_mentions(text)
    # Years are written in digits: the quick test for a digit drops none.
    assert s.years == [(int(m.group(1)), m.start(1)) for m in cues.YEAR.finditer(s.low)]


def test_nested_and_overlapping_names_by_hand() -> None:
    # "PfP" inside "PfP Planning and Review Process" is part of that name; "cyber defence" and the
    # programme around it are of different kinds and both stay; "Partnership for Peace" twice is
    # two mentions.
    text = "The PfP Planning and Review Process of the Partnership for Peace, and the Partnership for Peace."
    found = [(m.kind, m.code, text[m.start : m.end]) for m in MATCHER.mentions(mentions.tokens(text))]
    assert ("programme", "PARP", "PfP Planning and Review Process") in found
    assert [f for f in found if f[1] == "PFP"] == [
        ("programme", "PFP", "Partnership for Peace"),
        ("programme", "PFP", "Partnership for Peace"),
    ]
    assert found == [(m[0], m[1], text[m[4] : m[5]]) for m in oracle_mentions(text)]
