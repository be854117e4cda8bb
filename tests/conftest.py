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
