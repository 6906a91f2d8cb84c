"""The cue words of extraction: what a sentence says (a start, a joining, a cycle, a refusal), in French and English.

Every pattern runs on folded text (:func:`partnerdata._model.text.fold_chars`: lower case, no
accents, plain apostrophes, spaces and dashes). The matching code is in
:mod:`partnerdata._ingest.extract`; adding a phrasing is an edit here. The words that cut a
sentence into clauses and the negation cues are in :mod:`partnerdata._ingest.clauses`.
"""

import bisect
import re

# A year: not part of a larger number, nor a decade ("the 1990s", "les années 1990").
YEAR = re.compile(r"(?<![\d,.])(?<!annees )(19[4-9]\d|20\d\d)(?!\d|[,.]\d|s\b)")
MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(), 1
        )
    },
    **{
        m: i
        for i, m in enumerate(
            "january february march april may june july august september october november december".split(), 1
        )
    },
}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+of)?\s+({MONTH})\s+(\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
MONTH_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{4}})\b")
RANGE = re.compile(
    rf"(?:\b(?:de|from|between|entre|du)\s+(?:(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTH})\s+)?)?"
    rf"(\d{{4}})\s*(?:-|\u2013|/|(?:\s(?:a|au|to|until|till|jusqu'en|jusqu'a)|"
    # two years joined by "and"/"et" are a range only after "between"/"entre" ("entre 2007 et 2008"):
    # "in 2010 and 2012" names two years
    rf"(?:(?<=between \d{{4}})|(?<=entre \d{{4}}))\s(?:and|et))\s+"
    # "until the end of 2011", "jusqu'à la fin de 2011": the end year all the same
    rf"(?:(?:the\s+)?end\s+of\s+|(?:la\s+)?fin\s+(?:de\s+)?)?(?:(?:\d{{1,2}}\s+)?(?:{MONTH})\s+)?)(\d{{4}})\b"
)
# What stands between two years of a list: a comma, "and"/"et" or both ("2009, 2010 and 2012").
LIST_GAP = re.compile(r"\s{0,3},\s{0,3}(?:(?:and|et)\s{1,3})?|\s{1,3}(?:and|et)\s{1,3}")
# A photo's caption on older pages ends with the date it was taken, in brackets: "... Secretary General
# (October 2010).", "(12 mai 2011)". Searched on a folded line, at its end.
DATED_CAPTION = re.compile(rf"\((?:\d{{1,2}}(?:er|st|nd|rd|th)?\s)?(?:{MONTH})\s\d{{4}}\)\.?$")
# A range whose end year is cut to two digits ("2014-15", "2014/15"): the century of the first.
# Reader round 14. A range whose end is said with a clause: "from 2004 until the Council withdrew them in
# 2008", "from 1996 until the end of the operation in 2004", "de 2003 jusqu'a sa fin en 2014". At most
# six words between "until" and "in": bounded.
RANGE_UNTIL = re.compile(
    rf"\b(?:from|de|du)\s+(?:(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTH})\s+)?(\d{{4}})\s+(?:until|till|jusqu'a|jusqu'au)\s+"
    rf"(?:[a-z']+\s+){{1,6}}?(?:in|en)\s+(?:(?:\d{{1,2}}\s+)?(?:{MONTH})\s+)?(\d{{4}})\b"
)
SHORT_RANGE = re.compile(r"(?<![\d,.])(19[4-9]\d|20\d\d)\s*(?:-|\u2013|/)\s*(\d\d)(?![\d/-])")


def short_range_end(first: int, last: str) -> int | None:
    """The end year of a range cut to two digits, if it follows the first ("2014-15": 2015).

    >>> short_range_end(2014, "15"), short_range_end(1999, "00"), short_range_end(2014, "12")
    (2015, 2000, None)
    """
    end = first - first % 100 + int(last)
    if end <= first:
        end += 100
    return end if end - first <= 10 else None


