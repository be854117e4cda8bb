import pytest

from consultation.errors import DuplicateIdError, EmptyInputError, FormatError, InputError
from consultation.ingest import ingest
from tests.conftest import FIXTURES


def test_unknown_csv_says_what_to_do(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(FormatError) as exc:
        ingest([p])
    assert "--format generic --mapping" in str(exc.value)


def test_empty_file(tmp_path):
    p = tmp_path / "contributions.csv"
    p.write_bytes(b"")
    with pytest.raises(FormatError):  # nothing to detect
        ingest([p])
    with pytest.raises(EmptyInputError):
        ingest([p], format="eusurvey")


def test_binary_file(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.raises(FormatError, match="not a text file"):
        ingest([p], format="eusurvey")


def test_missing_path():
    with pytest.raises(InputError, match="does not exist"):
        ingest(["/nonexistent/export.csv"])


def test_same_export_twice_is_refused():
    src = FIXTURES / "eusurvey_small" / "contributions.csv"
    with pytest.raises(DuplicateIdError, match="two sources"):
        ingest([src, src])


def test_wrong_reader_for_file():
    with pytest.raises(FormatError, match="not an EUSurvey"):
        ingest([FIXTURES / "hys_scraper_slice" / "feedbacks.csv"], format="eusurvey")


def test_open_quote_lands_in_rejects(tmp_path):
    raw = (FIXTURES / "eusurvey_small" / "contributions.csv").read_bytes()
    lines = raw.decode("utf-8-sig").split("\r\n")
    lines[5] = lines[5].replace('"F100005";', '"F100005;', 1)  # quote left open
    p = tmp_path / "broken.csv"
    p.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    res = ingest([p])
    acc = res.accounting["totals"]
    assert acc["n_responses"] + acc["n_rejects"] == acc["n_records"]
    assert "field_count" in set(res.tables["rejects"]["reason"])
