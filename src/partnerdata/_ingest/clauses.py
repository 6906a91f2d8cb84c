"""Step 3 of reading a sentence: its clauses, how far a negation reaches, and where a year belongs.

A sentence is cut into *clauses* at ``;``, ``:`` and ``,``, before a contrast (*but*, *mais*,
*while* ...) and before *and*/*et* after a date ("began in 1992 and an IPAP was signed in 2006"),
before one, or before a verb of its own dated right after it ("joined the PfP and has taken part
since 2002 in PARP"; "NATO and Kazakhstan adopted" stays one clause), but never inside a name of the vocabulary
("Planning and Review Process" is one name). Everything is read from the folded sentence and its
tokens (:mod:`partnerdata._ingest.mentions`), in passes over them: linear in the sentence (and a
binary search per year).

Negation. A cue negates its clause, and the clauses that continue it (a list after a comma,
"SPS, PARP or DEEP"); a clause opened by a contrast, a semicolon or a new subject (*it*, *il*)
ends it. A verb's negation (*not*, *never*, *ne ... pas*) negates its whole clause, subject
included ("Troops have never served"); a determiner or preposition (*no*, *without*, *sans*,
*aucun*, *ni*) negates from where it stands. *ne ... que* restricts and *not only* adds: neither
negates. A choice (*rather than*, *instead of*, *plutôt que*, *au lieu de*) negates what it sets
aside; a negation in a clause set before the subject (*although*, *bien que*, *rather than*,
*sans* ...) ends at that clause's comma.

Years. A year belongs to a name of its clause, in reading order: the head of the nearest noun
phrase before it ("the Planning and Review Process of the Partnership for Peace since 2002" is the
Process's year), else the first name after it ("Since 2002 it has taken part in PARP"). A date
opening the sentence dates what follows it; a clause holding only a date ("and, since 2002,")
belongs to the clause after it when it follows *and*/*but* or the clause before names nothing,
else to the clause before it; after a semicolon it opens a statement of its own and belongs to the
clause after it. A phrase set before the subject ("At the Wales Summit in September 2014, ...")
dates the first name after it. A relative clause (", which ...,") is set aside and the clause after
it continues the one before it; a clause opened by *when*, *with*, *of* (*quand*, *avec*, *du*)
continues the one before it; a clause naming nothing after a comma (", first agreed in 2005")
describes the name before it. A year in brackets right after a name is that name's.
"""

import bisect
import itertools
import re
from collections.abc import Sequence

from attrs import frozen

from partnerdata._ingest.mentions import Token

__all__ = ["Clause", "attach_years", "clauses", "may_negate", "negated_spans", "sides", "unit_of", "year_units"]

Span = tuple[int, int]

# Words that open a clause of their own, outside names: coordinations, then contrasts.
CONJUNCTIONS = frozenset({"and", "et", "puis", "then"})
CONTRASTS = frozenset(
    {"but", "mais", "whereas", "while", "although", "though", "tandis", "alors", "cependant", "however", "yet"}
)
CONNECTIVES = CONJUNCTIONS | CONTRASTS
# Words that, after a comma, open a relative clause (set aside) or a subordinate one (continues).
# After a comma, "que"/"qu'" opens a relative clause too (round 11: "l'IPP, qu'il suivait depuis 1997, ...").
RELATIVES = frozenset(
    {"which", "who", "whom", "whose", "qui", "que", "qu", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}
)
SUBORDINATORS = frozenset(
    {"when", "quand", "lorsque", "lorsqu", "after", "apres", "once", "as", "where", "with", "avec", "through", "via",
     "of", "de", "du", "following", "thanks", "grace", "year", "annee"}
)  # fmt: skip
# Prepositions that, after a comma, go on with the clause before it (for years, not for negation:
# "does not send troops to KFOR, to ISAF or to RSM" is one negated list).
PREPOSITIONS = frozenset({"a", "au", "aux", "to", "in", "en", "dans", "within", "at", "under", "sous"})
# Past participles that open an apposition describing the name before it (", adopté en 1995,", ", agreed in
# 2014,"): set aside like a relative clause, so that the clause after it goes back to the one before (round 14).
PARTICIPLES = frozenset(
    {"adopte", "adoptee", "signe", "signee", "conclu", "conclue", "lance", "lancee", "approuve", "approuvee",
     "revise", "revisee", "renouvele", "renouvelee", "cree", "creee", "etabli", "etablie", "adopted", "signed",
     "agreed", "concluded", "launched", "approved", "revised", "renewed", "created", "established"}
)  # fmt: skip
# Pronouns that open a clause of its own: a year after it is not read back past it.
PRONOUNS = frozenset({"it", "il", "elle", "ils", "elles", "they", "we", "nous", "on"})
# A clause that starts with one of these has a subject of its own: a negation does not run into it.
NEW_SUBJECT = frozenset(
    {"it", "il", "elle", "ils", "elles", "they", "we", "nous", "on", "this", "these", "cela", "ceci", "has", "have",
     "had", "is", "are", "was", "were", "will", "can", "est", "sont", "ont", "etait", "avait"}
) | RELATIVES | SUBORDINATORS | CONTRASTS  # fmt: skip
ARTICLES = frozenset({"the", "l", "la", "le", "les"})
LISTING = frozenset({"and", "et", "or", "ou", "nor", "ni"})

