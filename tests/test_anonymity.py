"""Anonymity: no personal data of the sample's respondents in any published output.

The scan covers every file the whole run publishes (``sample_run``: HTML, PDF text, DOCX and
XLSX parts, CSV tables, the draft, chart SVGs with their labels, PNG metadata) and the
publishable columns of every workspace table (:func:`consultation.safety.published`), for:

* the personal data planted in anonymous answers (``truth/personal_data.csv``: names,
  e-mails, phones, addresses, ids);
* the organisations of respondents who chose anonymous publication (``truth/respondents.csv``);
* every respondent's first name + surname (names are never published, by construction);
* any e-mail address.

Each scan also checks that it can see a string that *is* published (a public organisation, a
question text) in the same file, so a blind scan cannot pass. A last test proves the allow-list
works by construction: personal columns added to the tables never reach an output.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from consultation.safety import PUBLISHED_COLUMNS
from tests.conftest import SAMPLE
from tests.published_text import (
    file_text,
    output_files,
    output_texts,
    published_tables,
    squash,
    table_text,
)

pytestmark = pytest.mark.slow

TRUTH = SAMPLE / "truth"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# columns that may appear in a published table although no workspace table has them: labels
# the reports derive from allow-listed codes and summary counts
DERIVED = {"stakeholder_label", "group_label", "code_label", "element_label", "campaign_id",
           "dimension", "value", "label", "n", "share"}
NEVER = {"first_name", "surname", "email", "stakeholder_type_raw", "country_raw",
         "language_raw", "organisation_size_raw", "source_file", "source_row", "filename",
         "path", "span", "sentence", "raw", "detail", "url", "sha256", "extraction_error",
         "tracking_number", "region", "title"}


def _truth_personal() -> dict[str, str]:
    df = pd.read_csv(TRUTH / "personal_data.csv", dtype=str)
    return {squash(t): f"{k} planted in {r}" for t, k, r in
            zip(df["text"], df["type"], df["reference"], strict=True) if len(str(t)) >= 4}


def _respondents() -> pd.DataFrame:
    df = pd.read_csv(TRUTH / "respondents.csv", dtype=str)
    df["anonymous"] = df["anonymous"].str.lower().eq("true")
    return df


def _anonymous_orgs() -> dict[str, str]:
    r = _respondents()
    public = set(r.loc[~r["anonymous"], "organisation"].dropna())
    return {squash(o): f"organisation of anonymous {ref}" for o, ref in
            zip(r.loc[r["anonymous"], "organisation"], r.loc[r["anonymous"], "reference"],
                strict=True)
            if isinstance(o, str) and len(o) >= 6 and o not in public}


def _names() -> dict[str, str]:
    with (SAMPLE / "contributions.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    head = rows[0]
    first, last, ref = head.index("First name"), head.index("Surname"), head.index("Reference")
    return {f"{r[first].strip()} {r[last].strip()}": f"name of {r[ref]}" for r in rows[1:]
            if len(r) == len(head) and r[first].strip() and r[last].strip()}


def _compact(text: str) -> str:
    """Text without any whitespace: PDF extraction splits words ("T ech") and wraps lines."""
    return re.sub(r"\s+", "", text)


def _hits(text: str, needles: dict[str, str]) -> list[str]:
    flat = _compact(text)
    return [f"{n!r} ({why})" for n, why in needles.items() if _compact(n) in flat]


@pytest.fixture(scope="module")
def texts(sample_run) -> dict[str, str]:
    return output_texts(sample_run)


def test_the_scan_reads_every_published_format(sample_run, texts):
    suffixes = {Path(name).suffix for name in texts}
    assert {".html", ".pdf", ".docx", ".xlsx", ".csv", ".md", ".svg", ".png"} <= suffixes
    # canaries: what is published must be visible to the scan in each kind of file
    r = _respondents()
    public = r[~r["anonymous"] & r["organisation"].notna() & r["upload"].notna()]
    public_org = next(o for o in public["organisation"] if len(o) > 12 and "," not in o)
    # the annex of position papers names public organisations; the tables name every one
    for name in ("report.html", "report.pdf", "evidence_annex.xlsx", "tables/responses.csv"):
        assert _hits(texts[name], {public_org: "canary"}), (name, public_org)
    for name in ("report.html", "report.pdf", "report.docx", "draft.md", "draft.docx"):
        assert "micro-credential" in texts[name].lower(), name
    svgs = [t for n, t in texts.items() if n.endswith(".svg")]
    assert svgs and all("n=" in t for t in svgs[:3])  # the drawn labels are in the SVG text


def test_no_planted_personal_data_in_any_published_file(texts):
    needles = _truth_personal()
    assert len(needles) >= 40
    leaks = {name: _hits(text, needles) for name, text in texts.items()}
    assert not {k: v for k, v in leaks.items() if v}


def test_no_organisation_of_an_anonymous_respondent_in_any_published_file(texts):
    needles = _anonymous_orgs()
    assert len(needles) >= 50
    leaks = {name: _hits(text, needles) for name, text in texts.items()}
    assert not {k: v for k, v in leaks.items() if v}


def test_no_respondent_name_or_email_in_any_published_file(texts):
    needles = _names()
    assert len(needles) >= 50
    leaks = {name: _hits(text, needles) for name, text in texts.items()}
    assert not {k: v for k, v in leaks.items() if v}
    emails = {name: EMAIL.findall(text) for name, text in texts.items()}
    assert not {k: v for k, v in emails.items() if v}


def test_publishable_columns_of_the_workspace_hold_no_planted_personal_data(sample_run):
    needles = {**_truth_personal(), **_names()}
    tables = published_tables(sample_run["workspace"])
    assert {"responses", "redacted_answers", "evidence", "campaigns", "topics"} <= set(tables)
    leaks = {name: _hits(table_text(df), needles) for name, df in tables.items()}
    assert not {k: v for k, v in leaks.items() if v}
    emails = {name: EMAIL.findall(table_text(df)) for name, df in tables.items()}
    assert not {k: v for k, v in emails.items() if v}


def test_published_tables_have_allow_listed_columns_only(sample_run):
    from openpyxl import load_workbook

    allowed = {c for cols in PUBLISHED_COLUMNS.values() for c in cols} | DERIVED
    headers: dict[str, list[str]] = {}
    for p in sorted(sample_run["csv"].glob("*.csv")):
        with p.open(encoding="utf-8", newline="") as fh:
            headers[p.name] = next(csv.reader(fh))
    wb = load_workbook(sample_run["xlsx"], read_only=True)
    for ws in wb.worksheets:
        if ws.title != "About":
            headers[ws.title] = [str(c) for c in next(ws.iter_rows(max_row=1, values_only=True))
                                 if c is not None]
    assert len(headers) >= 20
    for name, cols in headers.items():
        assert not set(cols) & NEVER, (name, set(cols) & NEVER)
    # XLSX headers may be humanised; the CSV tables keep the column names
    for name, cols in headers.items():
        if name.endswith(".csv"):
            assert set(cols) <= allowed, (name, set(cols) - allowed)


def test_personal_columns_added_to_any_table_never_reach_an_output(tmp_path):
    """By construction: a column that is not on the allow-list is not published, whatever
    it is called and whichever table carries it."""
    from consultation.workspace import Workspace
    from standards_draft.reports import build_reports
    from tests.standards_draft.test_reports import make_workspace

    ws = make_workspace(tmp_path / "ws")
    secrets = {"responses": ("phone", "+32 2 555 01 99 SECRET-A"),
               "evidence": ("respondent_email", "secret.b@example.org"),
               "redacted_answers": ("original_text", "SECRET-C unredacted original"),
               "campaigns": ("member_names", "SECRET-D Jane Placeholder"),
               "topics": ("notes", "SECRET-E internal note"),
               "closed_stats": ("comment", "SECRET-F comment")}
    for table, (column, value) in secrets.items():
        df = ws[table]
        df[column] = value
        ws.write(table, df)
        assert column in Workspace.open(ws.path, verify=False)[table].columns
    ws.save_manifest()
    paths = build_reports(ws.path, tmp_path / "out", formats=("html", "docx", "xlsx", "csv"),
                          generated_at="2026-01-01T00:00:00+00:00")
    files = output_files({"workspace": ws.path, **paths})
    assert len(files) >= 10
    for p in files:
        text = file_text(p)
        for table, (_, value) in secrets.items():
            assert value not in text, (p.name, table)
