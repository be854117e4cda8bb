"""Property tests: any bytes, truncation or column shuffle -> a clean error or a correct result."""

import csv
import io
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultation.errors import ConsultationError
from consultation.ingest import ingest
from tests.conftest import FIXTURES

SMALL = (FIXTURES / "eusurvey_small" / "contributions.csv").read_bytes()
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(path, **kw):
    try:
        res = ingest([path], **kw)
    except ConsultationError:
        return None
    acc = res.accounting["totals"]
    assert acc["n_responses"] + acc["n_rejects"] == acc["n_records"]
    assert len(res.tables["responses"]) == acc["n_responses"]
    assert res.tables["responses"]["response_id"].is_unique
    return res


@SETTINGS
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([None, "eusurvey", "hys_scraper",
                                                           "regulations_gov", "hys_api"]))
def test_random_bytes_never_crash(tmp_path, data, fmt):
    p = tmp_path / ("x.json" if fmt in ("regulations_gov", "hys_api") else "x.csv")
    p.write_bytes(data)
    _check(p, format=fmt)


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(SMALL)))
def test_truncated_export(tmp_path, cut):
    p = tmp_path / "contributions.csv"
    p.write_bytes(SMALL[:cut])
    _check(p, format="eusurvey")


@SETTINGS
@given(seed=st.integers(0, 10_000))
def test_shuffled_question_columns_keep_answers(tmp_path, seed):
    rows = list(csv.reader(io.StringIO(SMALL.decode("utf-8-sig"), newline=""), delimiter=";"))
    n_profile = 12
    order = list(range(n_profile, len(rows[0])))
    random.Random(seed).shuffle(order)
    cols = list(range(n_profile)) + order
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(
        [[r[i] for i in cols] for r in rows])
    p = tmp_path / "contributions.csv"
    p.write_text(buf.getvalue(), encoding="utf-8-sig")
    res = _check(p)
    assert res is not None and len(res.tables["responses"]) == 20
    a = res.tables["answers"].merge(res.tables["questions"], on="question_id")
    got = a[(a.response_id == "eusurvey:F100002") & (a.text == "A list of trusted providers")]
    assert got["rating"].tolist() == [2.0]
