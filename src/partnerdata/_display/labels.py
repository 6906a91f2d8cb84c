"""The one bilingual table of interface words: labels of fields, sections and values, in English and French.

Data (partner, programme and topic names) comes from the vocabulary; these are the words around it.
Every key has both languages (a test checks it).
"""

__all__ = ["LABELS", "LANGUAGES", "label"]

LANGUAGES = ("en", "fr")

# key: (English, French). "one.X" names one item of a keyed collection X (a diff's group title);
# "section.X" heads a section of a partner's profile.
_TABLE: dict[str, tuple[str, str]] = {
    "added": ("added", "ajouté"),
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
    "label": ("label", "libellé"),
    "name": ("name", "nom"),
    "neutrality": ("permanent neutrality", "neutralité permanente"),
    "new evidence": ("evidence after", "source après"),
    "no": ("no", "non"),
    "no heading": ("(no heading)", "(sans titre)"),
    "no relation": ("No relation data for this partner.", "Aucune donnée de relation pour ce partenaire."),
    "none": ("No differences.", "Aucune différence."),
    "note": ("note", "note"),
    "nothing": ("(none)", "(aucun)"),
    "official_name": ("official name", "nom officiel"),
    "old evidence": ("evidence before", "source avant"),
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
        raise ValueError(f"lang must be 'en' or 'fr', not {lang!r}")
    return LABELS[lang].get(key, key.replace("_", " "))
