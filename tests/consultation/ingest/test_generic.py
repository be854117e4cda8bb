import pytest
import yaml

from consultation.errors import MappingError
from consultation.ingest import ingest

CSV = """ID,When,Who,Land,Org,Views,Rate
1,2021-05-01 10:00,Uni,Deutschland,Uni A,"Good idea, with QA",4 - Important
2,2021-05-02 11:00,NGO (Non-governmental organisation),France,,Too bureaucratic,No opinion
2,2021-05-02 11:00,NGO (Non-governmental organisation),France,,dup,No opinion
3,not a date,EU Citizen,Spain,,Fine,5 - Very important
4,2021-05-03 12:00,Martian,Atlantis,,Hmm,3 - Neutral
"""


def _mapping(tmp_path, **extra):
    m = {"source": "mysurvey", "consultation_id": "demo",
         "columns": {"id": "ID", "submitted_at": "When", "stakeholder_type": "Who",
                     "country": "Land", "organisation": "Org"},
         "values": {"stakeholder_type": {"Uni": "academic_research_institution"}}}
    m.update(extra)
    p = tmp_path / "mapping.yaml"
    p.write_text(yaml.safe_dump(m))
    return p


def test_generic_reader(tmp_path):
    src = tmp_path / "answers.csv"
    src.write_text(CSV)
    res = ingest([src], mapping=_mapping(tmp_path))
    r = res.tables["responses"].set_index("response_id")
    assert list(r.index) == ["mysurvey:1", "mysurvey:2", "mysurvey:4"]
    assert r.loc["mysurvey:1", "stakeholder_type"] == "academic_research_institution"
    assert r.loc["mysurvey:1", "country"] == "DEU"
    assert r.loc["mysurvey:4", "stakeholder_type"] == "unmapped"
    assert r.loc["mysurvey:4", "stakeholder_type_raw"] == "Martian"
    assert sorted(res.tables["rejects"]["reason"]) == ["bad_date", "duplicate_id"]
    assert any("'Martian'" in w for w in res.warnings)
    assert any("'Atlantis'" in w for w in res.warnings)
    assert not any("'Uni'" in w for w in res.warnings)  # resolved by the mapping
    q = res.tables["questions"].set_index("question_id")
    assert q.loc["q01", "kind"] == "free_text" and q.loc["q02", "kind"] == "rating"


@pytest.mark.parametrize("bad, match", [
    ({"columns": {"idd": "ID"}}, "columns.id' is required"),
    ({"columns": {"id": "ID", "contry": "Land"}}, "did you mean 'country'"),
    ({"columns": {"id": "ID"}, "colums": {}}, "did you mean 'columns'"),
    ({"columns": {"id": "Identifier"}}, "not in the file"),
    ({"columns": {"id": "ID"}, "questions": [{"column": "Views", "kind": "freetext"}]},
     "did you mean 'free_text'"),
    ({"columns": {"id": "ID"}, "values": {"stakeholder_type": {"x": "aliens"}}},
     "unknown value"),
])
def test_bad_mappings_say_how_to_fix(tmp_path, bad, match):
    src = tmp_path / "answers.csv"
    src.write_text(CSV)
    p = tmp_path / "m.yaml"
    p.write_text(yaml.safe_dump(bad))
    with pytest.raises(MappingError, match=match):
        ingest([src], mapping=p)