# Negation cues. Verbs' negations reach back to the clause's start; the others reach forward.
VERBAL = frozenset({"not", "never", "jamais", "cannot"})
FORWARD = frozenset({"no", "without", "sans", "aucun", "aucune", "ni", "nor", "neither"})
# "ne"/"n'" negate only with one of these within a few words ("ne ... que" means "only").
PAIRS = frozenset({"pas", "plus", "jamais", "point", "aucun", "aucune", "rien", "ni"})
PAIR_SPAN = 4
# Idioms holding a cue that affirm: "sans oublier", "not only", "ne ... pas seulement".
IDIOMS = frozenset(
    {("sans", "oublier"), ("sans", "compter"), ("not", "only"), ("no", "doubt"), ("not", "least"),
     # round 9: "sans cesse", "sans relâche", "without interruption": "constantly", no denial
     ("sans", "cesse"), ("sans", "relache"), ("without", "interruption"), ("without", "fail")}
)  # fmt: skip
ONLY = frozenset({"seulement", "uniquement"})
# A choice of one thing over another negates the other, from where it stands: "rather than",
# "instead of", "plutot que", "au lieu de" (the word, then the one that must follow it).
CHOICES = {"rather": frozenset({"than"}), "instead": frozenset({"of"}), "plutot": frozenset({"que", "qu"})}
CUE_WORDS = VERBAL | FORWARD | CHOICES.keys() | {"ne", "n", "t", "lieu"}
# The first word of a clause that opens the sentence before its subject (a concession, a choice, a
# condition): a negation there ends with that clause ("Bien qu'elle n'ait jamais envoye de troupes,
# la Coree a deploye ..."; "Rather than join DEEP, it chose BI").
FRONTED = frozenset(
    {"although", "though", "bien", "quoique", "even", "while", "whereas", "alors", "tandis", "plutot", "rather",
     "instead", "au", "sans", "without", "if", "si", "unlike", "contrairement"}
)  # fmt: skip
# Prepositions that open a phrase set before the subject ("At the Wales Summit in September 2014,
# the Allies named ...", "Depuis la mise en place de ce statut en 2016, ..."): a year there dates
# what follows it.
FRONT_PREPOSITIONS = frozenset(
    {"at", "in", "on", "during", "after", "before", "lors", "au", "a", "en", "dans", "durant", "pendant", "apres",
     "avant", "since", "depuis"}
)  # fmt: skip

# The words a clause holding only a date may have: prepositions, articles, months, ordinals.
DATE_WORDS = frozenset(
    "since in from on of by as starting beginning early late mid until till to between the year en depuis a partir de "
    "des du dans entre jusqu au "
    "courant le l annee au debut fin er st nd rd th janvier fevrier mars avril mai juin juillet aout septembre "
    "octobre novembre decembre january february march april may june july august september october november "
    "december".split()
)
MONTH_WORDS = frozenset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march "
    "april may june july august september october november december".split()
)
DATE_PREPOSITIONS = frozenset("in since from on en depuis des starting until jusqu".split())
# The words that join a name to the one it completes: "X of the Y", "X du Y".
COMPLEMENT = frozenset({"de", "du", "des", "d", "of", "the", "la", "le", "l", "les"})
_WORD = re.compile(r"\w+")


