"""Every reader against broken and hostile input: a clear error or a correct result.

Three layers:

* the corpus (:mod:`tests.fuzz.corpus`): named cases, each with its expected outcome;
* mutation fuzzing of a real export with Hypothesis (quotes, delimiters, line ends, NUL and
  invalid bytes, BOMs spliced in anywhere);
* structure fuzzing of the JSON readers and the generic mapping (any JSON value in any field).

For every input, whatever the outcome: only :class:`ConsultationError` may escape (never a
crash), the run is bounded in time (a hang guard, not a benchmark), the row accounting is
exact (``n_records == n_responses + n_rejects``), response ids are unique, the tables can be
written to a workspace, and nothing is written outside the workspace.
"""

from __future__ import annotations

import contextlib
import json
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultation.errors import ConsultationError
from consultation.ingest import IngestResult, ingest
from consultation.workspace import Workspace
from tests.fuzz.corpus import CASES, HYS_API, REG_SLICE, SMALL, Case, small_rows, to_csv

HANG_GUARD_S = 180  # far above any case's real time: only a hang trips it
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_GUARD_S) -> Iterator[None]:
    def _raise(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in root.rglob("*") if p.is_file()}


def check_result(res: IngestResult, workspace: Path) -> None:
    """The guarantees every successful ingest gives, whatever its input."""
    acc = res.accounting
    for src in acc["sources"]:
        assert src["n_records"] == src["n_responses"] + src["n_rejects"], src
    totals = acc["totals"]
    resp, rej = res.tables["responses"], res.tables["rejects"]
    assert totals["n_records"] == len(resp) + len(rej)
    assert resp["response_id"].is_unique
    assert rej["reason"].notna().all() and rej["locator"].notna().all()
    assert (rej["raw"].fillna("").str.len().max() if len(rej) else 0) <= 10_100
    docs = res.tables["documents"]
    for p in docs["path"].dropna():
        assert not Path(p).is_absolute() and ".." not in Path(p).parts, p
    for q in ("answers", "documents", "questions"):
        if len(res.tables[q]) and "response_id" in res.tables[q]:
            assert set(res.tables[q]["response_id"]) <= set(resp["response_id"])
    ws = Workspace.create(workspace)  # every table can be stored
    for name, df in res.tables.items():
        ws.write(name, df)


def run_case(sources: list[Path], kwargs: dict[str, Any], root: Path
             ) -> tuple[IngestResult | None, ConsultationError | None]:
    """Ingest under the hang guard; assert the generic guarantees; return result or error."""
    before = _snapshot(root)
    res = err = None
    with hang_guard():
        try:
            res = ingest(sources, **kwargs)
        except ConsultationError as exc:
            err = exc
        if res is not None:
            check_result(res, root / "ws")
    if err is not None:
        msg = str(err)
        assert msg.startswith("[C") and len(msg) < 3000, msg
    after = _snapshot(root)
    changed = {k for k in before if after.get(k) != before[k]}
    assert not changed, f"inputs modified: {sorted(changed)[:5]}"
    outside = [k for k in after if k not in before and not k.startswith("ws/")]
    assert not outside, f"files written outside the workspace: {outside[:5]}"
    return res, err


# -- the corpus ------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus(case: Case, tmp_path: Path) -> None:
    sources, kwargs = case.build(tmp_path)
    res, err = run_case(sources, kwargs, tmp_path)
    if case.expect == "ok":
        assert err is None, f"{case.name}: expected a result, got {err}"
    elif case.expect == "error":
        assert res is None, f"{case.name}: expected a clear error, got a result"
    if res is not None and case.check is not None:
        case.check(res)


def test_corpus_names_are_unique_and_cover_every_reader() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)) >= 50
    text = " ".join(names)
    for word in ("utf16", "cp1252", "nul", "ten_mb", "hundred_thousand_columns", "duplicate",
                 "quote_left_open", "json_deep", "wrong_types", "xlsx_merged", "xlsx_formula",
                 "xlsx_hidden", "zip_bomb", "encrypted_pdf", "oversized", "path_traversal",
                 "mapping"):
        assert word in text, word


# -- mutation fuzzing of a real export -------------------------------------------------------
TOKENS = [b'"', b";", b",", b"\r\n", b"\n", b"\r", b"\x00", b"\xff", b"\xfe\xff", b"\xe9",
          b"\xc3", b"\xef\xbb\xbf", b"=", b'"";"', b"\\", b"\t", b"\xe2\x80", b"F100001"]


@st.composite
def mutated_export(draw: st.DrawFn) -> bytes:
    data = bytearray(SMALL)
    for _ in range(draw(st.integers(1, 8))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        token = draw(st.sampled_from(TOKENS))
        if op == "insert":
            data[pos:pos] = token
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 40))]
        else:
            data[pos:pos + len(token)] = token
    return bytes(data)


