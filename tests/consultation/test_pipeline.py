"""consultation.pipeline: stage selection, parameter validation, effective parameters."""

from __future__ import annotations

import pytest

from consultation.errors import ParameterError
from consultation.pipeline import ANALYSE_STAGES, analyse, effective_parameters, run


@pytest.mark.parametrize("stage", ANALYSE_STAGES)
def test_effective_parameters_are_the_defaults_plus_overrides(stage):
    eff = effective_parameters(stage)
    assert eff, "every stage has settings the methods annex must show"
    tables = {"languages", "documents", "progress", "campaign_members", "map_texts",
              "lsh_pairs", "group_sums"}
    if stage == "languages":  # there it is a setting: the language codes to choose from
        assert "languages" in eff and "en" in eff["languages"]
        tables.discard("languages")
    assert not tables & set(eff)
    key = sorted(eff)[0]
    assert effective_parameters(stage, {key: "changed"})[key] == "changed"


def test_effective_parameters_record_the_seed_and_threshold():
    assert effective_parameters("campaigns")["threshold"] == 0.8
    assert effective_parameters("topics", {"seed": 7})["seed"] == 7
    assert effective_parameters("topics")["group_by"] == ["stakeholder_type"]


def test_analyse_rejects_unknown_stages_and_parameters(tmp_path):
    from consultation.ingest import ingest_to_workspace
    from tests.conftest import FIXTURES

    ws = ingest_to_workspace([FIXTURES / "eusurvey_small"], tmp_path / "ws")
    with pytest.raises(ParameterError, match="did you mean 'campaigns'"):
        analyse(ws, stages=["campains"])
    with pytest.raises(ParameterError, match="unknown stage 'topic'"):
        analyse(ws, params={"topic": {"seed": 1}})


def test_analyse_records_effective_parameters_in_the_manifest(tmp_path):
    from consultation.ingest import ingest_to_workspace
    from consultation.workspace import Workspace
    from tests.conftest import FIXTURES

    ws = ingest_to_workspace([FIXTURES / "eusurvey_small"], tmp_path / "ws")
    analyse(ws, stages=["campaigns"], params={"campaigns": {"threshold": 0.9}})
    stage = Workspace.open(tmp_path / "ws").manifest["stages"]["campaigns"]
    assert stage["parameters"]["threshold"] == 0.9
    assert stage["parameters"]["num_perm"] == 128


def test_run_validates_the_engine_before_writing_anything(tmp_path):
    with pytest.raises(ParameterError, match="Unknown engine"):
        run([tmp_path], tmp_path / "out", engine="spark")
    assert not (tmp_path / "out").exists()