@frozen
class Clause:
    """A clause of a sentence: its characters (``start``, ``end``), tokens (``first``, ``last``, end
    exclusive), the punctuation before it (``mark``: ``""``, ``","``, ``";"`` or ``":"``) and its
    first word past an article, folded (``lead``)."""

    start: int
    end: int
    first: int
    last: int
    mark: str
    lead: str


def clauses(low: str, tokens: Sequence[Token], names: Sequence[Span] = ()) -> list[Clause]:
    """The clauses of a folded sentence, in order; they cover it end to end.

    ``names`` are the character spans of the names found in it, which are never cut.

    >>> from partnerdata._ingest.mentions import tokens
    >>> low = "it joined pfp and, since 2002, has taken part in parp; it trains."
    >>> [low[c.start : c.end] for c in clauses(low, tokens(low))]
    ['it joined pfp ', 'and, since 2002', ', has taken part in parp', '; it trains.']
    >>> low = "nato and kazakhstan began in 1992 and signed a plan in 2006."
    >>> at = low.index("kazakhstan")  # the partner's name, as the reader passes it
    >>> [low[c.start : c.end] for c in clauses(low, tokens(low), [(at, at + len("kazakhstan"))])]
    ['nato and kazakhstan began in 1992 ', 'and signed a plan in 2006.']
    """
    if not tokens:
        return [Clause(0, len(low), 0, 0, "", "")]
    words = [low[t.start : t.end] for t in tokens]
    if "," not in low and ";" not in low and ":" not in low and CONNECTIVES.isdisjoint(words):
        return [Clause(0, len(low), 0, len(tokens), "", _lead(low, tokens, 0, len(tokens)))]  # most sentences
    spans = sorted(names)
    out: list[Clause] = []
    start, first, mark = 0, 0, ""
    named: list[bool] | None = None  # per token, whether it lies in a name: worked out when first needed
    # Whether the open clause holds a year after a word that is not part of a date: a date that
    # opens it ("In 2005 Mongolia and NATO began ...") dates what follows and ends no phrase.
    dated = False
    worded = not (_is_year(low, tokens[0]) or words[0] in DATE_WORDS)
    reach, n = -1, 0  # the furthest end among names starting before the current token

    def cut(at: int, where: int, punct: str) -> None:
        nonlocal start, first, mark
        out.append(Clause(start, 0, first, at, mark, _lead(low, tokens, first, at)))
        start, first, mark = where, at, punct

    for i in range(1, len(tokens)):
        tok = tokens[i]
        while n < len(spans) and spans[n][0] < tok.start:
            reach = max(reach, spans[n][1])
            n += 1
        word = words[i]
        year = len(word) == 4 and word.isdigit()
        if reach > tok.start:
            dated, worded = False, True
            continue  # inside a name
        end = tokens[i - 1].end
        gap = low[end : tok.start]
        punct = ";" if ";" in gap else ":" if ":" in gap else "," if "," in gap else ""
        if punct == "," and words[i - 1] in CONNECTIVES:
            # "and, since 2002, ...": the connective, not the comma, opens the clause.
            if i - 1 > first:
                cut(i - 1, tokens[i - 1].start, "")
            dated, worded = False, not (year or word in DATE_WORDS)
            continue
        # A bare "and" opens a clause only after a phrase that ends in a date ("began in 1992 and
        # an IPAP was signed in 2006") or before one ("joined PfP and in 2002 PARP"), or before a
        # verb of its own dated right after it ("joined PfP and has taken part since 2002 in PARP",
        # "et participe depuis 2002 au PARP"): "NATO and Kazakhstan adopted ...", "in 1992 that
        # NATO and Kazakhstan began" are one clause.
        joins = word in CONJUNCTIONS and (dated or _opens_date(words, i + 1))
        verb = _verb_then_date(words, i + 1) if word in CONJUNCTIONS and not (punct or joins) else None
        if verb is not None:
            named = _in_names(tokens, spans) if named is None else named  # once per sentence, and rarely
            joins = not any(named[i + 1 : verb])
        # "has not yet been offered": "yet" after a negation is an adverb of it, no contrast; and
        # "alors" contrasts only as "alors que" ("il a alors rejoint" is "then")
        contrast = word in CONTRASTS and not (
            (word == "yet" and not punct and words[i - 1] in VERBAL)
            or (word == "alors" and (words[i + 1] if i + 1 < len(words) else "") not in ("que", "qu"))
        )
        if punct or contrast or joins:
            cut(i, end + gap.index(punct) if punct else tok.start, punct)
            dated, worded = False, False
        if year:
            dated = dated or worded
        elif word not in DATE_WORDS:
            dated, worded = False, True
    out.append(Clause(start, len(low), first, len(tokens), mark, _lead(low, tokens, first, len(tokens))))
    closed = [Clause(c.start, nxt.start, c.first, c.last, c.mark, c.lead) for c, nxt in itertools.pairwise(out)]
    return [*closed, out[-1]]


