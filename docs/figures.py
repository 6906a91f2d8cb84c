"""Draw the gallery's pictures and the notebook page's displays into docs/_figures/, from the pages' own code.

Each ``.. code-block:: python`` of the gallery that an ``.. image:: _figures/NAME.svg`` follows is
run, in one namespace for the whole page as a reader would run it, and the figure of the ``ax``
it leaves is saved as ``NAME.svg``. The lines that save a file of the reader's own
(``savefig(...)``) are the only ones left out. The notebook page shows some of the same pictures;
each of its ``>>>`` lines that an ``.. raw:: html`` of ``_figures/NAME.html`` follows is evaluated
and its notebook display (``_repr_html_()``) written there.

The docs build runs it (docs/conf.py), so the pictures always show the current data and code;
``python docs/figures.py`` does the same by hand. The files are build output, not committed.
"""

import io
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "_figures"
GALLERY = HERE / "gallery.rst"
NOTEBOOK = HERE / "notebook.rst"


def _figure_name(line: str, suffix: str) -> str | None:
    """``NAME`` of a line ``.. image:: _figures/NAME.svg`` or ``   :file: _figures/NAME.html``, else ``None``."""
    for start in (".. image:: _figures/", "   :file: _figures/"):
        if line.startswith(start) and line.endswith(suffix):
            return line[len(start) : -len(suffix)]
    return None


def blocks(text: str) -> list[tuple[str, str]]:
    r"""Each (code, figure name) of a page: the code dedented, the lines that save a file left out.

    >>> blocks(".. code-block:: python\n\n   ax = f()\n   ax.figure.savefig('a.pdf')\n\n.. image:: _figures/a.svg\n")
    [('ax = f()', 'a')]
    """
    found = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line != ".. code-block:: python":
            continue
        code = []
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith("   ")):
            code.append(lines[j][3:])
            j += 1
        name = _figure_name(lines[j], ".svg") if j < len(lines) else None
        if name is not None:
            kept = [c for c in code if c.strip() and "savefig(" not in c]
            found.append(("\n".join(kept), name))
    return found


def displays(text: str) -> list[tuple[str, str]]:
    r"""Each (expression, name) of a page whose notebook display it includes as ``_figures/NAME.html``.

    >>> displays(">>> ds  # doctest: +SKIP\n<Dataset>\n\n.. raw:: html\n   :file: _figures/ds.html\n")
    [('ds', 'ds')]
    """
    found = []
    expression = None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(">>> "):
            expression = line[4:].split("  # doctest:")[0]
        elif line == ".. raw:: html" and i + 1 < len(lines):
            name = _figure_name(lines[i + 1], ".html")
            if name is not None and expression is not None:
                found.append((expression, name))
    return found


def main(folder: Path = FOLDER) -> list[Path]:
    """Write each figure; returns their paths."""
    import matplotlib

    matplotlib.use("Agg")  # no window: this runs in a build
    import matplotlib.pyplot as plt

    from partnerdata._io.files import write_atomic

    folder.mkdir(exist_ok=True)
    namespace: dict[str, Any] = {}
    written = []
    for code, name in blocks(GALLERY.read_text(encoding="utf-8")):
        exec(compile(code, f"{GALLERY.name}: {name}", "exec"), namespace)  # the gallery's own code
        figure = namespace["ax"].figure
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})  # no date: same data, same file
        plt.close(figure)
        write_atomic(folder / f"{name}.svg", buffer.getvalue())
        written.append(folder / f"{name}.svg")
    # The notebook page's displays: the HTML a notebook shows for the expression above each.
    import partnerdata

    shown = {"ds": partnerdata.load()}
    for expression, name in displays(NOTEBOOK.read_text(encoding="utf-8")):
        html = eval(expression, shown)._repr_html_()  # the page's own expression
        write_atomic(folder / f"{name}.html", html.encode("utf-8"))
        written.append(folder / f"{name}.html")
    return written


if __name__ == "__main__":
    for path in main():
        print(path)
