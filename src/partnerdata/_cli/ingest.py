"""The ``ingest`` and ``build`` commands: read a page into draft records; rebuild the packaged data."""

import argparse
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from partnerdata._cli.output import add_output_options, fit, group
from partnerdata._display.labels import LABELS
from partnerdata._display.profile import Profile
from partnerdata._ingest import build as _build
from partnerdata._ingest.extract import extract
from partnerdata._ingest.page import read_page
from partnerdata._io.convert import to_dict
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.dataset import Dataset
from partnerdata._query.load import load

Command = Callable[[str, Callable[[argparse.Namespace, TextIO], int], str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]


def _cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    # Any layout and encoding (text or saved HTML, UTF-8, windows-1252, ...), as `build` reads pages.
    import attrs

    from partnerdata._ingest.assemble import edition_of, title_partner

    page = read_page(args.page)  # a PageError is unreadable input (exit 3), as in `build`
    ds = load(args.data)
    alpha3 = title_partner(page.title, ds, args.page)
    result = extract(page, vocabulary=ds, source_id=args.source_id, url=page.url)
    if result.partner.alpha3 != alpha3:  # the title decides, as in `build`, not mentions in the text
        result = attrs.evolve(
            result,
            partner=ds.partner(alpha3),
            relation=attrs.evolve(result.relation, partner=alpha3),
            source=attrs.evolve(result.source, partner=alpha3),
        )

    # The edition as `build` dates it, so that a draft and a built dataset agree.
    edition = edition_of(page.edition, Path(args.page))
    result = attrs.evolve(result, source=attrs.evolve(result.source, edition=edition))
    if args.json:
        import json

        document = {
            "partner": to_dict(result.partner),
            "source": {k: v for k, v in to_dict(result.source).items() if k != "text"},
            "relation": to_dict(result.relation),
            "unplaced": [to_dict(ev) for ev in result.unplaced],
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    # A draft dataset: the vocabulary with this one page and relation, checked like the packaged data.
    draft = Dataset(
        data_version="draft",
        partners=ds.partners,
        programmes=ds.programmes,
        topics=ds.topics,
        sources=(result.source,),
        relations=(result.relation,),
    )
    lang = getattr(args, "lang", None) or page.language
    w = LABELS[lang]
    text = io.StringIO()
    text.write(w["ingest.draft"].format(page=args.page, language=page.language, source=result.source.id) + "\n\n")
    Profile(draft, lang, text).show(result.partner.alpha3)
    text.write("\n")
    if result.unplaced:
        text.write(w["ingest.unplaced"].format(n=len(result.unplaced)) + "\n")
        for ev in result.unplaced:
            text.write(f"  [{ev.locator}] {ev.quote}\n")
    else:
        text.write(w["ingest.none"] + "\n")
    out.write(fit(text.getvalue(), args, out))
    return 0


def _cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    if args.pages:
        if args.check or args.packaged or args.data_dir or args.inputs:
            raise PartnerDataError(
                "build PAGES writes a dataset folder (--output DIR); --check, --packaged, "
                "--data-dir and --inputs are the maintainers' rebuild of the packaged data"
            )
        return _build_pages(args, out)
    if args.output or args.partners or args.pages_only:
        raise PartnerDataError(
            "--output, --partners and --pages-only go with pages: partnerdata build PAGES... --output DIR"
        )
    data_dir = Path(args.data_dir) if args.data_dir else None
    inputs_dir = Path(args.inputs) if args.inputs else None
    if args.check:
        differences = _build.check(data_dir, inputs_dir)
        if differences:
            out.write(fit(f"the packaged data differs from its build ({len(differences)} files):\n", args, out))
            for d in differences:
                out.write(fit(f"  {d}\n", args, out))
            out.write(fit("run `partnerdata build --packaged` to regenerate it\n", args, out))
            return 1
        out.write(fit("ok: the packaged data is what the build makes\n", args, out))
        return 0
    if not (args.packaged or data_dir):
        raise PartnerDataError(
            "nothing to build: give pages and a folder (partnerdata build PAGES... --output DIR); "
            "the maintainers rebuild the packaged data with --packaged"
        )
    changed = _build.write(data_dir, inputs_dir, clean=args.clean)
    target = data_dir or _build.default_data_dir()
    if changed:
        out.write(fit(f"wrote {len(changed)} files in {target}: {', '.join(changed)}\n", args, out))
    else:
        out.write(fit(f"ok: {target} is up to date\n", args, out))
    return 0


def _build_pages(args: argparse.Namespace, out: TextIO) -> int:
    import sys

    from partnerdata._ingest import assemble

    if not args.output:
        raise PartnerDataError("where to write the dataset? add --output DIR")
    partners = assemble.read_partners(args.partners) if args.partners else ()
    built = assemble.build_pages(
        args.pages,
        partners=partners,
        data_version=args.data_version,
        progress=assemble.progress_bar(sys.stderr),
        base=None if args.pages_only else load(),
    )
    for file, reason in built.failures:
        sys.stderr.write(f"partnerdata build: {file}: {reason}\n")
    if built.dataset is None:
        sys.stderr.write("partnerdata build: no page could be read; nothing written\n")
        return 1
    ds = built.dataset
    assemble.write_folder(ds, args.output, packaged=_build.default_data_dir())
    pages = len(ds.sources)
    out.write(
        f"wrote {args.output}: {pages} page{'s' * (pages != 1)}, {len(ds.relations)} partners, "
        f"{len(ds.editions)} editions\n"
    )
    for label, c in built.conflicts:
        where = ", ".join(ev.locator for ev in c.evidence)
        out.write(fit(f"  conflict in {label}: {c.fact} is {' / '.join(c.values)} ({where})\n", args, out))
    if built.failures:
        out.write(
            fit(
                f"{len(built.failures)} page{'s' * (len(built.failures) != 1)} could not be read (see above)\n",
                args,
                out,
            )
        )
        return 1
    return 0


def add_commands(command: Any, data_option: Option, lang_option: Option) -> None:
    """Add ``ingest`` and ``build`` to the ``partnerdata`` command."""
    p = command(
        "ingest", _cmd_ingest, "read a partner page (text or saved HTML) into draft records with their evidence"
    )
    p.add_argument(
        "page", metavar="PAGE", help="the page: .txt (copied text) or .htm/.html (saved page), in any encoding"
    )
    p.add_argument("--source-id", metavar="ID", help="the source id the evidence cites (default nato-<alpha3>-<lang>)")
    output = group(p, "output")
    output.add_argument(
        "--json", action="store_true", help="print the partner, source, relation and unplaced sentences as JSON"
    )
    # SUPPRESS: when absent here, ``partnerdata --lang fr ingest ...`` (before the command) still counts.
    output.add_argument(
        "--lang", choices=("en", "fr"), default=argparse.SUPPRESS, help="language of labels (default: the page's)"
    )
    add_output_options(p, json=False, jsonl=False)
    data_option(p)
    p = command("build", _cmd_build, "build a dataset folder from NATO pages (.txt, .htm, .html, or folders of them)")
    p.add_argument("pages", nargs="*", metavar="PAGES", help="page files or folders of pages")
    pages = group(p, "a dataset folder from pages")
    pages.add_argument("--output", "-o", metavar="DIR", help="the dataset folder to write (load(DIR), --data DIR)")
    pages.add_argument("--partners", metavar="FILE", help="extra partners: a JSON list in the format of partners.json")
    pages.add_argument("--data-version", default="local", metavar="NAME", help="the data version the manifest records")
    pages.add_argument(
        "--pages-only",
        action="store_true",
        help="build from the pages alone, without starting from the packaged relations and their citations",
    )
    maintainers = group(p, "maintainers: the packaged data")
    maintainers.add_argument("--packaged", action="store_true", help="regenerate the packaged data from its sources")
    maintainers.add_argument("--check", action="store_true", help="compare the packaged data with its build")
    maintainers.add_argument(
        "--clean",
        action="store_true",
        help="also remove data files the build does not make (by default only those it made itself)",
    )
    maintainers.add_argument(
        "--data-dir", metavar="PATH", help="the data folder to build into (default: the packaged one)"
    )
    maintainers.add_argument(
        "--inputs", metavar="PATH", help="the folder with overlay.json and pages/ (default: the packaged one)"
    )