def _opens_date(words: Sequence[str], i: int) -> bool:
    """Whether the words from ``i`` open a date: a year, or a preposition then a year or month."""
    if i >= len(words):
        return False
    if len(words[i]) == 4 and words[i].isdigit():
        return True
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return words[i] in DATE_PREPOSITIONS and ((len(nxt) == 4 and nxt.isdigit()) or nxt in MONTH_WORDS)


# Words that open a noun phrase (articles, determiners, possessives): a word after "and" that is
# none of these, nor part of a name, may be a verb of its own ("and takes part since 2002").
NOUN_OPENERS = frozenset(
    "the a an its their his her this that these those other le la les l un une des du de d son sa ses leur leurs "
    "ce cet cette ces autre autres".split()
)
# At most this many words between "and" and the date that follows its verb ("and has taken part since").
_VERB_WORDS = 3


def _in_names(tokens: Sequence[Token], spans: Sequence[Span]) -> list[bool]:
    """Per token, whether it lies inside one of the (sorted) name spans: one sweep over both."""
    out: list[bool] = []
    reach, n = -1, 0
    for tok in tokens:
        while n < len(spans) and spans[n][0] <= tok.start:
            reach = max(reach, spans[n][1])
            n += 1
        out.append(reach > tok.start)
    return out


def _verb_then_date(words: Sequence[str], i: int) -> int | None:
    """Where a date opens (:func:`_opens_date`) after one to three words from ``i`` that may be a verb, or None.

    A word that opens a noun phrase ends the look ("and the PARP since 2002"); the caller also
    checks that none of the words lies in a name ("and Kazakhstan since 1992").
    """
    for j in range(i, min(len(words), i + _VERB_WORDS + 1)):
        if j > i and _opens_date(words, j):
            return j
        if words[j] in NOUN_OPENERS or words[j] in CONNECTIVES or words[j].isdigit():
            return None
    return None


def _lead(low: str, tokens: Sequence[Token], first: int, last: int) -> str:
    """A clause's first word, past an article (", the year it joined", ", l'année où")."""
    if last - first > 1 and _word(low, tokens[first]) in ARTICLES:
        return _word(low, tokens[first + 1])
    if first < last and tokens[first].raw in ("a", "A"):
        # Written without its accent, "a" is a verb ("..., a été remplacé") or an article, not "à".
        return "a-"
    word = _word(low, tokens[first])
    if word in _RELATIVE_PREPOSITIONS:
        # "..., within which it led a team", "au sein de laquelle" (round 12): a relative clause
        for k in range(first + 1, min(last, first + 4)):
            if _word(low, tokens[k]) in _PREPOSED_RELATIVES:
                return _word(low, tokens[k])
    return word


# Words before a relative pronoun that opens a clause ("within which", "au sein de laquelle", "dans lequel").
_RELATIVE_PREPOSITIONS = frozenset({"within", "in", "under", "through", "au", "dans", "sous", "par", "pour"})
_PREPOSED_RELATIVES = frozenset({"which", "whom", "laquelle", "lequel", "lesquels", "lesquelles"})


def _is_year(low: str, token: Token) -> bool:
    return token.end - token.start == 4 and low[token.start : token.end].isdigit()


def sides(parts: Sequence[Clause]) -> list[Span]:
    """The spans of a sentence between contrasts (*but*, *mais*, *while* ...), semicolons and colons.

    What one side says about an operation is not what the other says ("does not contribute units
    to NATO-led operations, but a battalion is being trained").
    """
    out: list[Span] = []
    for c in parts:
        if out and not (c.mark in (";", ":") or c.lead in CONTRASTS):
            out[-1] = (out[-1][0], c.end)
        else:
            out.append((c.start, c.end))
    return out


