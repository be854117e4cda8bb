from consultation.ingest import ingest
from consultation.ingest.regulations_gov import html_to_text
from tests.conftest import FIXTURES, shared


def test_html_to_text():
    assert html_to_text("Dear CMS,<br/><br/>A patient&rsquo;s <b>sex</b>.") == \
        "Dear CMS,\n\nA patient’s sex."
    assert html_to_text(None) is None


def test_slice():
    res = ingest([FIXTURES / "regulations_gov_slice"])
    r = res.tables["responses"].set_index("response_id")
    assert len(r) == 9
    assert r.index.str.startswith("regulations_gov:CMS-2022-0163-").all()
    assert r["consultation_id"].unique().tolist() == ["regulations_gov:CMS-2022-0163"]
    assert r["first_name"].isna().all()  # "[redacted]" is not a name
    a = res.tables["answers"]
    assert not a["value"].str.contains("<br", regex=False).any()
    assert (res.tables["documents"]["extraction_status"] == "missing_file").all()
    assert res.tables["documents"]["url"].notna().all()


def test_full_shared_regulations_gov_set():
    res = ingest([shared("regulations_gov_CMS-2022-0163")])
    acc = res.accounting["totals"]
    assert acc["n_records"] == 647 and acc["n_responses"] + acc["n_rejects"] == 647
    r = res.tables["responses"]
    assert (r["stakeholder_type"] == "not_disclosed").sum() == 210  # no category given
    assert r.loc[r["stakeholder_type_raw"].notna(), "stakeholder_type"].ne("unmapped").all()
    assert not res.warnings