# Relations under other words too: "ties with NATO", "les premiers contacts", "noue des liens".
# Political consultations held between them are relations too ("have held regular political consultations
# since 2002", "tiennent des consultations politiques depuis").
RELATIONS = re.compile(r"\b(?:relations?|relationships?|ties|liens|contacts?|consultations?)\b")
# Dialogue or partnership between NATO and the partner also starts relations ("engaged in dialogue
# since 1992", "NATO's partnership with X goes back to 1992"), where the word is not part of a name
# (the Mediterranean Dialogue, the Partnership for Peace). French says it with the verb too ("X et
# l'OTAN dialoguent depuis 2005").
DIALOGUE = re.compile(r"\b(?:dialogue|dialoguent|dialoguer|dialoguaient|partnership|partenariat)\b")
START = re.compile(
    r"\b(?:debut|commenc|began|begin|begun|start|establish|etabli|noue|remont|date|dating|since|depuis|lance|launched|"
    r"initi(?!atives?\b)|ouvert|opened|engag|entam|amorc|go(?:es|ne|ing)? back|went back|traced? back|formali|"
    r"officialis|vu le jour)"
    # "the first (formal) contacts took place in 1992", "les premiers contacts": the noun is the start.
    r"|\b(?:first|premiers?|premieres?)\s+(?:\w+\s+)?(?:contacts?|relations?|ties|liens|dialogue)\b"
)
# The first word (past an article) of a clause that renames the dated event before it: "..., the
# start of its relations", "..., which marked the beginning", "..., date à laquelle", "..., ce qui".
RENAMING = frozenset(
    {"which", "qui", "ce", "start", "starting", "beginning", "debut", "commencement", "point", "date", "year", "annee",
     "moment"}
)  # fmt: skip
# A clause dated by the year before it ("joined the PfP in 2006; dialogue began at that time", "datent
# de 1996 : cette année-là, le pays a adhéré au PPP"): fixed phrases, one pass.
THAT_TIME = re.compile(
    r"\b(?:at that (?:time|point|date)|that (?:same )?year|the same year|a cette (?:epoque|date)|a ce moment|"
    r"cette annee[- ]la|la meme annee)\b"
)
# A clause with no year of its own that starts something "then" ("cooperation began at the same
# time", "a engagé dès lors une coopération", "c'est dans ce cadre qu'a débuté"): the year before it.
# Wider than THAT_TIME, so used only for the start of relations and cooperation, never for programmes
# ("dans ce cadre, il participe au PARP" dates no participation with the PfP's year).
THEN = re.compile(
    r"\b(?:at (?:that|the same) (?:time|point|date)|that (?:same )?year|the same year|from then on|since then|"
    r"(?:within|in|under) (?:this|that) framework|a cette (?:epoque|date)|a ce moment|cette annee[- ]la|"
    r"la meme annee|en meme temps|des lors|depuis lors|dans ce cadre|"
    # "began under it", "s'est engagée sous son égide": the framework just joined
    r"under it|sous son egide|dans le cadre de celui-ci|"
    # "dates from that step", "date de cette adhésion": the act just named
    r"(?:from|with|since|de|avec|depuis) (?:this|that|cette|cet|ce) (?:step|accession|membership|signature|"
    r"adhesion|etape|moment|date)|"
    # round 14: "and this marked the start of its dialogue", "ce qui a marqué le début"
    r"(?:this|that|ce qui|cela) (?:also )?(?:marked|marks|signalled|a marque|marque|a aussi marque))\b"
)
RESPECTIVELY = re.compile(r"\b(?:respectively|respectivement)\b")
# A partner "of NATO" (not of a programme): "a partner of NATO since 1995", "partenaire de l'OTAN".
PARTNER_OF = re.compile(
    r"\b(?:partner|partenaire)s?\s+(?:of|de)\s+(?:nato|l'otan|the alliance|l'alliance)\b|\bnato partners?\b"
)
# The start of a participation said with a verb of beginning ("its IPAP dates from 2006", "la
# participation ... a débuté en 2002"); founding verbs (launched, established) are left out: they
# date the programme itself.
PROGRAMME_START = re.compile(
    r"\b(?:debut|commenc|began|begin|begun|start|remont|date[sd]? (?:from|back)|dating|datent|date de|amorc|"
    r"go(?:es|ne|ing)? back|went back)"
)
# Taking part in an operation, said without troops ("its participation in ISAF"); with an
# infrastructure word it is support instead (transit, overflight).
PARTICIPATE = re.compile(
    r"\b(?:particip|take part|took part|taken part|taking part|takes part|prend part|pris part|prennent part|"
    r"serve[ds]?\b|serving\b|servi\b|servent\b|servait\b|deployed|deploye|"
    # round 13: "actively supported the NATO-led ISAF from 2002" (support by transit is infrastructure)
    r"actively supported|a activement soutenu|"
    # information shared with an operation ("has shared information with Operation Active Endeavour")
    # a date may stand between the verb and its object ("échange depuis 2007 des informations")
    r"(?:shar|exchang|partag|echang|transmet|transmis|communiqu)\w*\s+"
    # round 17: ", depuis 2006," between commas, "aussi", "cependant", and data as well as information
    r"(?:(?:cependant|toutefois|however|aussi|also|en outre)\s*)?"
    r"(?:,?\s*(?:depuis|since)\s+(?:\w+\s+)?\d{4}\s*,?\s+)?(?:(?:aussi|also|regularly|regulierement)\s+)?"
    r"(?:(?:des|d'|de|ses|its|leurs|their)\s*)?(?:information|intelligence|renseignement|donnees|data))"
)
# Start words that date a state ("a partner since 1995") rather than an event: tried last.
SINCE_WORDS = frozenset({"since", "depuis"})
# "since its creation", "depuis son lancement": the partner took part from the framework's founding,
# so the founding year is its start too.
SINCE_FOUNDING = re.compile(
    r"\b(?:since|depuis|from|des)\s+(?:its|their|the|sa|son|leur|la|le)\s+"
    r"(?:creation|launch|inception|founding|establishment|lancement|fondation|mise en place)\b"
    # the same said with a verb: "since the status was created in 2014", "depuis que ce statut a été créé"
    r"|\b(?:since|depuis que?)\s+(?:the|this|that|its|ce|cet|cette|le|la|l')\s*\w+\s+"
    r"(?:was|were|has been|had been|a ete|avait ete)\s+"
    r"(?:created|introduced|launched|established|set up|cree|instaur|introdui|lance|etabli|mise? en place)"
)
COOPERATION = re.compile(r"\bcooperation\b")
# Cooperation said with dialogue as one subject ("dialogue and cooperation started", "le dialogue et la
# cooperation ont commence"): the start of relations, unless a framework of cooperation began then.
DIALOGUE_AND_COOPERATION = re.compile(
    r"\b(?:dialogue|relations?|contacts?)\s(?:and|et)\s(?:la\s|de\sla\s)?cooperation\b"
    r"|\bcooperation\s(?:and|et)\s(?:le\s|du\s)?dialogue\b"
)
# "Followed" with an object: "practical cooperation followed an IPCP" is guided by it, not started (round
# 12); "followed a few years later" has no object. Bounded look-aheads.
_OBJECT = (
    r"(?!\s(?:an?|the|its|their|un|une|le|la|les|l'|son|sa|ses|leur)\s?"
    r"(?!(?:few|decade|year|years|months?|couple|short|little|while|peu|an|ans|annees?|decennie)\b)\w)"
)
COOP_FOLLOW = re.compile(rf"\b(?:(?:followed|suivi|a suivi){_OBJECT}|came|ensued)\b")
# "got under way", "s'est engagee", "opened ... practical cooperation": the words that start it.
COOP_START = re.compile(
    r"\b(?:demarr|debut|commenc|began|begin|begun|start|lance|launched|initi(?!atives?\b)|engag|amorc|entam|ouvert|ouvr|opened|"
    r"under way|underway|took off|"
    # "dates from", "date de", "point de départ de sa coopération": its start, named
    r"dates? (?:from|back)|dating from|dated from|datent de|date de|point de depart|"
    # round 12: "c'est de cette adhesion que date sa cooperation"
    r"que dat(?:e|ent))"
)
# Being in a forum is joining it ("has been part of the MD since 2000", "fait partie du Dialogue
# méditerranéen depuis 1995"); for forums only: "part of" a programme says nothing of a start.
FORUM_MEMBER = re.compile(r"\b(?:part of|partie d|belong|appartien)")
JOIN = re.compile(
    r"\b(?:adhe|rejoi|joined|join|joining|sign|membre|member|entered|integr|became|devenu|participat|particip|"
    r"prend part|pris part|prennent part|take part|took part|taken part|taking part|takes part|"
    # a partner status conferred: "named X one of the EOP", "a obtenu le statut de"
    r"named|nomme|designated as|designe|granted|accorde|obtained|obtenu|recognised as|recognized as|reconnu comme)"
)
# "from" starts a participation too ("From 2014, work was taken forward through ..."), unless it
# opens a range ("from 2005 to 2013"), which the extractor checks with RANGE.
SINCE = re.compile(
    r"\b(?:depuis|since|a partir de|starting in|beginning in|from|des)\s+"
    r"(?:(?:le\s+)?(?:\d{1,2}(?:er)?\s+)?(?:" + MONTH + r")\s+|l'annee\s+|the year\s+)?(\d{4})\b"
)
# "The first ... agreed": a first-word, then (anywhere after it) an agreeing verb. Two searches,
# not one ``first.*agreed`` pattern, whose backtracking is quadratic in the number of "first".
FIRST_WORD = re.compile(r"\b(?:first|premier|premiere)\b")
FIRST_VERB = re.compile(r"\b(?:conclu|agree|signe|sign|approuve|approve|adopt|launch|lance|endorse|entérin|enterin)")

# "first" just before a plan's name ("strengthened in 2006 with a first IPAP", "son premier IPAP"),
# on the 12 characters before the name: a bounded look-behind.
FIRST_BEFORE = re.compile(r"\b(?:first|premier|premiere)\s+$")
# The act as a noun: "with the adoption, in 2006, of the first IPAP", "l'adoption ... du premier".
FIRST_NOUN = re.compile(
    r"\b(?:adoption|signature|conclusion|approval|approbation|lancement|launch|submission|soumission|presentation)\b"
)
# A move from one kind of plan to another: the plan after the words is the newer one ("moved to an
# ITPP", "remplace par un ITPP") ...
# A date may stand between the verb and "by" ("remplace en 2014 par"): bounded, one optional word.
_DATED = r"(?:\s+(?:in|en)\s+(?:\w+\s+)?\d{4})?"
MOVE_TO = re.compile(
    r"\b(?:moved|moving|switched|transitioned|shifted|migrated|est passee?|sont passee?s|passe a|bascule|"
    rf"replaced{_DATED} by|remplacee?{_DATED} par|gave way{_DATED} to|made way{_DATED} for|"
    rf"laisse{_DATED} (?:la )?place a|cede{_DATED} (?:la )?place a|"
    rf"succeeded{_DATED} by|superseded{_DATED} by|"
    # "replaced it with an ITPP", "a remplace son IPCP par un ITPP": a few words between (bounded)
    r"replac(?:ed|es|ing)\b[^.;]{0,80}?\bwith|remplac\w*\b[^.;]{0,80}?\bpar)\b"
)
# ... and before these, the newer plan is the subject ("the ITPP replaced the IPAP").
REPLACES = re.compile(
    r"\b(?:replaced|replaces|superseded|supersedes|a remplace|remplace|succeeded|succeeds|a succede|succede|"
    # Round 9: "took over in 2014 from the IPP", "a pris la suite d'un IPCP": the subject is the newer plan
    rf"t(?:ook|akes|aken|aking) over{_DATED} from|pris{_DATED} la (?:suite|releve) (?:d'|de|du|des)|"
    # Round 10: "which took the place of the IPCP", "qui a pris la place du programme"
    rf"t(?:ook|akes|aken|aking){_DATED} the place of|pris{_DATED} la place (?:d'|de|du|des)|"
    # round 11: the older plan as a pronoun ("until 2022, when an ITPP took its place", "l'a remplace")
    r"t(?:ook|akes|aken|aking) its place|(?:a|ont) pris sa place|l'a remplace|lui a succede|"
    rf"pris{_DATED} le relais (?:d'|de|du|des))\b"
    rf"(?!{_DATED} (?:by|par)\b)"
)