def _word(low: str, token: Token) -> str:
    return low[token.start : token.end]


def _cue(low: str, words: Sequence[str], tokens: Sequence[Token], i: int) -> str | None:
    """``"verbal"`` or ``"forward"`` if the word at ``i`` is a negation cue, else ``None``."""
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if (word, following) in IDIOMS:
        return None
    if word in VERBAL:
        return "verbal"
    if word in FORWARD:
        return "forward"
    if following in CHOICES.get(word, ()):
        return "forward"
    if word == "lieu" and i > 0 and words[i - 1] == "au" and following in ("de", "du", "des", "d"):
        return "forward"
    if word == "ne" or (word == "n" and low[tokens[i].end : tokens[i].end + 1] == "'"):
        for k in range(i + 1, min(len(words), i + 1 + PAIR_SPAN)):
            if words[k] in PAIRS:
                after = words[k + 1] if k + 1 < len(words) else ""
                return None if words[k] == "pas" and after in ONLY else "verbal"
        return None
    # English "n't": the word before ends in n and an apostrophe joins them ("doesn't").
    if word == "t" and i > 0 and words[i - 1].endswith("n") and low[tokens[i - 1].end : tokens[i].start] == "'":
        return "verbal"
    return None


def negated_spans(
    low: str, tokens: Sequence[Token], names: Sequence[Span] = (), parts: Sequence[Clause] | None = None
) -> list[Span]:
    """The character spans of a folded sentence that a negation reaches (see the module's rules).

    >>> from partnerdata._ingest.mentions import tokens
    >>> low = "it is not a member, but it sends troops."
    >>> [low[a:b] for a, b in negated_spans(low, tokens(low))]
    ['it is not a member']
    """
    if not may_negate(low, tokens):
        return []  # no cue at all: most sentences
    words = [low[t.start : t.end] for t in tokens]  # not _word: a call per word costs as much again
    parts = clauses(low, tokens, names) if parts is None else parts
    out: list[Span] = []
    current: list[int] | None = None
    fronted = False  # whether the negated clause opens the sentence before its subject
    for c in parts:
        if current is not None and not fronted and _continues(c, words):
            current[1] = c.end
            continue
        if current is not None:
            out.append((current[0], current[1]))
            current = None
        for i in range(c.first, c.last):
            kind = _cue(low, words, tokens, i)
            if kind is not None:
                current = [c.start if kind == "verbal" else tokens[i].start, c.end]
                fronted = c.first == 0 and words[0] in FRONTED
                break
    if current is not None:
        out.append((current[0], current[1]))
    return out


def may_negate(low: str, tokens: Sequence[Token]) -> bool:
    """Whether a sentence holds a word that may be a negation cue (most hold none)."""
    return not CUE_WORDS.isdisjoint(low[t.start : t.end] for t in tokens)


def _continues(c: Clause, words: Sequence[str]) -> bool:
    """Whether a clause goes on with the negated one before it (a list), rather than start anew."""
    if c.mark in (";", ":") or c.first >= c.last:
        return False
    if c.mark == "" and c.lead not in LISTING:
        return False
    first = c.first + 1 if c.lead in LISTING and c.first + 1 < c.last else c.first
    return words[c.first] not in NEW_SUBJECT and words[first] not in NEW_SUBJECT


def unit_of(parts: Sequence[Clause]) -> list[int]:
    """Per clause, the clause that it continues (its own index if none): relative clauses set aside.

    A clause opened by a subordinator or a preposition continues the one before it ("contribue
    depuis 1999, avec un peloton, à la KFOR"; "took part in ISAF, in Afghanistan, ...").
    """
    units: list[int] = []
    resume: int | None = None  # the unit a clause after a relative clause goes back to
    for k, c in enumerate(parts):
        if k > 0 and c.mark == "," and c.lead in SUBORDINATORS:
            units.append(units[k - 1])
        elif k > 0 and c.mark == "," and (c.lead in RELATIVES or c.lead in PARTICIPLES):
            resume = units[k - 1] if resume is None else resume
            units.append(k)
            continue
        elif resume is not None and c.mark == "," and c.lead not in CONNECTIVES:
            units.append(resume)
        elif k > 0 and c.mark == "," and c.lead in PREPOSITIONS:
            units.append(units[k - 1])
        else:
            units.append(k)
        resume = None
    return units