@FUZZ
@given(data=mutated_export(), fmt=st.sampled_from([None, "eusurvey"]))
def test_mutated_eusurvey_export(data: bytes, fmt: str | None) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "contributions.csv"
        p.write_bytes(data)
        run_case([p], {"format": fmt}, Path(d))


@FUZZ
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    min_size=1, max_size=300).filter(lambda t: t.strip()),
       encoding=st.sampled_from(["utf-8-sig", "utf-8", "utf-16"]),
       delimiter=st.sampled_from([";", ",", "\t"]))
def test_any_cell_text_round_trips(text: str, encoding: str, delimiter: str) -> None:
    rows = small_rows()
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("Please explain your views"))
    rows[1][col] = text
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "contributions.csv"
        p.write_text(to_csv(rows, delimiter), encoding=encoding)
        res, err = run_case([p], {"format": "eusurvey"}, Path(d))
    assert err is None, err
    q = res.tables["questions"]
    qid = q.loc[q["source_column"].eq(col), "question_id"].item()
    a = res.tables["answers"]
    got = a.loc[a["response_id"].eq("eusurvey:F100001") & a["question_id"].eq(qid), "value"]
    assert got.tolist() == [text.strip()]


# -- structure fuzzing of the JSON readers and the mapping -----------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)

API_FIELDS = ["id", "language", "country", "organization", "firstName", "surname", "feedback",
              "dateFeedback", "publication", "publicationId", "userType", "companySize",
              "trNumber", "scope", "governanceLevel", "status", "attachments"]
API_BASE = json.loads((HYS_API / "page_0.json").read_text(encoding="utf-8"))


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(API_FIELDS), json_values),
                        min_size=1, max_size=12),
       extra=st.lists(json_values, max_size=3))
def test_hys_api_with_any_json_in_any_field(changes, extra) -> None:
    doc = json.loads(json.dumps(API_BASE))
    recs = doc["_embedded"]["feedback"]
    for i, key, value in changes:
        recs[i % len(recs)][key] = value
    recs.extend(extra)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "page_0.json"
        p.write_text(json.dumps(doc), encoding="utf-8")
        run_case([p], {"format": "hys_api"}, Path(d))


REG_FIELDS = ["comment", "category", "organization", "postedDate", "receiveDate", "country",
              "stateProvinceRegion", "duplicateComments", "trackingNbr", "firstName",
              "lastName", "docketId", "title", "email"]
REG_BASE = [json.loads(p.read_text(encoding="utf-8"))["data"] for p in
            sorted(REG_SLICE.glob("*.json"))[:4]]


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, 3), st.sampled_from(REG_FIELDS), json_values),
                        min_size=1, max_size=12),
       ids=st.lists(json_values, min_size=4, max_size=4),
       included=st.lists(json_values, max_size=3))
def test_regulations_gov_with_any_json_in_any_field(changes, ids, included) -> None:
    recs = json.loads(json.dumps(REG_BASE))
    for i, key, value in changes:
        recs[i]["attributes"][key] = value
    for rec, rid in zip(recs, ids, strict=True):
        if isinstance(rid, str | int) and not isinstance(rid, bool):
            rec["id"] = rid
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "page.json"
        p.write_text(json.dumps({"data": recs, "included": included}), encoding="utf-8")
        run_case([p], {"format": "regulations_gov"}, Path(d))


MAPPING_KEYS = ["source", "consultation_id", "delimiter", "timezone", "columns", "values",
                "questions", "colums"]


@FUZZ
@given(mapping=st.dictionaries(st.sampled_from(MAPPING_KEYS), json_values, max_size=4),
       id_column=st.sampled_from(["Reference", "Country", "nope", None]))
def test_generic_reader_with_any_mapping(mapping, id_column) -> None:
    if id_column is not None and isinstance(mapping.get("columns"), dict):
        mapping["columns"]["id"] = id_column
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "table.csv"
        p.write_text(to_csv(small_rows()), encoding="utf-8-sig")
        run_case([p], {"format": "generic", "mapping": mapping}, Path(d))


def test_docx_expanding_beyond_the_limit_is_refused(tmp_path, monkeypatch) -> None:
    import docx

    from consultation.ingest import common

    p = tmp_path / "paper.docx"
    d = docx.Document()
    d.add_paragraph("A perfectly normal position paper.")
    d.save(str(p))
    assert common.extract_text(p)[1] == "ok"
    monkeypatch.setattr(common, "MAX_DOCX_UNCOMPRESSED", 10_000)
    text, status, error = common.extract_text(p)
    assert (text, status) == (None, "failed") and "zip bomb guard" in error
