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


# -- streaming ------------------------------------------------------------------------------------
def _same_tables(a, b) -> None:
    for name in ("responses", "questions", "answers", "documents", "rejects"):
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)


def test_chunked_reading_gives_the_same_tables(monkeypatch, small):
    from consultation.ingest import eusurvey

    monkeypatch.setattr(eusurvey, "CHUNK_ROWS", 3)  # 20 rows: 7 chunks
    _same_tables(ingest([SMALL]), small)
    # kinds inferred from a prefix of the rows: every record and every answer cell still kept
    monkeypatch.setattr(eusurvey, "INFER_ROWS", 4)
    res = ingest([SMALL])
    assert res.accounting["totals"] == small.accounting["totals"]
    key = ["response_id", "question_id", "value"]
    pd.testing.assert_frame_equal(res.tables["answers"][key], small.tables["answers"][key])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_streamed_decoding_does_not_depend_on_block_boundaries(monkeypatch, tmp_path,
                                                               encoding):
    """Tiny decoding blocks cut lines, CRLF pairs, multi-line cells and multi-byte characters
    everywhere: same tables, same warnings as whole-file blocks."""
    from consultation.ingest import common

    text = (SMALL / "contributions.csv").read_text(encoding="utf-8-sig")
    text = text.replace("\n", "\r\n").replace("Qualitätssicherung", "Qualitätssicherung „ß“ ∑")
    p = tmp_path / "contributions.csv"
    data = text.encode(encoding)
    if encoding == "utf-8-sig":  # plus a cp1252 patch (not UTF-8) and a NUL
        data = data.replace("Qualitätssicherung".encode(), "Qualitätssicherung".encode("cp1252"))
        data = data.replace(b"Reference", b"Refer\x00ence", 1)
    p.write_bytes(data)
    whole = ingest([p])
    assert any(("cp1252" in w) == (encoding == "utf-8-sig") for w in whole.warnings)
    for block in (1, 2, 3, 7, 64):
        monkeypatch.setattr(common, "_BLOCK_CHARS", block)
        res = ingest([p])
        _same_tables(res, whole)
        assert res.warnings == whole.warnings, block
    assert whole.tables["answers"]["value"].str.contains("Qualitätssicherung").any()


def test_streamed_ingest_writes_the_same_answers(tmp_path, small):
    from consultation.errors import ConsultationError
    from consultation.ingest import ingest_to_workspace

    ws = ingest_to_workspace([SMALL], tmp_path / "ws")
    pd.testing.assert_frame_equal(ws["answers"], small.tables["answers"])
    assert ws.manifest["tables"]["answers"]["rows"] == len(small.tables["answers"])
    assert ws.manifest["stages"]["ingest"]["outputs"]["answers"] == len(small.tables["answers"])
    assert [p.name for p in ws.path.iterdir() if p.name.startswith(".")] == []
    # a failed first ingest leaves no folder behind; a failed re-ingest keeps the old tables
    bad = tmp_path / "bad.csv"
    bad.write_text("not;an;export\n1;2;3\n", encoding="utf-8")
    with pytest.raises(ConsultationError):
        ingest_to_workspace([bad], tmp_path / "new")
    assert not (tmp_path / "new").exists()
    with pytest.raises(ConsultationError):
        ingest_to_workspace([bad], ws.path)
    pd.testing.assert_frame_equal(ws["answers"], small.tables["answers"])
    assert [p.name for p in ws.path.iterdir() if p.name.startswith(".")] == []
