import csv

import pandas as pd
import pytest

from consultation.ingest import detect, ingest
from tests.conftest import FIXTURES

SMALL = FIXTURES / "eusurvey_small"


@pytest.fixture(scope="module")
def small():
    return ingest([SMALL])


def test_accounting_and_rejects(small):
    acc = small.accounting["totals"]
    assert acc["n_records"] == 22
    assert acc["n_responses"] == 20 and acc["n_rejects"] == 2
    rej = small.tables["rejects"].set_index("reason")
    assert set(rej.index) == {"duplicate_id", "bad_date"}
    assert rej.loc["duplicate_id", "row"] == 21 and "F100003" in rej.loc["duplicate_id", "raw"]
    assert "32.13.2021" in rej.loc["bad_date", "detail"]
    assert rej.loc["bad_date", "locator"] == "contributions.csv row 22 field 'Feedback date'"


def test_profiles_and_anonymous_rows(small):
    r = small.tables["responses"].set_index("response_id")
    assert r.index[0] == "eusurvey:F100001"
    anon = r[r["publication"] == "anonymous"]
    assert len(anon) == 7
    assert (anon["stakeholder_type"] == "not_disclosed").all()
    assert anon["country"].isna().all()
    assert r.loc["eusurvey:F100002", "stakeholder_type"] == "business_association"
    assert r.loc["eusurvey:F100002", "country"] == "DEU"
    assert r.loc["eusurvey:F100002", "language"] == "de"
    assert r.loc["eusurvey:F100002", "registered"] == False  # noqa: E712 (pandas NA-aware)
    assert r.loc["eusurvey:F100001", "registered"] == True  # noqa: E712
    assert pd.isna(r.loc["eusurvey:F100005", "registered"])  # a citizen: not applicable
    assert r.loc["eusurvey:F100001", "organisation_size"] == "large"
    # 21.04.2021 09:15 Brussels (CEST, UTC+2) -> 07:15 UTC
    assert r.loc["eusurvey:F100001", "submitted_at"] == pd.Timestamp("2021-04-21 07:15", tz="UTC")


def test_questions_kinds_matrix_and_duplicate_headers(small):
    q = small.tables["questions"].set_index("question_id")
    assert q.loc["q01", "kind"] == "multi_choice"
    others = q[q["text"] == "Other, please specify:"]
    assert len(others) == 2 and set(others["kind"]) == {"free_text"}
    assert set(others["follows_id"]) == {"q01", "q04"}
    group = q.loc["q03"]
    assert bool(group["is_group"]) and group["kind"] == "rating"
    subs = q[q["parent_id"] == "q03"]
    assert list(subs.index) == ["q03.1", "q03.2", "q03.3"]
    assert subs.loc["q03.2", "text"] == "A list of trusted providers"
    assert q.loc["q04", "kind"] == "single_choice"
    assert q.loc["q07", "kind"] == "upload"
    assert q.loc["q01", "n_answers"] == 20
    assert q.loc["q03.1", "options"][0] == "5 - Very important"


def test_answers_are_parsed(small):
    a = small.tables["answers"].set_index(["response_id", "question_id"])
    assert a.loc[("eusurvey:F100001", "q01"), "choices"] == ["Cost of training", "Lack of time"]
    assert a.loc[("eusurvey:F100001", "q03.1"), "rating"] == 5.0
    noop = a.loc[("eusurvey:F100004", "q03.1")]
    assert noop["no_opinion"] and pd.isna(noop["rating"])
    assert ("eusurvey:F100004", "q03.3") not in a.index  # blank cell: no answer row
    text = a.loc[("eusurvey:F100001", "q06"), "value"]
    assert "\n" in text and text.startswith("Quality assurance must follow")
    assert '"quality"' in a.loc[("eusurvey:F100009", "q06"), "value"]


def test_upload_column_links_documents(small):
    d = small.tables["documents"].set_index("response_id")
    ok = d.loc["eusurvey:F100001"]
    assert ok["extraction_status"] == "ok" and "ECTS credits" in ok["text"]
    assert len(ok["sha256"]) == 64
    assert d.loc["eusurvey:F100015", "extraction_status"] == "missing_file"


def test_xlsx_export_reads_the_same(tmp_path, small):
    from openpyxl import Workbook

    with open(SMALL / "contributions.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "contributions.xlsx")
    x = ingest([tmp_path / "contributions.xlsx"], consultation_id="eusurvey_small")
    for name in ("responses", "answers"):
        left = x.tables[name].drop(columns=["source_file"], errors="ignore")
        right = small.tables[name].drop(columns=["source_file"], errors="ignore")
        pd.testing.assert_frame_equal(left, right)


def test_folder_detection_ignores_other_files():
    units = detect(SMALL)
    assert [(u.format, u.paths[0].name) for u in units] == [("eusurvey", "contributions.csv")]


def test_cp1252_bytes_inside_utf8_are_repaired(tmp_path):
    good = "Qualitätssicherung ist wichtig"
    data = (SMALL / "contributions.csv").read_bytes().replace(good.encode(),
                                                              good.encode("cp1252"))
    p = tmp_path / "mixed.csv"
    p.write_bytes(data)
    res = ingest([p])
    assert any("cp1252" in w for w in res.warnings)
    vals = res.tables["answers"]["value"]
    assert vals.str.contains("Qualitätssicherung ist wichtig").any()
