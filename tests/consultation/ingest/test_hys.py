import pandas as pd

from consultation.ingest import detect, ingest
from tests.conftest import FIXTURES, shared


def test_scraper_slice():
    res = ingest([FIXTURES / "hys_scraper_slice"])
    r = res.tables["responses"].set_index("response_id")
    assert len(r) == 11 and res.accounting["totals"]["n_rejects"] == 0
    assert r.loc["hys:2665648", "stakeholder_type"] == "academic_research_institution"
    assert r.loc["hys:2665648", "stakeholder_type_raw"] == "academic_research_instittution"
    assert r.loc["hys:2596917", "status"] == "REJECTED"  # kept, flagged: nothing dropped
    assert r.loc["hys:2665651", "publication"] == "anonymous"
    assert res.tables["questions"]["question_id"].tolist() == ["feedback"]
    d = res.tables["documents"]
    assert len(d) == 11 and (d["extraction_status"] == "ok").sum() == 3
    assert r["consultation_id"].unique().tolist() == ["hys:24212003"]


def test_api_pages_match_scraper():
    api = ingest([FIXTURES / "hys_api"])
    scr = ingest([FIXTURES / "hys_scraper_slice"])
    assert [u.format for u in detect(FIXTURES / "hys_api")] == ["hys_api"]
    cols = ["response_id", "stakeholder_type", "country", "language", "publication",
            "organisation_size", "submitted_at", "organisation"]
    a = api.tables["responses"][cols].sort_values("response_id").reset_index(drop=True)
    s = scr.tables["responses"][cols].sort_values("response_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, s)
    assert len(api.tables["documents"]) == 11
    assert api.accounting["totals"]["n_records"] == 11


def test_full_shared_have_your_say_set():
    res = ingest([shared("hys_ai_act_2021")])
    acc = res.accounting["totals"]
    assert acc["n_records"] == 304 and acc["n_responses"] + acc["n_rejects"] == 304
    counts = res.tables["responses"]["stakeholder_type"].value_counts().to_dict()
    assert counts == {"company": 87, "business_association": 75, "ngo": 55, "other": 27,
                      "academic_research_institution": 20, "trade_union": 15, "eu_citizen": 12,
                      "public_authority": 8, "consumer_organisation": 5}
    docs = res.tables["documents"]
    assert (docs["extraction_status"] == "ok").sum() == 254
    assert res.tables["responses"]["country"].notna().all()
    assert not res.warnings  # every label in the real data maps
