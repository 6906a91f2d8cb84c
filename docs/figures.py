"""Draw the figures of the notebook page (docs/notebook.rst) into docs/_figures/, as SVG.

The docs build runs it (docs/conf.py), so the pictures always show the current data and code;
``python docs/figures.py`` does the same by hand. The files are build output, not committed.
"""

import io
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "_figures"
UNTIL = 2026  # the last year drawn: fixed, so the figures do not change with the calendar


def main(folder: Path = FOLDER) -> list[Path]:
    """Write each figure; returns their paths."""
    from matplotlib.figure import Figure

    import partnerdata
    from partnerdata._io.files import write_atomic

    ds = partnerdata.load()
    figures = {
        "timeline-kgz": (ds.timeline(partner="KGZ"), (8, 3.6)),
        "timeline-tkm-fr": (ds.timeline(partner="TKM"), (8, 3.2)),
        "participants-pfp": (ds.participants("PFP"), (6, 2.8)),
    }
    folder.mkdir(exist_ok=True)
    written = []
    for name, (results, size) in figures.items():
        figure = Figure(figsize=size, layout="constrained")
        results.plot(figure.add_subplot(), lang="fr" if name.endswith("-fr") else "en", until=UNTIL)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})  # no date: same data, same file
        write_atomic(folder / f"{name}.svg", buffer.getvalue())
        written.append(folder / f"{name}.svg")
    return written


if __name__ == "__main__":
    for path in main():
        print(path)
