"""Hypothesis profiles: ``dev`` (default, fast), ``ci`` (deterministic, used when CI is set), ``fuzz``, ``deep``.

``fuzz`` is the profile of ``nox -s fuzz`` (the scheduled or optional run of ``tests/test_fuzz.py``):
random examples, several times as many as ``ci``, from a seed the session prints, so that a failure
can be replayed with ``--hypothesis-seed``; ``ci`` runs the same examples every time.
"""

import os
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# CI: 100 examples keep the whole run (55 packaged relations, the fuzz and HTML suites) within
# about ten minutes on a 2-core machine; the fuzz and deep profiles draw far more.
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=600,
    derandomize=False,
    database=None,  # the seed alone replays a run
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def only_kgz_file(tmp_path: Path) -> Path:
    """A dataset file whose only relation is KGZ's: every other partner is known but has no relation data."""
    import partnerdata

    ds = partnerdata.load()
    path = tmp_path / "only-kgz.json"
    path.write_text(partnerdata.to_json(attrs.evolve(ds, relations=[ds.relation("KGZ")])), encoding="utf-8")
    return path
