"""The one bilingual table of interface words: labels of fields, sections and values, in English and French.

Data (partner, programme and topic names) comes from the vocabulary; these are the words around it.
Every key has both languages (a test checks it).
"""

from collections.abc import Sequence
from typing import Any

from partnerdata._model.errors import ArgumentError
from partnerdata._model.french import with_article

__all__ = [
    "CODE_FIELDS",
    "LABELS",
    "LANGUAGES",
    "code_label",
    "colon",
    "header",
    "label",
    "localise_rows",
    "separator",
    "support_text",
    "with_article",
]

LANGUAGES = ("en", "fr")


def colon(lang: str) -> str:
    """The colon after a label: French puts a space before it (``Région : Asie centrale``).

    >>> "Region" + colon("en"), "Région" + colon("fr")
    ('Region:', 'Région :')
    """
    return " :" if lang == "fr" else ":"


def separator(lang: str) -> str:
    """What joins the items of a list: ``"; "``, with a space before the semicolon in French.

    >>> separator("en").join(["KGZ", "TKM"]), separator("fr").join(["KGZ", "TKM"])
    ('KGZ; TKM', 'KGZ ; TKM')
    """
    return " ; " if lang == "fr" else "; "


def support_text(ev: Any, lang: str = "en", reference: Any = None) -> str:
    """One piece of evidence as a line: a quote in « », or a citation with NATO's page it cites.

    A quote is NATO's sentence verbatim; a citation is the fact in the project's words, so the two
    never look alike: the citation says where NATO states it instead of quoting it.
    """
    if type(ev).__name__ == "Evidence":
        return f"[{ev.locator}] « {ev.quote} »"
    says = ev.says.get(lang)
    where = f" ({label('cited.section', lang)} {ev.section})" if ev.section else ""
    if reference is None:
        return f"[{ev.locator}] {says} ({label('cited', lang)} {ev.source}{where})"
    return f"[{ev.locator}] {says} ({label('cited', lang)} {reference.cite()}{where})"