def _date_only(low: str, tokens: Sequence[Token], c: Clause) -> bool:
    # A meeting named with its date is a date too ("at the Wales Summit in September 2014"; round 16):
    # its name's capitalised words then count as date words.
    meeting = any(_word(low, tokens[i]) in _MEETINGS for i in range(c.first, c.last))
    for i in range(c.first, c.last):
        word = _word(low, tokens[i])
        if not (
            word.isdigit()
            or word in DATE_WORDS
            or (i == c.first and word in CONNECTIVES)
            or (meeting and (word in _MEETINGS or word in _AT or tokens[i].raw[:1].isupper()))
        ):
            return False
    return c.last > c.first


_MEETINGS = frozenset({"summit", "sommet", "meeting", "reunion", "conference", "ministerial"})
_AT = frozenset({"at", "lors", "during", "a", "au", "its", "son", "sa"})


def year_units(
    low: str,
    tokens: Sequence[Token],
    parts: Sequence[Clause],
    years: Sequence[tuple[int, int]],
    candidates: Sequence[Span] = (),
    opening: bool = False,
) -> list[int]:
    """Per year (value, offset), the unit (see :func:`unit_of`) it belongs to.

    A clause holding only a date belongs to the next clause if it opens the sentence, follows a
    connective or the clause before it names no candidate; else to the clause before it. With
    ``opening``, a date that opens the sentence gets -1: it dates the whole sentence after it.
    """
    units = unit_of(parts)
    starts = [c.start for c in parts]
    named = {units[_at(starts, a)] for a, _ in candidates}
    # Per clause, the nearest unit naming a candidate, back through clauses set off by commas that
    # name nothing ("the Planning and Review Process, a mechanism for assessing forces, since
    # 2002"): computed once, in one pass, so that each year is one look-up.
    reach: list[int | None] = []
    for k, c in enumerate(parts):
        if units[k] in named:
            reach.append(units[k])
        elif k > 0 and c.mark == "," and c.lead not in CONNECTIVES and c.lead not in PRONOUNS:
            reach.append(reach[k - 1])
        else:
            reach.append(None)
    out: list[int] = []
    for _, at in years:
        k = _at(starts, at)
        c = parts[k]
        if k == 0 and opening and len(parts) > 1 and _fronted_phrase(low, tokens, c, units, named, parts[1]):
            out.append(-1)
            continue
        if _date_only(low, tokens, c) and len(parts) > 1:
            if k == 0 and opening:
                out.append(-1)
                continue
            back = units[k] if units[k] != k and units[k] in named else reach[k - 1] if k > 0 else None
            # After a semicolon or a colon the date opens a new statement ("...; since 2023, an ITPP ...").
            forward = k == 0 or c.lead in CONNECTIVES or back is None or c.mark in (";", ":")
            if forward and k + 1 < len(parts):
                out.append(units[k + 1])
                continue
            if k > 0:
                out.append(units[k - 1] if back is None else back)
                continue
        out.append(units[k])
    return out


def _fronted_phrase(
    low: str, tokens: Sequence[Token], c: Clause, units: Sequence[int], named: set[int], nxt: Clause
) -> bool:
    """Whether the first clause is a phrase set before the subject, naming no candidate: it opens on a
    preposition and a comma ends it ("At the Wales Summit in September 2014, ...")."""
    return (
        c.last > c.first
        and _word(low, tokens[c.first]) in FRONT_PREPOSITIONS
        and nxt.mark == ","
        and units[0] not in named
        and nxt.lead not in RELATIVES
    )