# The verb first: "adopte pour la premiere fois en 2005", "agreed its first IPAP in 2006". Bounded:
# the verb, then at most one possessive or "for the"/"pour la", then the first-word.
# The partner's first contribution or first time under a programme ("put its first units forward
# for evaluation under the OCC in 2011", "pour la premiere fois", round 10: "its first contribution to
# the Trust Fund"): its start in it.
FIRST_TIME = re.compile(
    r"\b(?:first time|premiere fois)\b|\b(?:first|premiers?|premieres?)\s+(?:units?|troops?|officers?|soldiers?|"
    r"contingents?|unites|troupes|officiers|soldats|contributions?)\b"
    # "first" before a verb: "units were first evaluated under the OCC in 2012"
    r"|\bfirst\s+(?:\w+ed|took|sent|went|joined)\b"
)
FIRST_AFTER_VERB = re.compile(
    r"\b(?:conclu|agreed|signe|signed|approuve|adopte|adopted|endorsed|enterine)\w{0,3}\s+"
    r"(?:(?:its|their|son|sa|leur|for the|pour la)\s+)?(?:first|premier|premiere)\b"
)


def first_agreed(low: str) -> bool:
    """Whether a (folded, one-line) sentence has a first-word followed by an agreeing verb.

    >>> first_agreed("the first individual partnership programme was agreed in 2004")
    True
    >>> first_agreed("agreed in 2004, it was the first one")
    False
    """
    word = FIRST_WORD.search(low)
    # The earliest first-word is enough: a verb after any later one is after it too.
    return word is not None and FIRST_VERB.search(low, word.end()) is not None


# "for"/"pour" and an optional article at the end of the text before a partner's name.
FOR_BEFORE = re.compile(r"\b(?:pour|for)\s+(?:la\s+|le\s+|l'|les\s+|the\s+)?$")
# Reader round 11. A package approved at the partner's request ("a la demande du Kazakhstan", "at
# Kazakhstan's request") is set up for it: on the 24 characters before the name, or right after it.
REQUEST_BEFORE = re.compile(r"\b(?:a la|sur) demande d(?:u\s|e\sla\s|e\sl'|e\s|')$")
REQUEST_AFTER = re.compile(r"'s\s(?:own\s)?request\b")
# Reader round 9. A programme launched in the partner ("lancé en Ukraine en 2000", "launched in
# Kazakhstan in 2003") is set up for it, like one launched for it: on the 28 characters before its name.
LAUNCHED_IN_BEFORE = re.compile(
    r"\b(?:lancee?s?|launched|mise? en place|set up|etablie?s?|established)\s(?:in|en|au|aux|dans)\s"
    r"(?:la\s|le\s|l'|les\s|the\s)?$"
)
LAUNCH = re.compile(
    r"\b(?:lance|launched|approuve|approved|agreed|adopte|adopted|etabli|established|mis en place|set up|endorsed|"
    r"enterine)"
)
# A plan said to be renewed, revised or new is not the partner's first one.
RENEWAL = re.compile(
    r"\b(?:renouvel|renew|revis|nouve(?:au|l|lle)|new|latest|dernier|derniere|updated|mis a jour|second|deuxieme|third|"
    r"troisieme)\w*"
)
# A renewal word that gives the plan's cycle ("updated every two years", "revise tous les deux ans")
# says how often the plan is renewed, not that this one is a renewal: matched right after the word.
RENEWAL_CYCLE = re.compile(r"\s(?:tous les|toutes les|every|chaque)\b")
FRAMEWORK = re.compile(
    r"\b(?:remplace|replaced|succeed|succede|lance|launched|cree|created|fonde|founded|institue|set up|"
    r"laisse la place|cede la place|gave way|made way|"
    # one framework taking over from another: "took over from the NACC", "a pris le relais du COCONA"
    r"t(?:ook|akes|aking) over|pris le relais|pris la suite|pris la releve|"
    # round 12: "whose origins go back to 1958", "dont les origines remontent a 1958"
    r"origins?|origines?|which dates? (?:from|back to)|qui (?:date|remonte)|"
    # round 13: "which the Allies adopted in 2002", "que les Allies et leurs partenaires ont adopte en 2002"
    r"allies (?:had )?adopted|adopted by (?:the )?allies|adopte(?:e|s|es)? par les allies|"
    r"les allies (?:\w+ ){0,3}ont adopte)"
)
CYCLE = re.compile(
    # "for two years" and its French form "pour deux ans": the plan's term
    r"\b(?:tous les|toutes les|every|chaque|for|pour)\s+"
    r"(deux|trois|quatre|cinq|two|three|four|five|\d)\s+(?:ans|annees|years)\b"
    r"|\b(biennal|biennial|biannuel|two-year|deux ans|annuel|annual|yearly|chaque annee|every year|each year|"
    r"annually|tous les ans|"
    r"triennal|three-year)\b"
)
CYCLE_WORDS = {
    "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5,
    "biennal": 2, "biennial": 2, "biannuel": 2, "two-year": 2, "deux ans": 2, "annuel": 1, "annual": 1,
    "yearly": 1, "chaque annee": 1, "every year": 1, "each year": 1, "annually": 1, "tous les ans": 1,
    "triennal": 3, "three-year": 3,
}  # fmt: skip
# A sentence about the plan just named, by its common noun ("The plan is revised ...").
PLAN_REFERENCE = re.compile(r"(?:the|this|that|le|ce|ledit|ce meme) plan\b")
PLAN_CLAUSE = re.compile(r"\b(?:qui est|qui sont|which is|which are|that is|qui doit etre|to be)\s+")
# A purpose clause starts after one of these phrases, or after "the aim ... is to". The second
# form is found by :func:`aim_end` with two linear searches: one pattern with ``[^.]*?`` between
# its parts backtracks over the rest of the sentence once per "the aim" (quadratic).
AIM = re.compile(
    r"\b(?:destine a|destinee a|destines a|visant a|vise a|visent a|afin d'|afin de|pour (?=\w+(?:er|ir|re)\b)|"
    r"aims to|aimed at|aiming to|designed to|intended to|in order to|with the aim of)"
)
AIM_NOUN = re.compile(r"\b(?:l'objectif|le but|the aim|the objective|the goal|the purpose)")
AIM_VERB = re.compile(r"\b(?:est|is)\s+(?:d'|de|to)\s*")


