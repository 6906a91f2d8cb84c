"""A partner's profile as readable text: every fact with the sentences it was read from."""

from collections.abc import Sequence
from typing import Any, TextIO

from partnerdata._display.labels import LABELS, code_label, colon, separator, support_text, with_article
from partnerdata._model.records import Relation, Support, Text

__all__ = ["Profile"]


class Profile:
    """Renders one partner's relation as readable text in one language."""

    def __init__(self, ds: Any, lang: str, out: TextIO) -> None:
        self.ds, self.lang, self.out = ds, lang, out
        self.w = LABELS[lang]

    def t(self, text: Text | None) -> str:
        return "" if text is None else str(text.get(self.lang))

    def line(self, text: str = "", indent: int = 0) -> None:
        self.out.write(" " * indent + text + "\n")

    def programme(self, code: str | None, *, article: bool = False) -> str:
        """A programme's name and acronym; with ``article``, after the article French gives it ("par le Conseil")."""
        if code is None:
            return ""
        p = self.ds.programme(code)
        name, acronym = self.t(p.name), self.t(p.acronym)
        shown = f"{name} ({acronym})" if acronym and acronym != name else name
        return with_article(name, self.lang, shown) if article else shown

    def topics(self, codes: Sequence[str]) -> str:
        # "; " because a topic's label may itself contain commas.
        return separator(self.lang).join(code_label(self.ds, "topic", c, self.lang) for c in codes)

    def flag(self, value: bool | None) -> str:
        return self.w["unknown"] if value is None else self.w["yes" if value else "no"]

    def evidence(self, items: Sequence[Support], indent: int) -> None:
        for ev in items:
            self.line(support_text(ev, self.lang, self.ds.get_reference(ev.source)), indent)

    def show(self, key: str) -> None:
        w, c, sep = self.w, colon(self.lang), separator(self.lang)
        partner = self.ds.partner(key)
        codes = partner.alpha3 if partner.alpha2 is None else f"{partner.alpha3} / {partner.alpha2}"
        self.line(f"{self.t(partner.name)} ({codes}) - {self.t(partner.official_name)}")
        if partner.region is not None:
            self.line(f"{w['section.region']}{c} {self.t(partner.region)}")
        if partner.aliases:
            self.line(f"{w['also']}{c} {sep.join(partner.aliases)}")
        relation: Relation | None = next((r for r in self.ds.relations if r.partner == partner.alpha3), None)
        if relation is None:
            self.line(w["no relation"])
            return
        sources = [self.ds.source(s) for s in relation.sources]
        if sources:
            self.line(f"{w['section.sources']}{c} " + sep.join(f"{s.id} « {s.title} » ({s.language})" for s in sources))
        cited = sorted({ev.source for ev in _supports(relation) if type(ev).__name__ == "Citation"})
        if cited:
            self.line(f"{w['section.references']}{c} {len(cited)}")
            for rid in cited:
                ref = self.ds.get_reference(rid)
                self.line(f"{rid}{c} {ref.cite() if ref is not None else rid}", 2)
        if relation.topics:
            self.line(f"{w['section.topics']}{c} {self.topics(relation.topics)}")
        for name in ("relations_since", "cooperation_since", "member_since"):
            milestone = getattr(relation, name)
            if milestone is None and name == "member_since":
                continue
            self.line()
            if milestone is None:
                self.line(f"{w[name]}{c} {w['unknown']}")
                continue
            via = f" {w['via']} {self.programme(milestone.via, article=True)}" if milestone.via else ""
            when = milestone.date.isoformat() if milestone.date is not None else str(milestone.year)
            self.line(f"{w[name]} {when}{via}")
            self.evidence(milestone.evidence, 2)
        if relation.plan is not None:
            plan = relation.plan
            cycle = f", {w['every'].format(n=plan.cycle_years)}" if plan.cycle_years else ""
            renewal = f" ({self.t(plan.renewal)})" if plan.renewal else ""
            self.line()
            self.line(f"{w['plan']}{c} {self.programme(plan.programme)}{cycle}{renewal}")
            self.evidence(plan.evidence, 2)
        stance = relation.stance
        self.line()
        self.line(f"{w['stance']}{c}")
        self.line(f"{w['neutrality']}{c} {self.flag(stance.permanent_neutrality)}", 2)
        self.line(f"{w['forces']}{c} {self.flag(stance.contributes_forces)}", 2)
        self.line(f"{w['infrastructure']}{c} {self.flag(stance.contributes_infrastructure)}", 2)
        self.evidence(stance.evidence, 2)
        for d in stance.designations:
            # The organisation by its acronym, so that its name's own parentheses are not nested.
            shown = code_label(self.ds, "programme", d.organisation, self.lang) if d.organisation else ""
            organisation = f" ({shown})" if shown else ""
            self.line(f"{w['section.designations']}{c} {self.t(d.purpose)}{organisation}", 2)
            self.evidence(d.evidence, 4)
        if relation.participations:
            self.line()
            self.line(f"{w['section.participations']}{c}")
            for p in relation.participations:
                start = f"{w['since']} {p.since}" if p.since is not None else w["start unknown"]
                if p.date is not None:
                    start = f"{w['since']} {p.date.isoformat()}"
                for key in ("suspended", "resumed", "until"):
                    if getattr(p, key) is not None:
                        start += f", {w[key]} {getattr(p, key)}"
                self.line(f"{self.programme(p.programme)}, {start}", 2)
                if p.focus:
                    self.line(f"{w['focus']}{c} {self.topics(p.focus)}", 4)
                if p.aim is not None:
                    self.line(f"{w['aim']}{c} {self.t(p.aim)}", 4)
                if p.host is not None:
                    self.line(f"{w['host']}{c} {self.t(p.host)}", 4)
                self.evidence(p.evidence, 4)
        if relation.channels:
            self.line()
            self.line(f"{w['section.channels']}{c}")
            for channel in relation.channels:
                host = f" ({self.t(channel.host)})" if channel.host is not None else ""
                self.line(f"{self.programme(channel.body)}{c} {self.t(channel.description)}{host}", 2)
                self.evidence(channel.evidence, 4)
        if relation.events:
            self.line()
            self.line(f"{w['section.events']}{c}")
            for e in relation.events:
                end = f"-{e.end}" if e.end is not None else ""
                self.line(f"{e.date.isoformat()}{end}{c} {self.t(e.text)}", 2)
                self.evidence(e.evidence, 4)
        if relation.conflicts:
            self.line()
            self.line(f"{w['section.conflicts']}{c}")
            for conflict in relation.conflicts:
                self.line(f"{conflict.fact}{c} {' / '.join(conflict.values)}", 2)
                self.evidence(conflict.evidence, 4)
        if not relation.statements:
            return
        self.line()
        self.line(f"{w['section.statements']}{c}")
        heading: object = object()
        for s in relation.statements:
            if s.heading != heading:
                heading = s.heading
                if s.evidence.section == 0:
                    title = w["introduction"]
                else:
                    title = self.t(s.heading) if s.heading is not None else w["no heading"]
                self.line(title, 2)
            self.line(f"[{s.evidence.locator}] {self.t(s.text)}", 4)


def _supports(relation: Relation) -> list[Support]:
    """Every piece of evidence of a relation's facts."""
    found: list[Support] = []
    for m in (relation.relations_since, relation.cooperation_since, relation.member_since, relation.plan):
        if m is not None:
            found += m.evidence
    for group in (relation.participations, relation.channels, relation.events, relation.stance.designations):
        for record in group:
            found += record.evidence
    found += relation.stance.evidence
    for c in relation.conflicts:
        found += c.evidence
    return found