def _at(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def attach_years(
    low: str,
    tokens: Sequence[Token],
    candidates: Sequence[Span],
    years: Sequence[tuple[int, int]],
    names: Sequence[Span] | None = None,
    parts: Sequence[Clause] | None = None,
) -> list[int | None]:
    """Per year (value, offset), the index of the candidate name (a span, in reading order) it belongs to.

    ``None`` where no candidate shares the year's clause. ``names`` (all the names of the sentence,
    by default the candidates) are never cut into clauses.

    >>> from partnerdata._ingest.mentions import tokens
    >>> low = "it joined pfp in 1995 and, since 2002, parp."
    >>> attach_years(low, tokens(low), [(10, 13), (39, 43)], [(1995, 17), (2002, 33)])
    [0, 1]
    """
    parts = clauses(low, tokens, candidates if names is None else names) if parts is None else parts
    units = unit_of(parts)
    starts = [c.start for c in parts]
    # Per unit, its candidates in reading order and the head of each one's noun phrase: computed
    # once, so that each year is one search (a sentence of many names and years stays linear).
    by_unit: dict[int, list[int]] = {}
    head: list[int] = list(range(len(candidates)))
    for i, (a, _) in enumerate(candidates):
        mine = by_unit.setdefault(units[_at(starts, a)], [])
        if mine and _completes(low[candidates[mine[-1]][1] : a]):
            head[i] = head[mine[-1]]
        mine.append(i)
    ends = {b: i for i, (_, b) in enumerate(candidates)}
    words = [low[t.start : t.end] for t in tokens]  # not _word: a call per word costs as much again
    out: list[int | None] = []
    firsts = [a for a, _ in candidates]
    year_unit = year_units(low, tokens, parts, years, candidates, opening=True)
    for (_, at), unit in zip(years, year_unit, strict=True):
        bracketed = _bracketed(low, at, ends)
        if bracketed is not None:
            out.append(bracketed)
            continue
        if unit < 0:  # a date opening the sentence ("In 2014, the Allies ... and ... the DCB")
            after = bisect.bisect_right(firsts, at)
            # Not a name whose own clause has its own date ("In April 2011, Allies agreed to ..., and
            # the two sides signed an IPCP on 24 September 2012"): that date is the name's.
            if after < len(candidates) and units[_at(starts, candidates[after][0])] in year_unit:
                after = len(candidates)
            out.append(after if after < len(candidates) else None)
            continue
        mine = by_unit.get(unit, [])
        k = _count_before(candidates, mine, at)
        if k > 0:
            out.append(head[mine[k - 1]])
        elif mine:
            out.append(mine[0] if candidates[mine[0]][0] > at else None)
        else:
            found = _described(low, candidates, parts, units, starts, by_unit, head, words, at)
            if found is None:
                found = _dated_by_next(low, parts, units, starts, by_unit, head, at)
            out.append(found)
    return out


# "remontent à 1995, date à laquelle il a adhéré au PPP", "go back to 1995, the year in which it
# joined the PfP": a clause renaming the date before it as its own.
_DATE_LEADS = frozenset({"date", "annee", "year", "moment"})
_FOUR_DIGITS = re.compile(r"\d{4}")
DATE_REL = re.compile(
    r"[\s,]*(?:(?:la|le|the|l')\s*)?(?:date|annee|year|moment)\s+(?:a laquelle|ou|when|in which|de son|de sa|of its|"
    # round 12: "the year it also entered the PARP", "the year that"
    r"that|it|they|the country)\b"
)


def _dated_by_next(
    low: str,
    parts: Sequence[Clause],
    units: Sequence[int],
    starts: Sequence[int],
    by_unit: dict[int, list[int]],
    head: Sequence[int],
    at: int,
) -> int | None:
    """The first name of the next clause, where that clause renames this year as its own date and has none."""
    k = _at(starts, at)
    if k + 1 >= len(parts):
        return None
    n = parts[k + 1]
    if n.mark != "," or n.lead not in _DATE_LEADS or units[k + 1] == units[k] or not DATE_REL.match(low, n.start):
        return None
    named = by_unit.get(units[k + 1], [])
    if not named or _FOUR_DIGITS.search(low, n.start, n.end):
        return None
    return head[named[0]]


def _described(
    low: str,
    candidates: Sequence[Span],
    parts: Sequence[Clause],
    units: Sequence[int],
    starts: Sequence[int],
    by_unit: dict[int, list[int]],
    head: Sequence[int],
    words: Sequence[str],
    at: int,
) -> int | None:
    """A clause without a name that describes the name before it: ", first agreed in 2005".

    A relative clause right after a name describes that name too ("The Membership Action Plan,
    which it joined in 1999, ..."; "le Partenariat pour la paix, que le pays a rejoint en 1995").
    """
    k = _at(starts, at)
    c = parts[k]
    if k > 0 and c.mark == ";" and c.lead in _FIRST_LEADS and _FIRST_ONE.match(low, c.start):
        # "... an IPP, agreed for two years at a time; the first was drawn up in 2004": "the first"
        # stands for the name before it (the nearest clause back that names one: two back, or further
        # through clauses set off by commas, "an IPP, drawn up every two years, lists ...; the first").
        for j in range(k - 1, -1, -1):
            named = by_unit.get(units[j], [])
            if named:
                return head[named[-1]]
            if j < k - 1 and parts[j].mark != ",":
                break  # a walk stops at a clause not set off by a comma: walks never overlap (linear)
        return None
    if k == 0 or c.mark != ",":
        return None
    # The names of the clause before, said before this one (a clause's unit may go on after it).
    before = [i for i in by_unit.get(units[k - 1], []) if candidates[i][1] <= c.start]
    if c.lead in RELATIVES:
        # Only the name that the relative pronoun follows: "joined NACC in 1992, which ..." is not it.
        # A head noun may stand between (round 10: "the Partnership for Peace framework, which it joined").
        if before and _HEAD.fullmatch(low[candidates[before[-1]][1] : c.start].strip(" )")):
            return head[before[-1]]
        return None
    if words[c.first] in NEW_SUBJECT or words[c.first] in CONNECTIVES:
        return None
    # Back past an apposition that names nothing to its subject ("A Trust Fund project, the largest
    # of its kind, destroyed ... from 2005 to 2011"): at most two clauses, so each year stays cheap.
    j = k - 1
    while not before and j > max(0, k - 3) and parts[j].mark == "," and words[parts[j].first] not in _NOT_APPOSITION:
        j -= 1
        before = by_unit.get(units[j], [])
    return head[before[-1]] if before else None


# Nothing, a head noun after a name ("the PfP framework") or its owner ("l'IPCP du Kazakhstan"): a relative
# clause there describes the name (round 11).
_HEAD = re.compile(
    r"(?:framework|programme|program|initiative|process|mechanism|format)?"
    r"(?:\s*(?:du|des|de la|de l'|d'|de|of)\s*[a-z-]+)?"
    # round 18: a project of the programme, with what it is about ("the SPS project on the detection of
    # improvised explosive devices, which ran from 2009 to 2011"): letters and spaces only, bounded
    r"|(?:project|projet)s?(?:\s(?:on|about|for|sur|de|d'|pour|du|des)\s?[a-z' -]{0,80})?"
)

# "the first was ...", "le premier a été ...": "first" used as a pronoun, with its verb right after.
_FIRST_LEADS = frozenset({"first", "premier", "premiere"})
_FIRST_ONE = re.compile(
    r"[\s;]*(?:the|le|la)\s+(?:first|premier|premiere)\s+(?:was|were|is|had|has|dates|date|a|avait|fut|remonte)\b"
)

# Words opening a clause that is no apposition of the name before it.
_NOT_APPOSITION = NEW_SUBJECT | CONNECTIVES | RELATIVES | PRONOUNS | SUBORDINATORS


def _count_before(candidates: Sequence[Span], mine: Sequence[int], at: int) -> int:
    """How many of ``mine`` (in reading order) end at or before ``at``: a binary search."""
    lo, hi = 0, len(mine)
    while lo < hi:
        mid = (lo + hi) // 2
        if candidates[mine[mid]][1] <= at:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _completes(gap: str) -> bool:
    """Whether the text between two names joins the second to the first ("X of the Y", "X du Y")."""
    return not any(p in gap for p in ",;:") and all(w in COMPLEMENT for w in _WORD.findall(gap))


def _bracketed(low: str, at: int, ends: dict[int, int]) -> int | None:
    """The candidate just before a year written in brackets ("the Council (1992)"), if any."""
    k = at - 1
    while k >= 0 and low[k] == " ":
        k -= 1
    if k < 0 or low[k] != "(":
        return None
    k -= 1
    while k >= 0 and low[k] == " ":
        k -= 1
    if k >= 0 and low[k] == ")":  # "Process (PARP) (2002)": the acronym's bracket
        found = ends.get(k)
        if found is not None:
            return found
    return ends.get(k + 1)