def aim_end(low: str) -> int | None:
    """Where the purpose clause of a folded sentence starts, or ``None`` if it states no purpose.

    The leftmost cue wins: a phrase of :data:`AIM`, or a noun of :data:`AIM_NOUN` followed, with
    no full stop between, by "is to" / "est de" (:data:`AIM_VERB`).

    >>> low = "the aim of the programme is to train officers"
    >>> low[aim_end(low):]
    'train officers'
    >>> aim_end("the aim. it is to train") is None
    True
    """
    phrase = AIM.search(low)
    limit = len(low) if phrase is None else phrase.start()
    verbs: list[tuple[int, int]] | None = None
    for noun in AIM_NOUN.finditer(low, 0, limit):
        if verbs is None:
            verbs = [(m.start(), m.end()) for m in AIM_VERB.finditer(low)]
        i = bisect.bisect_left(verbs, (noun.end(), -1))
        if i < len(verbs):
            stop = low.find(".", noun.end())
            if stop < 0 or verbs[i][0] < stop:
                return verbs[i][1]
    return None if phrase is None else phrase.end()


# ``\s*(?:,\s*)?`` rather than ``\s*,?\s*``: two adjacent ``\s*`` share a run of spaces in n² ways.
HOST = re.compile(
    r"^\s*(?:,\s*)?(?:(?:qui est\s+)?(?:situ[ée]e?|install[ée]e?|h[ée]berg[ée]e?|based|located|hosted|housed)\s+)?"
    # Not before a date ("opened a centre in 2008", "in May 2008", "à partir de 2008"): a time, not a
    # place. The spaces are taken whole (possessive): giving one back cannot slip a date past the look-ahead.
    r"(?:au sein de|à|at|in|by|auprès de|dans)\s++"
    rf"(?!\d|(?:{MONTH})\s+\d|partir d|compter d)"
)
# A host's name ends where the sentence goes on: a verb, a relative pronoun or a purpose.
HOST_END = re.compile(
    r"\s(?:was|is|are|were|has|have|had|which|that|where|who|to|gives|give|provides|supports|offers|hosts|"
    r"a|est|sont|ont|qui|où|pour|afin|permet|offre|accueille|fournit|depuis|since)\s"
)
# An article is a word of its own: a space after it (but after "l'"), so "Astana" and "lectures" keep
# their first letters.
ARTICLE = re.compile(r"^(?:(?:le|la|les|un|une|des|du|the|a|an)\s+|l['’]\s*)", re.IGNORECASE)
DEMONSTRATIVE = re.compile(
    r"\b(?:ce|cet|cette|ces|this|that|these|the said|ledit|ladite)\s+"
    r"(forum|conseil|council|programme|program|plan|initiative|centre|center|bureau|office)"
)
DEMONSTRATIVE_KINDS = {
    "forum": "forum", "conseil": "forum", "council": "forum", "programme": "programme", "program": "programme",
    "plan": "plan", "initiative": "initiative", "centre": "centre", "center": "centre",
    "bureau": "office", "office": "office",
}  # fmt: skip
ANAPHOR = re.compile(
    r"^(?:il|elle|ils|elles|ce|cet|cette|ces|cela|celle|celui|it|this|these|they|that|such|the request|the aid)\b"
)

# Whole words only (the closing \b): "United Nations" holds no unit, "troupeaux" (herds) no troops.
FORCES = re.compile(
    r"\b(?:unites?|units?|troops?|troupes?|forces|soldats?|soldiers?|contingents?|battalions?|bataillons?|platoons?|pelotons?|"
    r"brigades?|detachements?|detachments?|companies|compagnies?|officiers?|officers?|"
    # one company is a unit only with its arm ("an infantry company"; "a company" alone may be a firm)
    r"(?:infantry|engineer(?:ing)?|medical|motori[sz]ed|mechani[sz]ed|military police|signals?|logistics?) company|"
    r"personnel militaire|military personnel|contribu\w*|"
    r"peacekeepers?|casques bleus|(?:des|de|ses|leurs|premiers) militaires|servicemen|service members|"
    # teams of its own inside an operation: "a provincial reconstruction team", "des équipes de mentorat"
    r"reconstruction teams?|mentoring (?:and liaison )?teams?|equipes? de (?:reconstruction|mentorat|"
    r"liaison et de mentorat)|"
    # military engineers sent to an operation ("a team of engineers", "des sapeurs")
    r"engineers?|sappers?|sapeurs?|ingenieurs militaires)\b"
)
INFRASTRUCTURE = re.compile(
    r"\b(?:infrastructures?|bases? aeriennes?|air ?bases?|airfields?|aerodromes?|aeroports?|airports?|"
    r"transit|overflight|survol\w*|fly over|flew over|flying over|airspace|espace aerien|"
    r"ports?|port calls?|harbou?rs?|escales?|call(?:ed|s|ing)? at|refuel\w*|ravitaill\w*|"
    r"installations|facilities|"
    # supplies or convoys crossing the partner's land are transit
    r"(?:across|through|via|cross(?:es|ed|ing)?) (?:its|the country's|[a-z]+) territory|"
    r"(?:a travers|par|traversai\w*|traverse\w*) (?:son|le) territoire)\b"
)
# Ships and aircraft are the partner's forces ("its frigates sailed with Ocean Shield", "des avions
# suedois ont pris part") unless they are others' (VEHICLE_OTHERS, just before or after the word:
# "Allied aircraft", "ships of Operation Sea Guardian") or the side hosts them (INFRASTRUCTURE).
VEHICLES = re.compile(
    r"\b(?:aircraft|planes?|jets?|helicopters?|avions?|aeronefs?|helicopteres?|ships?|warships?|vessels?|frigates?|"
    r"minehunters?|minesweepers?|chasseurs? de mines|"
    r"destroyers?|corvettes?|submarines?|navires?|fregates?|batiments?|sous-marins?|patrouilleurs?)\b"
)
# A substring of every word of VEHICLES: most sentences hold none, and these checks cost a fraction
# of the pattern's search, which tries every position.
VEHICLE_STEMS = (
    "aircraft", "plane", "jet", "helicop", "avion", "aeronef", "ship", "vessel", "frigate", "fregate", "mine",
    "destroyer", "corvette", "submarine", "sous-marin", "navire", "batiment", "patrouilleur",
)  # fmt: skip
# Receiving others' ships or aircraft: "hosted Allied aircraft", "a accueilli des avions allies".
HOSTS = re.compile(r"\b(?:host(?:s|ed|ing)?|accueil\w*|welcom\w*)\b")
# Forces or troops qualified as Allied are NATO's, not the partner's: where the side hosts them
# ("opened its airfields to Allied forces", "sert d'escale aux forces alliées") that is infrastructure.
# So are another country's ("US troops crossed the country", "des troupes étrangères font escale").
# Reader round 17. The forces of the country an operation helps ("the Afghan security forces", "les forces de
# sécurité afghanes"), trained or supported by it: none of them a partner's units sent to it.
HOST_FORCES = re.compile(
    r"\b(?:afghan|iraqi|libyan|bosnian|somali)\s{1,3}(?:national\s{1,3})?(?:security\s{1,3}|defen[cs]e\s{1,3}|armed\s{1,3})?"
    r"(?:forces|troops|army)\b|"
    r"\b(?:forces|armee)\s{1,3}(?:(?:de\s{1,3}securite|armees|de\s{1,3}defense)\s{1,3})?(?:afghanes?|irakiennes?|"
    r"libyennes?|bosniennes?|somaliennes?)\b"
)
# The partner whose own forces these are: on its page they may be the partner's units.
HOST_STEMS = {"afghan": "AFG", "iraq": "IRQ", "irak": "IRQ", "liby": "LBY", "bosni": "BIH", "somal": "SOM"}
ALLIED_FORCES = re.compile(
    r"\b(?:allied|us|american|foreign)\s{1,3}(?:forces|troops)\b|"
    r"\b(?:forces|troupes)\s{1,3}(?:alliees|americaines|etrangeres)\b"
)
# Troops or goods crossing the partner named right after the verb ("crossed Hungary on their way"): the
# bounded text before the partner's name (a look-behind of 24 characters).
CROSSED_BEFORE = re.compile(r"\b(?:cross(?:es|ed|ing)?|travers\w*|transit(?:ed|s)? through)\s+(?:la\s+|le\s+|l')?$")
VEHICLE_OTHERS_BEFORE = re.compile(r"\b(?:allied|nato|otan|isaf|kfor|alliance)\s+$")
VEHICLE_OTHERS_AFTER = re.compile(
    r"^\s+(?:allie\w*|(?:of|de|du|des)\s+(?:the\s+|la\s+|le\s+|l')?(?:allies|alliance|nato|otan|operations?|"
    r"force|mission|isaf|fias|kfor)\b)"
)
# The words that join a noun to the name it belongs to: "the troops of the Force", "les troupes de la FIAS".
OF_THE = re.compile(r"\s{1,3}(?:of|de|du|des)\s{1,3}(?:(?:the|la|le)\s{1,3}|l')?|\s{1,3}d'")
NATO_LED = re.compile(
    r"(?:dirigee?s? par l'otan|nato[- ]led|operations? (?:et missions )?de l'otan|nato operations?|"
    r"operations? (?:and missions )?of nato|"
    r"\bkfor\b|\bisaf\b|\bfias\b|resolute support|active endeavour|sea guardian|ocean shield|\bsfor\b|\bifor\b)"
)
# Means of a contribution that are not units ("contribue ... en transmettant des informations",
# "contributed financially"): with one of these in its side, "contribute" alone names no force.
OTHER_MEANS = re.compile(
    r"\b(?:informations?|renseignements?|intelligence|financ\w*|funds?|fonds|money|argent|donations?|dons)\b"
)
UNITS = re.compile(
    r"\b(?:unites?|units?|troupes?|troops?|bataillons?|battalions?|compagnies?|company|companies|brigades?|contingents?|pelotons?|platoons?|detachements?|detachments?)\b"
)
DESIGNATE = re.compile(
    r"\b(?:design\w*|prepar\w*|earmark\w*|affect\w*|mis a disposition|made available|offert\w*|offered|pledged)"
)

