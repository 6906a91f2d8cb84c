"""Deterministic synthetic datasets for benchmarks: N partners, each with a short page and a relation.

Every generated dataset is valid (it loads), so benchmarks time the real code paths.
"""

import hashlib
import itertools
import random
import string
from typing import Any

import partnerdata

PROGRAMMES = ("BI", "DEEP", "EADRCC", "IPCP", "PARP", "SPS")
TOPICS = ("border-security", "counter-terrorism", "cyber-defence", "disaster-response", "science", "trafficking")


def codes(n: int) -> list[str]:
    """The first ``n`` three-letter codes in a fixed shuffled order (at most 17,576)."""
    every = ["".join(c) for c in itertools.product(string.ascii_uppercase, repeat=3)]
    random.Random(7).shuffle(every)
    return every[:n]


def page(code: str, since: int, sps: int) -> str:
    return "\n".join(
        [
            f"Relations avec le partenaire {code}",
            f"Le partenaire {code} et l'OTAN coopèrent dans plusieurs domaines.",
            f"- Les relations avec le partenaire {code} ont débuté en {since}.",
            f"- La coopération pratique a démarré en {since + 2}, avec l'adhésion au Partenariat pour la paix.",
            "Autres domaines de coopération",
            f"- Le pays participe depuis {sps} au programme SPS. Il travaille sur la cyberdéfense.",
        ]
    )


def evidence(source: str, text: str, section: int, item: int, sentence: int) -> dict[str, Any]:
    from partnerdata._page import parse

    quote = parse(text).sections[section].items[item].sentences[sentence]
    return {"source": source, "section": section, "item": item, "sentence": sentence, "quote": quote}


def document(n: int, *, seed: int = 1) -> dict[str, Any]:
    """The dict form of a valid dataset with ``n`` partners, sources and relations."""
    rng = random.Random(seed)
    base = partnerdata.to_dict(partnerdata.load())
    partners: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for code in codes(n):
        since, sps = rng.randint(1992, 2000), rng.randint(1993, 2020)
        text = page(code, since, sps)
        sid = f"gen-{code.lower()}"
        partners.append(
            {
                "alpha3": code,
                "alpha2": None,
                "name": {"fr": f"Partenaire {code}", "en": f"Partner {code}"},
                "official_name": {"fr": f"République {code}", "en": f"Republic of {code}"},
                "aliases": [],
                "region": None,
            }
        )
        sources.append(
            {
                "id": sid,
                "partner": code,
                "title": text.partition("\n")[0],
                "language": "fr",
                "url": None,
                "text": text,
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
            }
        )
        ev = [evidence(sid, text, *place) for place in ((0, 1, 0), (1, 0, 0), (1, 1, 0), (2, 0, 0), (2, 0, 1))]
        focus = sorted(rng.sample(TOPICS, 2))
        participations: list[dict[str, Any]] = [
            {
                "programme": p,
                "since": rng.choice([None, rng.randint(2008, 2024)]),
                "focus": focus,
                "aim": None,
                "host": None,
                "evidence": [ev[3]],
            }
            for p in sorted(rng.sample(PROGRAMMES[:2], rng.randint(0, 2)))
        ]
        participations.append(
            {"programme": "PFP", "since": since + 2, "focus": [], "aim": None, "host": None, "evidence": [ev[2]]}
        )
        participations.append(
            {
                "programme": "SPS",
                "since": sps,
                "focus": ["cyber-defence"],
                "aim": None,
                "host": None,
                "evidence": [ev[3], ev[4]],
            }
        )
        participations.sort(key=lambda p: str(p["programme"]))
        statements: list[dict[str, Any]] = [
            {
                "text": {"fr": e["quote"], "en": f"Sentence {i} about {code}."},
                "heading": None,
                "topics": [],
                "programmes": [],
                "evidence": e,
            }
            for i, e in enumerate(ev)
        ]
        relations.append(
            {
                "partner": code,
                "relations_since": {"year": since, "via": "NACC", "evidence": [ev[1]]},
                "cooperation_since": {"year": since + 2, "via": "PFP", "evidence": [ev[2]]},
                "plan": None,
                "participations": participations,
                "stance": {
                    "permanent_neutrality": None,
                    "contributes_forces": rng.choice([None, True, False]),
                    "contributes_infrastructure": None,
                    "designations": [],
                    "evidence": [ev[1]],
                },
                "channels": [],
                "events": [],
                "statements": statements,
            }
        )
    return {
        "data_version": "bench",
        "partners": sorted(partners, key=lambda p: p["alpha3"]),
        "programmes": base["programmes"],
        "topics": base["topics"],
        "sources": sorted(sources, key=lambda s: s["id"]),
        "relations": sorted(relations, key=lambda r: r["partner"]),
    }
