"""The ``partnerdata`` command: list partners, show one with its evidence, validate data.

Errors go to stderr as one line each, never as a traceback; the exit code is 0 on success,
1 when validation finds problems, 2 for a usage error or a failure.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from partnerdata._model.errors import DataValidationError, NotFoundError, PartnerDataError
from partnerdata._model.records import Evidence, Relation, Text

# Interface words, not data: the labels of the profile's lines in each language.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "also": "Also known as",
        "region": "Region",
        "sources": "Sources",
        "relations_since": "Relations since",
        "cooperation_since": "Practical cooperation since",
        "via": "through",
        "plan": "Cooperation plan",
        "every": "every {n} years",
        "stance": "Stance",
        "neutrality": "permanent neutrality",
        "forces": "contributes forces to NATO-led operations",
        "infrastructure": "makes infrastructure available to NATO-led operations",
        "yes": "yes",
        "no": "no",
        "unknown": "unknown",
        "designations": "Units designated",
        "participations": "Participations",
        "since": "since",
        "start unknown": "start unknown",
        "focus": "focus",
        "aim": "aim",
        "host": "host",
        "channels": "Dialogue and information channels",
        "events": "Events",
        "statements": "Statements",
        "introduction": "(introduction)",
        "no heading": "(no heading)",
        "no relation": "No relation data for this partner.",
        "topics": "Topics",
    },
    "fr": {
        "also": "Autres noms",
        "region": "Région",
        "sources": "Sources",
        "relations_since": "Relations depuis",
        "cooperation_since": "Coopération pratique depuis",
        "via": "par",
        "plan": "Plan de coopération",
        "every": "tous les {n} ans",
        "stance": "Position",
        "neutrality": "neutralité permanente",
        "forces": "fournit des forces aux opérations dirigées par l'OTAN",
        "infrastructure": "met des infrastructures à disposition des opérations dirigées par l'OTAN",
        "yes": "oui",
        "no": "non",
        "unknown": "inconnu",
        "designations": "Unités désignées",
        "participations": "Participations",
        "since": "depuis",
        "start unknown": "début inconnu",
        "focus": "thèmes",
        "aim": "objectif",
        "host": "lieu",
        "channels": "Canaux de dialogue et d'information",
        "events": "Événements",
        "statements": "Énoncés",
        "introduction": "(introduction)",
        "no heading": "(sans titre)",
        "no relation": "Aucune donnée de relation pour ce partenaire.",
        "topics": "Thèmes",
    },
}


class _Profile:
    """Renders one partner's relation as readable text in one language."""

    def __init__(self, ds: Any, lang: str, out: TextIO) -> None:
        self.ds, self.lang, self.out = ds, lang, out
        self.w = _WORDS[lang]

    def t(self, text: Text | None) -> str:
        return "" if text is None else str(text.get(self.lang))

    def line(self, text: str = "", indent: int = 0) -> None:
        self.out.write(" " * indent + text + "\n")

    def programme(self, code: str | None) -> str:
        if code is None:
            return ""
        p = self.ds.programme(code)
        acronym = self.t(p.acronym)
        return f"{self.t(p.name)} ({acronym})" if acronym and acronym != self.t(p.name) else self.t(p.name)

    def topics(self, codes: Sequence[str]) -> str:
        return ", ".join(self.t(self.ds.topic(c).label) for c in codes)

    def flag(self, value: bool | None) -> str:
        return self.w["unknown"] if value is None else self.w["yes" if value else "no"]

    def evidence(self, items: Sequence[Evidence], indent: int) -> None:
        for ev in items:
            self.line(f"[{ev.locator}] « {ev.quote} »", indent)

    def show(self, key: str) -> None:
        w = self.w
        partner = self.ds.partner(key)
        codes = partner.alpha3 if partner.alpha2 is None else f"{partner.alpha3} / {partner.alpha2}"
        self.line(f"{self.t(partner.name)} ({codes}) - {self.t(partner.official_name)}")
        if partner.region is not None:
            self.line(f"{w['region']}: {self.t(partner.region)}")
        if partner.aliases:
            self.line(f"{w['also']}: {', '.join(partner.aliases)}")
        relation: Relation | None = next((r for r in self.ds.relations if r.partner == partner.alpha3), None)
        if relation is None:
            self.line(w["no relation"])
            return
        sources = [self.ds.source(s) for s in relation.sources]
        self.line(f"{w['sources']}: " + "; ".join(f"{s.id} « {s.title} » ({s.language})" for s in sources))
        if relation.topics:
            self.line(f"{w['topics']}: {self.topics(relation.topics)}")
        for name in ("relations_since", "cooperation_since"):
            milestone = getattr(relation, name)
            self.line()
            if milestone is None:
                self.line(f"{w[name]}: {w['unknown']}")
                continue
            via = f" {w['via']} {self.programme(milestone.via)}" if milestone.via else ""
            self.line(f"{w[name]} {milestone.year}{via}")
            self.evidence(milestone.evidence, 2)
        if relation.plan is not None:
            plan = relation.plan
            cycle = f", {w['every'].format(n=plan.cycle_years)}" if plan.cycle_years else ""
            renewal = f" ({self.t(plan.renewal)})" if plan.renewal else ""
            self.line()
            self.line(f"{w['plan']}: {self.programme(plan.programme)}{cycle}{renewal}")
            self.evidence(plan.evidence, 2)
        stance = relation.stance
        self.line()
        self.line(f"{w['stance']}:")
        self.line(f"{w['neutrality']}: {self.flag(stance.permanent_neutrality)}", 2)
        self.line(f"{w['forces']}: {self.flag(stance.contributes_forces)}", 2)
        self.line(f"{w['infrastructure']}: {self.flag(stance.contributes_infrastructure)}", 2)
        self.evidence(stance.evidence, 2)
        for d in stance.designations:
            organisation = f" ({self.programme(d.organisation)})" if d.organisation else ""
            self.line(f"{w['designations']}: {self.t(d.purpose)}{organisation}", 2)
            self.evidence(d.evidence, 4)
        if relation.participations:
            self.line()
            self.line(f"{w['participations']}:")
            for p in relation.participations:
                start = f"{w['since']} {p.since}" if p.since is not None else w["start unknown"]
                self.line(f"{p.programme}: {self.programme(p.programme)}, {start}", 2)
                if p.focus:
                    self.line(f"{w['focus']}: {self.topics(p.focus)}", 4)
                if p.aim is not None:
                    self.line(f"{w['aim']}: {self.t(p.aim)}", 4)
                if p.host is not None:
                    self.line(f"{w['host']}: {self.t(p.host)}", 4)
                self.evidence(p.evidence, 4)
        if relation.channels:
            self.line()
            self.line(f"{w['channels']}:")
            for c in relation.channels:
                host = f" ({self.t(c.host)})" if c.host is not None else ""
                self.line(f"{self.programme(c.body)}: {self.t(c.description)}{host}", 2)
                self.evidence(c.evidence, 4)
        if relation.events:
            self.line()
            self.line(f"{w['events']}:")
            for e in relation.events:
                end = f"-{e.end}" if e.end is not None else ""
                self.line(f"{e.date.isoformat()}{end}: {self.t(e.text)}", 2)
                self.evidence(e.evidence, 4)
        self.line()
        self.line(f"{w['statements']}:")
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


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    import partnerdata

    ds = partnerdata.load(args.data)
    having = {r.partner: r for r in ds.relations}
    for p in ds.partners:
        r = having.get(p.alpha3)
        since = "" if r is None or r.relations_since is None else str(r.relations_since.year)
        pfp = "" if r is None or r.pfp_since is None else str(r.pfp_since)
        region = "" if p.region is None else str(p.region.get(args.lang))
        out.write(f"{p.alpha3}  {p.alpha2 or '--'}  {p.name.get(args.lang)!s:<24} {region:<20} {since:>4} {pfp:>4}\n")
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    import partnerdata

    ds = partnerdata.load(args.data)
    if args.json:
        import json

        partner = ds.partner(args.key)
        relation = next((r for r in ds.relations if r.partner == partner.alpha3), None)
        document = {
            "partner": partnerdata.to_dict(partner),
            "relation": None if relation is None else partnerdata.to_dict(relation),
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    _Profile(ds, args.lang, out).show(args.key)
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    import partnerdata

    ds = partnerdata.load(args.path)
    out.write(
        f"ok: {args.path}: data version {ds.data_version}, {len(ds.partners)} partners, "
        f"{len(ds.relations)} relations, {len(ds.programmes)} programmes, {len(ds.topics)} topics, "
        f"{len(ds.sources)} sources\n"
    )
    return 0


# Modules that add subcommands; each defines ``add_commands(command, data_option, lang_option)``.
_COMMAND_MODULES: tuple[str, ...] = ("partnerdata._cli.diff", "partnerdata._cli.query", "partnerdata._cli.ingest")


def _parser() -> argparse.ArgumentParser:
    from partnerdata._version import DATA_VERSION, __version__

    parser = argparse.ArgumentParser(
        prog="partnerdata",
        description="NATO's relations with its partner countries, with the evidence for every fact.",
    )
    parser.add_argument("--version", action="version", version=f"partnerdata {__version__} (data {DATA_VERSION})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace, TextIO], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(run=run)
        return p

    def data_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", metavar="PATH", help="a dataset file or folder instead of the packaged data")

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of labels (default: en)")

    p = command("list", _cmd_list, "list partners: codes, name, region, relations since, PfP since")
    lang_option(p)
    data_option(p)
    p = command("show", _cmd_show, "show a partner's relation with the evidence for each fact")
    p.add_argument("key", metavar="KEY", help="partner code or name, in French or English (e.g. KGZ, Turkménistan)")
    lang_option(p)
    p.add_argument("--json", action="store_true", help="print the partner and relation records as JSON")
    data_option(p)
    p = command("validate", _cmd_validate, "check a dataset file or folder and list every problem")
    p.add_argument("path", metavar="PATH", help="a JSON file written by partnerdata.to_json, or a data folder")
    import importlib

    for name in _COMMAND_MODULES:
        # Each feature's module adds its own subcommands: add_commands(command, data_option, lang_option).
        importlib.import_module(name).add_commands(command, data_option, lang_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        return int(args.run(args, out))
    except DataValidationError as exc:
        for line in str(exc).splitlines():
            print(
                f"partnerdata: {line.strip()}" if line.startswith("invalid") else f"  {line.strip()}", file=sys.stderr
            )
        return 1 if args.command == "validate" else 2
    except NotFoundError as exc:
        print(f"partnerdata: {exc}", file=sys.stderr)
        return 2
    except PartnerDataError as exc:
        print(f"partnerdata: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``partnerdata show KGZ | head``); that is not an error of ours.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"partnerdata: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
