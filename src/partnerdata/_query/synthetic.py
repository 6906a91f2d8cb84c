"""Synthetic datasets of any size, for benchmarks and property tests (not real data).

:func:`synthetic` makes ``n`` invented partners with the packaged programmes and topics, each with
a French source page whose bullets are its statements, and relations whose every fact quotes one
of those bullets. The dataset is built through the public :class:`Dataset` constructor, so it
passes every integrity check. The same ``seed`` always gives the same dataset.
"""

import random
import string
from typing import Any

from partnerdata._model.records import (
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Relation,
    Source,
    Stance,
    Statement,
    Text,
)

# Words statements are made of: a few common ones and many rare ones, so searches return results
# of every size.
COMMON = ("cooperation", "securite")
RARE = tuple(f"mot{i:03d}" for i in range(500))


def _code(i: int, letters: int) -> str:
    out = ""
    for _ in range(letters):
        i, r = divmod(i, 26)
        out = string.ascii_uppercase[r] + out
    return out


def synthetic(n: int, seed: int = 0, *, base: Any = None) -> Any:
    """A dataset of ``n`` invented partners (``n`` up to 17,576), the same for the same ``seed``.

    >>> ds = synthetic(3, seed=1)
    >>> len(ds.partners), len(ds.relations), ds.data_version
    (3, 3, 'synthetic-3-1')
    """
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.load import load

    if not 0 <= n <= 26**3:
        raise ValueError(f"n must be between 0 and {26**3}, not {n}")
    rng = random.Random(seed)
    base = base if base is not None else load()
    programmes = [p for p in base.programmes if p.kind != "operation"]
    topics = [t.code for t in base.topics]
    partners: list[Partner] = []
    sources: list[Source] = []
    relations: list[Relation] = []
    for i in range(n):
        alpha3 = _code(i, 3)
        name = f"Partenaire {alpha3}"
        partners.append(
            Partner(
                alpha3=alpha3,
                alpha2=_code(i, 2) if i < 26**2 else None,
                name=Text(fr=name, en=f"Partner {alpha3}"),
                official_name=Text(fr=f"République {alpha3}", en=f"Republic {alpha3}"),
            )
        )
        source_id = f"synthetic-{alpha3.lower()}-fr"
        # Statements: one bullet each, with one to three topics and a common and a rare word.
        statements: list[tuple[str, str, tuple[str, ...]]] = []
        for _ in range(rng.randint(2, 4)):
            chosen = tuple(sorted(set(rng.sample(topics, rng.randint(1, 3)))))
            common, rare = rng.choice(COMMON), rng.choice(RARE)
            fr = f"{name} agit en {common} sur {', '.join(chosen)} avec le {rare}."
            en = f"Partner {alpha3} works in {common} on {', '.join(chosen)} with the {rare}."
            statements.append((fr, en, chosen))
        text = f"Relations avec {name}\nIntroduction.\nFaits\n" + "\n".join(f"- {fr}" for fr, _, _ in statements)
        sources.append(Source.from_text(id=source_id, partner=alpha3, language="fr", text=text))
        evidence = [
            Evidence(source=source_id, section=1, item=k, sentence=0, quote=fr)
            for k, (fr, _, _) in enumerate(statements)
        ]

        def ev() -> tuple[Evidence, ...]:
            return (rng.choice(evidence),)  # noqa: B023 - used within this iteration only

        year = rng.randint(1991, 2020) if rng.random() < 0.9 else None
        relations_since = None
        cooperation_since = None
        if year is not None:
            relations_since = Milestone(year=year, via="NACC" if year < 1997 else "EAPC", evidence=ev())
            if rng.random() < 0.8:
                cooperation_since = Milestone(
                    year=rng.randint(year, 2024), via="PFP" if year >= 1994 else None, evidence=ev()
                )
        participations = []
        for p in rng.sample(programmes, rng.randint(1, 5)):
            low = p.founded.year if p.founded is not None else 1990
            since = rng.randint(max(low, 1990), 2024) if rng.random() < 0.8 else None
            participations.append(
                Participation(
                    programme=p.code, since=since, focus=tuple(rng.sample(topics, rng.randint(0, 2))), evidence=ev()
                )
            )
        flags = [rng.choice((True, False, None)) for _ in range(3)]
        stance = Stance(
            permanent_neutrality=flags[0],
            contributes_forces=flags[1],
            contributes_infrastructure=flags[2],
            evidence=ev() if any(f is not None for f in flags) else (),
        )
        events = [
            Event(
                id=f"event-{k}",
                date=PartialDate(year=rng.randint(1992, 2024)),
                text=Text(fr=f"Événement {k} de {name}.", en=f"Event {k} of Partner {alpha3}."),
                topics=tuple(rng.sample(topics, rng.randint(0, 2))),
                evidence=ev(),
            )
            for k in range(rng.randint(0, 2))
        ]
        relations.append(
            Relation(
                partner=alpha3,
                relations_since=relations_since,
                cooperation_since=cooperation_since,
                participations=participations,
                stance=stance,
                events=events,
                statements=[
                    Statement(text=Text(fr=fr, en=en), topics=chosen, evidence=e)
                    for (fr, en, chosen), e in zip(statements, evidence, strict=True)
                ],
            )
        )
    return Dataset(
        data_version=f"synthetic-{n}-{seed}",
        partners=partners,
        programmes=base.programmes,
        topics=base.topics,
        sources=sources,
        relations=relations,
    )
