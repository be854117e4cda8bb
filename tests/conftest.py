"""Shared test helpers: fixture paths and the real data in ../shared/data (skipped if absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "data" / "raw" / "microcredentials_2021_sample"


def shared(name: str) -> Path:
    """Path to a shared real corpus, or skip the test when this clone has none."""
    p = SHARED_DATA / name
    if not p.exists():
        pytest.skip(f"shared corpus {name} not available (no ../shared/data)")
    return p


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


# -- the end-to-end run, shared by the end-to-end, anonymity, injection and notebook tests -------
HOSTILE_REFERENCE_COLUMN = "How could micro-credentials help people to overcome these barriers?"
HOSTILE_ANSWER = (
    '=HYPERLINK("http://x","y") <script>alert(1)</script> <img src=x onerror=alert(2)> '
    "[click](javascript:alert(3)) We strongly support a common European definition of "
    "micro-credentials and a common European standard for their quality assurance."
)


def hostile_sample(dest: Path) -> Path:
    """Copy the bundled sample (without truth/ and generator/) to ``dest`` and put
    :data:`HOSTILE_ANSWER` into the first respondent's first open answer. Returns the copy."""
    import csv
    import shutil

    dest = Path(dest)
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("truth", "generator"))
    path = dest / "contributions.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    col = next(i for i, h in enumerate(rows[0]) if h.startswith(HOSTILE_REFERENCE_COLUMN))
    rows[1][col] = HOSTILE_ANSWER
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return dest


def _run_sample(tmp_path_factory, name: str) -> dict[str, Path]:
    from consultation.pipeline import run

    src = hostile_sample(tmp_path_factory.mktemp(f"{name}_src") / SAMPLE.name)
    return run([src], tmp_path_factory.mktemp(name), generated_at="2026-01-01T00:00:00+00:00")


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> dict[str, Path]:
    """``consult run`` on the bundled sample plus one hostile answer, once per session: the
    dict of files written (``workspace``, ``html``, ``pdf``, ``docx``, ``xlsx``, ``csv``,
    ``charts``, ``draft_markdown``, ``draft_docx``)."""
    return _run_sample(tmp_path_factory, "sample_run")


@pytest.fixture(scope="session")
def sample_rerun(tmp_path_factory) -> dict[str, Path]:
    """A second, independent run of :func:`sample_run`'s inputs (reproducibility checks)."""
    return _run_sample(tmp_path_factory, "sample_rerun")