ELIGIBLE_EXCLUDED = frozenset(
    {"forum", "centre", "organisation", "office", "public-diplomacy-office", "cooperation-plan"}
)
CHANNEL_KINDS = frozenset({"office", "public-diplomacy-office"})

# Negation and its reach are read by clause: see :mod:`partnerdata._ingest.clauses`.

# Topics that are a stance of the partner, not an area of cooperation.
STANCE_TOPICS = frozenset({"neutrality"})
# Neutrality called permanent ("permanently neutral", "neutralite permanente", "perpetual neutrality") or
# laid down in the constitution is permanent; "a policy of military neutrality" is not said to be.
PERMANENT = re.compile(r"\b(?:permanen|perpetu|constitution)")

# A programme that is an area of cooperation by what it is: naming it names the area ("takes part
# in the Building Integrity Programme" is work on integrity; a depository library is outreach; a
# NATO-led operation is support for operations), by the programme's kind, then by its code.
KIND_TOPICS = {"operation": "operations-support", "public-diplomacy-office": "public-diplomacy"}
PROGRAMME_TOPICS = {
    "BI": "integrity-building",
    "DEEP": "defence-education",
    "EADRCC": "disaster-response",
    "PAP-T": "counter-terrorism",
    "RETRAINING": "retraining",
    "SPS": "science",
}

# Ranges within a year or across two, kept as start and end with the precision given:
# "du 3 au 7 mars 2011", "from 30 December 2015 to 2 January 2016", "12-15 June 2016",
# "d'avril a juin 2016", "from May 2015 to July 2016".
_TO = r"(?:au|a|to|and|et|until|till|jusqu'au)"
DAY_RANGE = re.compile(
    rf"\b(?:du|from|between|entre)\s+(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+({MONTH}))?(?:\s+(\d{{4}}))?"
    rf"\s+{_TO}\s+(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({MONTH})\s+(\d{{4}})\b"
)
# Two days of one month: "12-15 June 2016", "on 26 and 27 May", "les 26 et 27 mai".
DAY_SPAN = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s*(?:-|\u2013)\s*|\s+(?:and|et)\s+)(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+({MONTH})\s+(\d{{4}})\b"
)
MONTH_RANGE = re.compile(
    rf"\b(?:de|d'|from|between|entre|in|en)\s*({MONTH})(?:\s+(\d{{4}}))?\s+{_TO}\s+({MONTH})\s+(\d{{4}})\b"
)

# Reader round 4. A participle set off by a comma dates what the clause before it names ("a Trust
# Fund project, launched in 2011, helps", "un projet ..., lancé en 2019,"): group 1 is the year.
LAUNCHED_AFTER = re.compile(
    r",\s*(?:launched|started|begun|initiated|set up|lancee?s?|demarree?s?|initiee?s?|mise? en place)\s+"
    rf"(?:in|en)\s+(?:(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTH})\s+)?(\d{{4}})\b"
)
# ... where that clause brings in a new thing with an indefinite article: one project of the
# partner's, not the framework itself ("the PfP, launched in 1994", "le PPP, lancé en 1994").
INDEFINITE = re.compile(r"\b(?:a|an|un|une)\s")
# "Practical cooperation came a decade later: in 2002, ...", "la coopération pratique a suivi en
# 1996": cooperation and a following-verb close together (at most two words between).
COOP_CAME = re.compile(
    # round 18: not through a plan's name or a clause of its own ("the Cooperation Programme it had followed")
    r"\bcooperation(?!\s+(?:programme|program|plan)\b)(?:\s+(?!(?:it|they|had|has|have|il|elle|avait)\b)[a-z]+){0,4}?"
    r"\s+(?:came|(?:followed|a suivi|suivit)"
    # not with an object (round 12): "cooperation followed an IPCP" is guided by it
    rf"{_OBJECT}|ensued|est venue|vint)\b"
)
# Membership denied: "is not (yet) a member of", "n'est pas (encore) membre du".
NOT_MEMBER = re.compile(
    r"\b(?:not|never|n'est pas|n'a jamais ete|n'est plus|ne sont pas)\s+"
    r"(?:yet\s+|encore\s+)?(?:an?\s+)?(?:member|membre)s?\b"
)
# People said to be trained right after the word for them ("officers and NCOs went through its
# courses", "des officiers ont été formés par"): trainees, not forces given. At most six words
# between; words and spaces bounded, so that a search from every position stays linear.
TRAINEES = re.compile(
    r"(?:\s{1,3}[\w'-]{1,40}){0,6}?\s{1,3}(?:went through|gone through|go through|attended|were trained|"
    r"have been trained|trained (?:by|at|in|under)|received training|ont suivi|suivent|suivaient|"
    r"ont ete formes|sont formes|formes par)\b"
)
# An operation named again by its kind, in a sentence that names it ("the force's supplies", "les
# convois de la mission"): the stance reads that side as speaking of it.
OPERATION_AGAIN = re.compile(r"\b(?:the (?:force|mission|operation)'s|de la (?:force|mission)|de l'operation)\b")

