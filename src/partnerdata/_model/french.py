"""French grammar the generated sentences need: the article a programme's name takes.

Here, at the bottom of the package, so that the query layer (timeline sentences) and the display
layer (profiles, diffs) share one implementation.
"""

__all__ = ["with_article"]

# The first word of a French programme name decides its article; a name not listed (an English
# name, a proper noun) takes none rather than a wrong one.
_MASCULINE = frozenset(
    {
        "centre",
        "comité",
        "conseil",
        "dialogue",
        "fonds",
        "partenariat",
        "plan",
        "processus",
        "programme",
        "représentant",
    }
)
_FEMININE = frozenset({"bibliothèque", "commission", "force", "initiative", "mission", "opération", "organisation"})
_PLURAL = frozenset({"partenaires"})


def with_article(name: str, lang: str, shown: str | None = None) -> str:
    """``shown`` (default: ``name``) after the French article that ``name`` takes; English unchanged.

    >>> with_article("Conseil de coopération nord-atlantique", "fr")
    'le Conseil de coopération nord-atlantique'
    >>> with_article("Initiative de coopération d'Istanbul", "fr", "ICI"), with_article("Partnership", "fr")
    ('l’ICI', 'Partnership')
    """
    shown = name if shown is None else shown
    first = name.split(" ", 1)[0].lower()
    if lang != "fr" or first not in _MASCULINE | _FEMININE | _PLURAL:
        return shown
    if first in _PLURAL:
        return f"les {shown}"
    if shown[:1].lower() in "aeiouyéèê":
        return f"l’{shown}"
    return f"{'la' if first in _FEMININE else 'le'} {shown}"