# key: (English, French). "one.X" names one item of a keyed collection X (a diff's group title);
# "section.X" heads a section of a partner's profile.
_TABLE: dict[str, tuple[str, str]] = {
    "plot.events": ("events", "événements"),
    "plot.milestones": ("milestones", "jalons"),
    "plot.participants": ("participants", "participants"),
    "plot.year": ("year", "année"),
    "plot.partner": ("partner", "partenaire"),
    "plot.taking part": ("taking part", "participation"),
    "plot.suspended": ("suspended", "suspendue"),
    "plot.timeline": ("{who}: relations with NATO, {start}–{end}", "{who} : relations avec l’OTAN, {start}–{end}"),
    "plot.several": ("{n} partners", "{n} partenaires"),
    "plot.participants.title": ("Partners taking part in {what}", "Partenaires participant à : {what}"),
    "plot.panel.title": ("{what}, {start}–{end}", "{what}, {start}–{end}"),
    "added": ("added", "ajouté"),
    "cited": ("cited from", "d’après"),
    "cited.section": ("section", "rubrique"),
    # Column headers of tables (query, timeline, list) and values of their kind/through columns.
    "column.alpha2": ("alpha-2", "alpha-2"),
    "column.alpha3": ("alpha-3", "alpha-3"),
    "column.answer": ("answer", "réponse"),
    "column.founded": ("founded", "fondé"),
    "column.heading": ("heading", "titre"),
    "column.kind": ("kind", "type"),
    "column.month": ("month", "mois"),
    "column.day": ("day", "jour"),
    "column.partner": ("partner", "partenaire"),
    "column.pfp_since": ("PfP since", "PPP depuis"),
    "column.programme": ("programme", "programme"),
    "column.programmes": ("programmes", "programmes"),
    "column.relations_since": ("relations since", "relations depuis"),
    "column.since": ("since", "depuis"),
    "column.status": ("status", "statut"),
    "column.through": ("through", "par"),
    "column.topic": ("topic", "thème"),
    "column.topics": ("topics", "thèmes"),
    "column.until": ("until", "fin"),
    "column.suspended": ("suspended", "suspension"),
    "column.resumed": ("resumed", "reprise"),
    "column.via": ("through", "par"),
    "question.cooperation": ("Cooperation", "Coopération"),
    "question.frameworks": ("Frameworks", "Cadres"),
    "question.milestones": ("Milestones", "Jalons"),
    "question.participants": ("Participations", "Participations"),
    "question.partners": ("Partners", "Partenaires"),
    "question.statements": ("Statements", "Énoncés"),
    "question.timeline": ("Timeline", "Chronologie"),
    "value.cooperation": ("cooperation", "coopération"),
    "value.designation": ("unit designated", "unité désignée"),
    "value.ended": ("ended", "fin"),
    "value.event": ("event", "événement"),
    "value.founded": ("founded", "création"),
    "value.participation": ("participation", "participation"),
    "value.relations": ("relations", "relations"),
    "value.statement": ("statement", "énoncé"),
    "aim": ("aim", "objectif"),
    "aliases": ("aliases", "autres noms"),
    "also": ("Also known as", "Autres noms"),
    "change": ("1 change", "1 modification"),
    "changed": ("changed", "modifié"),
    "changes": ("{n} changes", "{n} modifications"),
    "contributes_forces": ("contributes forces", "fournit des forces"),
    "contributes_infrastructure": ("makes infrastructure available", "met des infrastructures à disposition"),
    "cooperation_since": ("Practical cooperation since", "Coopération pratique depuis"),
    "cycle_years": ("cycle (years)", "cycle (années)"),
    "data_version": ("data version", "version des données"),
    "date": ("date", "date"),
    "description": ("description", "description"),
    "designations": ("units designated", "unités désignées"),
    "end": ("end", "fin"),
    "ended": ("ended", "terminé"),
    "every": ("every {n} years", "tous les {n} ans"),
    "evidence": ("evidence", "source"),
    "focus": ("focus", "thèmes"),
    "forces": ("contributes forces to NATO-led operations", "fournit des forces aux opérations dirigées par l'OTAN"),
    "founded": ("founded", "fondé"),
    "general": ("General", "Général"),
    "heading": ("heading", "titre"),
    "host": ("host", "lieu"),
    "infrastructure": (
        "makes infrastructure available to NATO-led operations",
        "met des infrastructures à disposition des opérations dirigées par l'OTAN",
    ),
    "introduction": ("(introduction)", "(introduction)"),
    "left out": (
        "{n} rows left out (empty, or vocabulary entries without a date)",
        "{n} lignes omises (vides, ou entrées du vocabulaire sans date)",
    ),
    "left out.all": ("--all shows them", "--all les affiche"),
    "left out.rows": ("rows() lists them", "rows() les donne"),
    "label": ("label", "libellé"),
    "name": ("name", "nom"),
    "mode.identity": (
        "Every field compared, the names, statements and evidence of the two included"
        " (identity=False, like the command line without --identity, compares the substance only).",
        "Tous les champs comparés, y compris les noms, les énoncés et les sources des deux"
        " (identity=False, comme la ligne de commande sans --identity, ne compare que le fond).",
    ),
    "mode.substance": (
        "Substance compared: the names, statements and evidence of the two are left out"
        " (identity=True, or --identity, compares every field).",
        "Fond comparé : les noms, les énoncés et les sources des deux sont laissés de côté"
        " (identity=True, ou --identity, compare tous les champs).",
    ),
    "neutrality": ("permanent neutrality", "neutralité permanente"),
    "new evidence": ("evidence after", "source après"),
    "no": ("no", "non"),
    "no heading": ("(no heading)", "(sans titre)"),
    "no relation": ("No relation data for this partner.", "Aucune donnée de relation pour ce partenaire."),
    "none": ("No differences.", "Aucune différence."),
    "note": ("note", "note"),
    "ingest.draft": (
        "Draft records read from {page} ({language}, source id {source})",
        "Projet d'enregistrements lu dans {page} ({language}, source {source})",
    ),
    "ingest.unplaced": (
        "Unplaced sentences ({n}): nothing recognised in them",
        "Phrases non placées ({n}) : rien n'y a été reconnu",
    ),
    "ingest.none": ("Unplaced sentences: none", "Phrases non placées : aucune"),
    "validate.ok": (
        "ok: {path}: data version {version}, {partners} partners, {relations} relations, {programmes} programmes, "
        "{topics} topics, {sources} sources",
        "ok : {path} : version des données {version}, {partners} partenaires, {relations} relations, "
        "{programmes} programmes, {topics} thèmes, {sources} sources",
    ),
    "page line after": ("page after", "page après"),
    "page line before": ("page before", "page avant"),
    "page lines": ("{n} line(s) of the page changed", "{n} ligne(s) de la page modifiée(s)"),
    "stale.en": (
        "the French sentence changed but its English rendering did not: the rendering is stale",
        "la phrase française a changé mais pas sa traduction anglaise : la traduction est périmée",
    ),
    "stale.fr": (
        "the English text changed but the French did not: check the French",
        "le texte anglais a changé mais pas le français : vérifier le français",
    ),
    "nothing": ("(none)", "(aucun)"),
    "official_name": ("official name", "nom officiel"),
    "old evidence": ("evidence before", "source avant"),
    "edition.latest": ("latest", "la plus récente"),
    "edition.no-page": (
        "no page of its own: the packaged facts cited from NATO's pages (partnerdata show {partner})",
        "aucune page en propre : les faits fournis avec le paquet, cités des pages de l'OTAN "
        "(partnerdata show {partner})",
    ),
    "edition.conflict": ("{n} conflict between languages", "{n} conflit entre les langues"),
    "edition.conflicts": ("{n} conflicts between languages", "{n} conflits entre les langues"),
    "edition.conflict.line": ("conflict: {fact} is {values} ({where})", "conflit : {fact} vaut {values} ({where})"),
    "one.channels": ("Channel", "Canal"),
    "one.editions": ("Edition", "Édition"),
    "one.events": ("Event", "Événement"),
    "one.participations": ("Participation", "Participation"),
    "one.partners": ("Partner", "Partenaire"),
    "one.programmes": ("Programme", "Programme"),
    "one.relations": ("Relation", "Relation"),
    "one.sources": ("Source", "Source"),
    "one.statements": ("Statement", "Énoncé"),
    "one.topics": ("Topic", "Thème"),
    "permanent_neutrality": ("permanent neutrality", "neutralité permanente"),
    "plan": ("Cooperation plan", "Plan de coopération"),
    "region": ("region", "région"),
    "relations_since": ("Relations since", "Relations depuis"),
    "member_since": ("NATO member since", "Membre de l’OTAN depuis"),
    "until": ("until", "jusqu’en"),
    "suspended": ("suspended", "suspendue"),
    "resumed": ("resumed", "reprise"),
    "section.references": ("NATO pages cited", "Pages de l’OTAN citées"),
    "section.conflicts": ("Sources that disagree", "Sources en désaccord"),
    "conflict.kept": ("the data keeps", "les données retiennent"),
    "removed": ("removed", "supprimé"),
    "renewal": ("renewal", "renouvellement"),
    "section.channels": ("Dialogue and information channels", "Canaux de dialogue et d'information"),
    "section.designations": ("Units designated", "Unités désignées"),
    "section.events": ("Events", "Événements"),
    "section.participations": ("Participations", "Participations"),
    "section.region": ("Region", "Région"),
    "section.sources": ("Sources", "Sources"),
    "section.statements": ("Statements", "Énoncés"),
    "section.topics": ("Topics", "Thèmes"),
    "since": ("since", "depuis"),
    "stance": ("Stance", "Position"),
    "start unknown": ("start unknown", "début inconnu"),
    "successor": ("successor", "successeur"),
    "text": ("text", "texte"),
    "unknown": ("unknown", "inconnu"),
    "via": ("through", "par"),
    "year": ("year", "année"),
    "yes": ("yes", "oui"),
}