# NATO's policy for all its partners: "offers all partners the same tools", "à tous ses partenaires", "a
# more flexible partnership policy", "la politique de partenariat".
ALL_PARTNERS = re.compile(
    r"\b(?:all|every|tous|toutes|l'ensemble des)\s{1,3}(?:(?:of\s{1,3})?(?:its|their|nato's|the|ses|les|leurs)\s{1,3})?"
    r"(?:partners?|partenaires?)\b|\b(?:partnership policy|politique de partenariat)\b"
)

# Reader round 6. A year that bounds something ("until 2020", "beyond 2016", "jusqu'en 2015"), on the
# 16 characters before it: a limit of what the clause decides, not a date of its own.
LIMIT_BEFORE = re.compile(r"\b(?:until|till|beyond|jusqu'en|jusqu'a|au-dela de|au dela de)\s+$")
# Reader round 9. A founding word said as the time of a join ("joined the MD when it was launched in
# 1994", "lorsque l'OTAN l'a cree"): the year is the partner's start as well. Matched on the few
# characters before the founding word (a bounded window, with no stop between: :func:`when_founded`).
# Round 10: "lors de son lancement", "au moment de sa création".
WHEN_FOUNDED = re.compile(
    r"\b(?:when|once|as soon as|quand|lorsque|lorsqu'|des que|des qu'|lors d[eu]|au moment d[eu]|"
    # round 14: "l'année même de son lancement", "the very year of its launch"
    r"l'annee (?:meme )?d[eu]|the (?:very |same )?year of)"
)


def when_founded(low: str, at: int) -> bool:
    """Whether the founding word at ``at`` is the time of something said before it ("joined the MD when
    it was launched"): "when"/"lorsque" in the 32 characters before it, with no stop in between."""
    found = [m.end() for m in WHEN_FOUNDED.finditer(low, max(0, at - 32), at)]
    return bool(found) and not any(c in ".;," for c in low[found[-1] : at])


# Reader round 9. A join dated as the start of a state ("since it joined the PfP in 1994", "depuis son
# adhésion au PPP", "depuis que le pays a adhéré"): where the sentence speaks of cooperation, that
# join started it. Bounded: at most three words between (a subject), one space each.
SINCE_JOINING = re.compile(
    r"\b(?:since|depuis)\s(?:que\s|qu')?(?:[a-z]+\s){0,3}?"
    r"(?:joined|joining|accession|adhesion|entree|a adhere|a rejoint)\b"
)
# Reader round 9. A centre of the partner's that is one of a network's ("has been a Partnership Training
# and Education Centre since 2010", "fait partie du réseau des PTEC"): matched in the few characters
# before the centre's name (a bounded window: :func:`is_centre`).
IS_CENTRE = re.compile(
    r"\b(?:has been|have been|is|became|becomes|est|a ete|est devenue?|fait partie|font partie|is part|forms? part|"
    r"belongs?|belonged|appartient|appartenait|accredited|accredite|recognised as|recognized as|reconnue? comme)\b"
)


def is_centre(low: str, at: int) -> bool:
    """Whether the name at ``at`` is said to be what a centre is or belongs to ("has been a PTEC",
    "fait partie du réseau des PTEC"): a cue in the 48 characters before it, with no stop in between."""
    found = [m.end() for m in IS_CENTRE.finditer(low, max(0, at - 48), at)]
    return bool(found) and not any(c in ".;," for c in low[found[-1] : at])


# Reader round 9. A span of time back from the sentence's date ("twenty years after it joined the PfP",
# "vingt ans après son adhésion"): what the clause names after it is not dated by that year.
YEARS_AFTER = re.compile(r"\b(?:years?|ans|decades?|decennies?)\s(?:after|apres)\b")
# Reader round 9. Crossing the partner's land ("across its territory", "à travers son territoire"):
# the forces words just before it are what crosses, the operation's (see INFRASTRUCTURE).
CROSSING = re.compile(
    r"\b(?:(?:across|through|via|cross(?:es|ed|ing)?) (?:its|the country's) territory|"
    r"(?:a travers|par|traversai\w*|traverse\w*) (?:son|le) territoire)\b"
)
# Reader round 9. An end said of a framework ("ISAF, which completed its mission in 2014", "qui a achevé
# sa mission en 2014"): in the year the vocabulary gives for its end, a fact about the framework.
ENDED = re.compile(r"\b(?:ended|completed|concluded|terminated|came to an end|achevee?|terminee?|pris fin|prend fin)\b")
# Reader round 9. An invitation held back by a condition ("invited to join the MAP, pending ...",
# "invité à rejoindre le MAP, sous réserve de ..."): the programme after it is not joined yet.
INVITED = re.compile(r"\b(?:invited|invitee?s?)\b")
PENDING = re.compile(r"\b(?:pending|subject to|conditional on|sous reserve|en attendant|a condition)\b")
# Reader round 9. A meeting whose members are named by their troops ("a meeting of ISAF troop-contributing
# nations", "une réunion des pays contributeurs de troupes"): the forces word names the meeting's members.
MEETING = re.compile(r"\b(?:meetings?|reunions?|conferences?|summits?|sommets?)\b")
# Reader round 9. A plan counted as a later one ("a second IPCP signed in 2019", "un deuxième IPCP"):
# its year is not the partner's start in that kind of plan. On the 20 characters before the name.
LATER_PLAN_BEFORE = re.compile(r"\b(?:second|seconde?|deuxieme|third|troisieme|fourth|quatrieme)\s$")
# Reader round 9. A withdrawal or a closure ends a part ("was withdrawn from SFOR in 2002", "a été
# retirée de la SFOR en 2002", "before the closure of NTM-I in 2011"): the year of its clause starts nothing.
WITHDRAWN = re.compile(
    r"\b(?:withdrew|withdrawn|withdrawing|pulled out|(?:a|ont) ete retiree?s?|(?:s'est|se sont) retiree?s?|"
    r"closure|fermeture|cloture)\b"
)
# Reader round 9. A start word followed by a verb of strengthening ("began to strengthen their dialogue",
# "ont commencé à renforcer"): relations that already were, made closer, not their start. Matched
# right after the start word (one space each: a run of spaces would make a search quadratic).
STRENGTHEN_AFTER = re.compile(
    r"\s(?:(?:a|to)\s(?:renforcer|approfondir|intensifier|elargir|strengthen|deepen|intensify|broaden|expand)|"
    r"strengthening|deepening|intensifying|broadening|expanding|"
    # round 10: "the beginning of an even closer partnership", "le debut d'une nouvelle etape"
    r"(?:of|d'|de)\s?(?:an?\s|une?\s|la\s|le\s)?(?:even\s|still\s)?"
    r"(?:closer|deeper|stronger|new (?:phase|stage|chapter)|nouvelle (?:phase|etape)|nouveau chapitre|"
    r"partenariat (?:encore )?plus))\b"
)
# Reader round 7. An act that dates a thing of its own, right before a later date of the sentence ("...,
# adopted in 2014, includes a centre opened in August 2015", "un centre inauguré en mai 2013"): that
# date is a statement of its own. Matched on the 40 characters before the year (a bounded window).
ACT_BEFORE = re.compile(
    r"\b(?:opened|ouverte?s?|inaugurated|inauguree?s?|created|creee?s?|founded|fondee?s?|set up|established|"
    r"etablie?s?|mise?s? en place|launched|lancee?s?|adopted|adoptee?s?|signed|signee?s?|approved|approuvee?s?|"
    r"passed|votee?s?|built|construite?s?)\s+(?:in|en|on|le)\s+(?:\d{1,2}(?:er|st|nd|rd|th)?\s+)?"
    rf"(?:(?:{MONTH})\s+)?$"
)
# A programme set up for one institution, not for all partners ("DEEP, set up for the Military Academy in
# 2009", "mis en place pour l'Université de défense en 2009"): this partner's own, so its year is a start.
SET_UP_FOR = re.compile(
    r"\b(?:lance|launched|mise? en place|set up|established|etabli|cree|created|tailored|adapte)\w*\s+(?:for|pour)\s+"
    r"(?!(?:(?:the|its|la|le|les|ses|leurs?|tous|toutes|all)\s+|l'){0,2}"
    r"(?:nato|otan|alliance|allie[sd]?|partners?|partenaires?|countr(?:y|ies)|pays|nations|states|etats|members?|"
    r"membres?)\b)"
)
# A training centre the partner's people attend ("officers attend courses at", "suivent des cours
# dans", "se former dans"): a participation; a centre that acts (relays a request) is not one.
# Not "in the course of", "au cours de" or "en cours": a time, not a course.
ATTEND = re.compile(
    r"\b(?:attend\w*|courses|(?<!au )(?<!en )cours(?! de l'annee)|train(?:s|ed|ing)?\s{1,3}(?:at|in)|se former|"
    r"formes?\s{1,3}(?:dans|a|au)|stages?)\b"
)

# Reader round 8. Topics said with cue words rather than with a name of the vocabulary.
# A reform whose field is the defence or security sector, named apart from the word "reform" ("reform in
# the security and defence sector", "processus de reforme ... au profit des institutions et du secteur de
# la defense", "efforts de reforme ... en matiere de democratie, d'institutions et de defense").
REFORM = re.compile(r"\breform(?:s|ed|ing|e|es|er|ee|ees)?\b")
DEFENCE_FIELD = re.compile(
    # round 9: its structures, institutions or establishment too ("defence and security structures")
    r"\b(?:(?:defen[cs]e|security)\s(?:and|&)\s)?(?:defen[cs]e|security)\s(?:sectors?|structures?|establishments?)\b"
    r"|\b(?:secteurs?|structures?)\s(?:(?:de\s)?la\s|du\s|de\s)?(?:defense|securite)\b"
    # round 9: the armed forces ("reform its armed forces", "réformer ses forces armées")
    r"|\b(?:armed forces|forces armees)\b"
    # "defence" closing a list after the reform ("in democracy, institutions and defence", "et à la défense")
    r"|\b(?P<last>(?:and|et)\s(?:(?:de\s)?la\s|du\s|de\s|in\s|of\s|a\sla\s|to\s)?defen[cs]e)(?=\s?[.;,)]|\s?$)"
)
# What keeps a reform word from the sector: another statement (a contrast, ";" or ":") or schools
# between them ("reform the training colleges of the defence sector" is defence education).
REFORM_APART = re.compile(
    r"[;:]|\b(?:but|mais|whereas|while|however|cependant|tandis|education|enseignement|training|formation|"
    r"schools?|ecoles?|colleges?|academ\w*|universit\w*|curricul\w*|cursus)\b"
)


def defence_reform(low: str) -> tuple[int, int] | None:
    """The span of a reform word whose field is the defence or security sector, if the sentence has one.

    The sector after the word, or (a sector, not a list's last word) before it, with nothing that
    keeps them apart between (:data:`REFORM_APART`).

    >>> low = "nato backs reform in the security and defence sector."
    >>> low[slice(*defence_reform(low))]
    'reform'
    >>> defence_reform("it reformed its schools of the defence sector.") is None
    True
    """
    reforms = [(m.start(), m.end()) for m in REFORM.finditer(low)]
    if not reforms:
        return None
    fields = [(m.start(), m.end(), m.group("last") is None) for m in DEFENCE_FIELD.finditer(low)]
    if not fields:
        return None
    apart = [m.start() for m in REFORM_APART.finditer(low)]
    starts = [f[0] for f in fields]

    def clear(a: int, b: int) -> bool:  # nothing keeps a and b apart: one binary search
        k = bisect.bisect_left(apart, a)
        return k == len(apart) or apart[k] >= b

    for a, b in reforms:
        k = bisect.bisect_left(starts, b)
        if k < len(fields) and clear(b, fields[k][0]):
            return a, b
        # The field before: one starting before the word's end ends before it (no field holds "reform").
        if k and fields[k - 1][2] and fields[k - 1][1] <= a and clear(fields[k - 1][1], a):
            return a, b
    return None


# "training" ("formation" in French) as a noun of its own ("training and education", "training of
# personnel", "la formation des militaires"), not part of a compound that names another area ("language
# training", "counter-narcotics training", "formation linguistique", "systeme de formation militaire"):
# the word before it is a function word or a mark, and in French the word after it one too.
TRAINING_WORD = re.compile(r"\b(?:training|formation)\b")
TRAINING_BEFORE = re.compile(
    r"(?:^|[,;:(]\s{0,2}|(?<!\w)(?:the|its|their|our|in|of|on|for|and|or|nor|through|including|include|includes|"
    r"such as|to|with|as|joint|la|les|de|des|du|en|et|ou|a|au|aux|pour|dans|sur|avec|par|sa|son|ses|leur|leurs|une|"
    # English verbs that take training as their object ("covers training", "received training")
    r"covers?|covered|provides?|provided|offers?|offered|receives?|received|gives?|given|conducts?|conducted|"
    r"organi[sz]es?|organi[sz]ed|supports?|supported|needs?)"
    r"\s{1,2})$"
)
FORMATION_AFTER = re.compile(
    r"\s{0,2}[,;:.)]|\s{1,2}(?:et|ou|de|des|du|d'|a|au|aux|pour|dans|sur|avec|par|en|aupres)\b"
)


def training(low: str) -> list[tuple[int, int]]:
    """The spans of "training" and "formation" standing alone as nouns in a folded sentence.

    >>> low = "cooperation covers training and education, and language training."
    >>> [low[a:b] for a, b in training(low)]
    ['training']
    """
    out: list[tuple[int, int]] = []
    last = len(low.rstrip())  # the word may end the sentence
    for m in TRAINING_WORD.finditer(low):
        a, b = m.span()
        # a bounded window before the word: the longest function word and its spaces fit in it
        if TRAINING_BEFORE.search(low, max(0, a - 14), a) is None:
            continue
        if m.group() == "formation" and b < last and FORMATION_AFTER.match(low, b) is None:
            continue
        out.append((a, b))
    return out


def cue_topics(low: str) -> list[tuple[str, int, int]]:
    """The topics a folded sentence names with cue words rather than with a name: (topic, start, end).

    >>> cue_topics("la cooperation porte sur la formation des militaires.")
    [('training-exercises', 28, 37)]
    """
    out: list[tuple[str, int, int]] = []
    # The common case, without a regular expression: no reform, or no sector, structure, forces or defence.
    if "reform" in low and any(w in low for w in ("sector", "secteur", "defen", "structure", "forces")):
        span = defence_reform(low)
        if span is not None:
            out.append(("defence-reform", *span))
    if "training" in low or "formation" in low:
        out.extend(("training-exercises", a, b) for a, b in training(low))
    return out