LABELS: dict[str, dict[str, str]] = {lang: {k: v[i] for k, v in _TABLE.items()} for i, lang in enumerate(LANGUAGES)}


def label(key: str, lang: str) -> str:
    """The interface word ``key`` in ``lang``; an unknown key reads as itself, underscores as spaces.

    >>> label("contributes_forces", "fr"), label("section.events", "en"), label("some_field", "en")
    ('fournit des forces', 'Events', 'some field')
    """
    if lang not in LANGUAGES:
        raise ArgumentError(f"lang must be 'en' or 'fr', not {lang!r}")
    return LABELS[lang].get(key, key.replace("_", " "))


# Columns whose values are vocabulary codes, and which vocabulary names them.
CODE_FIELDS = {
    "focus": "topic",
    "topic": "topic",
    "topics": "topic",
    "programme": "programme",
    "programmes": "programme",
    "via": "programme",
    "successor": "programme",
}


def code_label(vocabulary: Any, kind: str, code: str, lang: str) -> str:
    """How a topic or programme code reads for people: its vocabulary label, the same everywhere.

    A topic reads as its label, a programme as its acronym (or its name when it has none); a code
    the vocabulary does not know reads as itself. ``vocabulary`` is a dataset (anything with
    ``topic()`` and ``programme()`` lookups).

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> code_label(ds, "topic", "training-exercises", "en"), code_label(ds, "programme", "NACC", "fr")
    ('training and exercises', 'COCONA')
    """
    try:
        if kind == "topic":
            return str(vocabulary.topic(code).label.get(lang))
        record = vocabulary.programme(code)
    except LookupError:  # NotFoundError: a code outside the vocabulary (a draft, an edited edition)
        return code
    text = record.acronym if record.acronym is not None else record.name
    return str(text.get(lang))


def localise_rows(table: Sequence[dict[str, Any]], vocabulary: Any, lang: str) -> list[dict[str, Any]]:
    """Flat rows for people: codes shown by their label, kinds in ``lang``, lists joined with ``"; "``.

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> localise_rows([{"kind": "event", "topics": "training-exercises; cyber-defence"}], ds, "fr")
    [{'kind': 'événement', 'topics': 'activités de formation ; cyberdéfense'}]
    """
    values = LABELS[lang]
    out = []
    for r in table:
        shown = dict(r)
        for name, value in r.items():
            if not isinstance(value, str) or not value:
                continue
            kind = CODE_FIELDS.get(name)
            if kind is not None:
                shown[name] = separator(lang).join(code_label(vocabulary, kind, c, lang) for c in value.split("; "))
            elif name in ("kind", "through"):
                shown[name] = values.get(f"value.{value}", value)
        out.append(shown)
    return out


def header(name: str, lang: str) -> str:
    """A table column's header in ``lang``.

    >>> header("partner", "fr"), header("text", "fr")
    ('partenaire', 'texte')
    """
    return LABELS[lang].get(f"column.{name}") or label(name, lang)