# Reader round 10. An operation denied after the fact, by a pronoun ("observed it in 2011, but did not
# take part in it", "mais n'y a pas pris part"): the operation named last before the words is denied.
DENIED_IT = re.compile(
    r"\b(?:(?:did|does|do|has|have|had)\s(?:not|never)\s|never\s)"
    r"(?:(?:take|took|taken)\spart\sin|(?:participate|participated)\sin|(?:contribute|contributed)\sto|join|joined)\sit\b"
    r"|\bn'y\s(?:(?:a|ont)\s)?(?:pas|jamais)\s(?:pris\spart|participe|contribue)\b"
    r"|\bn'y\s(?:participe|participent|contribue|contribuent|prend|prennent)\s(?:pas|jamais)\b"
)
# Reader round 10. People there "as observers" are no units given to an operation.
OBSERVERS = re.compile(r"\b(?:as|en tant qu'|comme)\s?(?:observers|observateurs)\b")
# Reader round 10. NATO and the partner "have cooperated since 2004" ("cooperent depuis 2004", "has worked
# with NATO since"): the start of relations, where no start word dates it. The verb right before "since",
# with at most "closely" and "with NATO" between: bounded.
COOPERATE_SINCE = re.compile(
    r"\b(?:(?:have|has)\s(?:cooperated|worked\stogether|worked)|cooperates?|work\stogether|works|"
    # round 18: "have held regular political talks since 2005", "entretiennent un dialogue depuis"
    r"(?:have|has)\s(?:held|had|maintained)\s(?:[a-z]+\s){0,2}?(?:talks|contacts|consultations|dialogue)|"
    r"entretiennent\s(?:un|des)\s(?:[a-z]+\s){0,2}?(?:dialogue|contacts|echanges)|"
    r"cooperent|coopere|ont\scoopere|a\scoopere|travaillent\sensemble|ont\stravaille\sensemble)"
    r"(?:\s(?:closely|etroitement))?"
    r"(?:\s(?:with\s(?:nato|the\salliance)|avec\sl'(?:otan|alliance)))?"
    r"\s(?:since|depuis)\s(\d{4})\b"
)
# NATO as one side of the cooperation: the word, the Alliance or the Allies (folded, both languages).
NATO_WORD = re.compile(r"\b(?:nato|otan|(?:the|l')\s?alliance|allies)\b")
# Reader round 10. Cooperation taken forward "through an IPAP", "dans le cadre d'un IPAP": a plan brought in
# with the indefinite article, as a first one is, dated by its clause. On the 28 characters before the name.
FRAME_BEFORE = re.compile(
    r"\b(?:through|within|under|via|dans le cadre d'|au travers d'|au moyen d'|par le biais d')\s?(?:an?|un|une)\s$"
)
# Reader round 11. A wish or a request to join ("said it wished to join the PfP", "a fait savoir qu'il
# souhaitait rejoindre le PPP", "applied to join"): the programme after it is not joined by that sentence.
WISH = re.compile(
    r"\b(?:wish(?:ed|es)?|want(?:ed|s)?|sought|seeks?|appl(?:ied|ies|y)|asked|hope[sd]?|aspire[sd]?|"
    r"souhait\w*|voul\w*|desir\w*|demand\w*|aspir\w*|cherch\w*)\s(?:to\s|a\s|de\s|d')?"
    r"(?:join|joining|become|rejoindre|adherer|integrer|devenir)\b"
)
# Reader round 11. Joining said with a pronoun for the programme the sentence before names ("It joined in
# June 1994", "Il y a adhéré en décembre 2006", "l'a rejoint en 2006").
PRONOUN_JOIN = re.compile(
    r"\b(?:y\s(?:a|ont)\s(?:adhere|participe)|l'(?:a|ont)\s(?:rejoint|integre)|joined\sit|"
    r"(?:it|the\scountry)\s(?:formally\s|then\s)?joined)\b"
)
# Reader round 11. A sentence opening on a pronoun subject: it goes on from the sentence before it.
PRONOUN_OPENING = re.compile(r"(?:it|they|il|elle|ils|elles)\s")
# Reader round 12. A clause renaming the act before it as a step ("..., a step that also marked the start of
# its practical cooperation", ", une étape qui ..."): matched at the clause's first word.
STEP_RENAMING = re.compile(r"\b(?:a|an|the|this|une|cette)\s(?:step|move|decision|etape)\b")
# Reader round 12. A word for the relations, in the clause a relative clause describes ("Relations between
# NATO and X, which began ...").
RELATIONS_WORD = re.compile(r"\b(?:relations?|dialogue|contacts?|ties|liens|cooperation|partnership|partenariat)\b")

# Reader round 13. A cleft dating what follows by the act just named ("c'est a partir de cette date que la
# cooperation s'est developpee", "it was from that date that practical cooperation grew").
CLEFT_FROM = re.compile(
    r"\b(?:c'est (?:a partir de|depuis|des|de) (?:cette|ce|cet) (?:date|moment|annee|adhesion|etape)|"
    r"it (?:was|is) (?:from|since|with) (?:that|this) (?:date|time|moment|year|step)) (?:que|qu'|that)\b"
)
# Reader round 14. "Then", "at the time" said of a state with no year ("Le pays siégeait alors au COCONA").
AT_THE_TIME = re.compile(r"\b(?:alors|a l'epoque|a cette epoque|then|at the time|at that time)\b")
# Reader round 15. The act of bringing in a first plan, as a verb ("submitted its first ANP", "a présenté son
# premier programme national annuel"); searched on the 40 characters before the plan's name.
SUBMITTED = re.compile(r"\b(?:submitted|presented|drew up|drawn up|soumis|presente|elabore|etabli)\b")
# Reader round 15. "X and Y both date from 1995", "datent tous deux de 1995": the year is each name's.
BOTH = re.compile(r"\b(?:both|tous deux|toutes deux|tous les deux|toutes les deux)\b")
# Reader round 15. Cooperation carried on "ever since" the act just dated ("signed the Framework Document
# in 1994 and has cooperated with the Allies in practice ever since"); at most six words between.
COOPERATED_EVER_SINCE = re.compile(
    r"\b(?:has|have|a|ont)\s(?:cooperated|coopere)\b(?:\s+[\w'-]+){0,6}?\s+(?:ever since|since then|depuis lors)\b"
)
# Reader round 17. Cooperation that "has developed ... ever since" the act just dated (at most eight words
# between); "the authorities" of the page's partner asking for a programme ("à la demande des autorités").
COOPERATION_EVER_SINCE = re.compile(r"\bcooperation\b(?:\s+[\w'-]+){0,8}?\s+(?:ever since|since then|depuis lors)\b")
REQUEST_AUTHORITIES = re.compile(
    r"\b(?:a la demande (?:des autorites|du gouvernement)|"
    r"at the request of (?:the\s)?(?:\w+\s)?(?:authorities|government))\b"
)
# Reader round 17. The partner given something ("agreed to give Moldova support through the DCB"): on the 16
# characters before its name.
GIVE_BEFORE = re.compile(r"\b(?:give|offer|provide|extend|donner|offrir|apporter|fournir)\s+(?:to\s+|a\s+|au\s+)?$")
# Reader round 18. A year given relative to the one said before it in the sentence ("agreed its first IPP a year
# later", "the same year", "l'année suivante", "deux ans plus tard"): group 1 or 2 is the count, none is 0.
RELATIVE_YEAR = re.compile(
    r"\b(?:(a|one|two|three|un|deux|trois)\s(?:years?|ans?)\s(?:later|plus tard|apres)|"
    r"the (?:following|next) year|l'annee suivante|(the same year|la meme annee|cette meme annee))\b"
)
RELATIVE_COUNTS = {"a": 1, "one": 1, "un": 1, "two": 2, "deux": 2, "three": 3, "trois": 3}
