"""The analyst notebooks: stored without outputs, thin clients of the public API, and executed
top to bottom (headless, nbclient) on a workspace of the bundled sample.

The executions share the session's ``sample_run`` (the sample with one hostile answer), copied
so that no notebook can change it; everything a notebook writes goes to a temporary folder.
Each notebook's wall time is printed and recorded as a junit test-suite property
(``01_notebook_seconds`` …); ``benchmarks/bench_notebooks.py`` measures them on purpose.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import HOSTILE_ANSWER, ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK_DIR = ROOT / "notebooks"
NAMES = ["01_explore_responses.ipynb", "02_topics_by_stakeholder_group.ipynb",
         "03_evidence_and_drafting.ipynb"]
RAW_HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")
ESCAPED_HOSTILE = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _read(name: str):
    return nbformat.read(NOTEBOOK_DIR / name, as_version=4)


def _code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


# -- static checks (fast) -----------------------------------------------------------------------

def test_the_three_notebooks_are_there():
    assert sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    nb = _read(name)
    nbformat.validate(nb)
    for cell in _code_cells(nb):
        assert cell.outputs == [], f"{name}: a cell has outputs (run nbstripout)"
        assert cell.execution_count is None, f"{name}: a cell has an execution count"
        assert "execution" not in cell.metadata
    assert "widgets" not in nb.metadata


@pytest.mark.parametrize("name", NAMES)
def test_notebook_starts_with_an_explanation_and_a_parameters_cell(name):
    nb = _read(name)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    first = _code_cells(nb)[0]
    assert "parameters" in first.metadata.get("tags", [])
    tree = ast.parse(first.source)
    assigned = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets}
    assert "WORKSPACE" in assigned
    # only constants: the parameters cell is data, so papermill / the tests can override it
    assert all(isinstance(node, ast.Assign) for node in tree.body)
    assert all(isinstance(node.value, (ast.Constant, ast.Dict, ast.List))
               for node in tree.body)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_a_client_of_the_public_api(name):
    """No functions, classes or lambdas in the notebooks (the logic lives in the packages), and
    only public names of the project's packages are imported."""
    for cell in _code_cells(_read(name)):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                         ast.Lambda)), f"{name}: logic belongs in a package"
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in (
                    "consultation", "standards_draft"):
                assert not any(part.startswith("_") for part in node.module.split("."))
                assert not any(a.name.startswith("_") for a in node.names), name


def test_pre_commit_strips_notebook_outputs():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "nbstripout" in config and r"\.ipynb$" in config


def test_nbstripout_would_not_change_the_stored_notebooks():
    """The pre-commit hook leaves the files as they are (ids, metadata and all)."""
    pytest.importorskip("nbstripout")
    done = subprocess.run([sys.executable, "-m", "nbstripout", "--verify",
                           *(str(NOTEBOOK_DIR / n) for n in NAMES)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# -- execution on the sample (slow) ---------------------------------------------------------------

def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def notebook_workspace(sample_run, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("notebooks") / "workspace"
    shutil.copytree(sample_run["workspace"], dest)
    return dest


@pytest.fixture(scope="module")
def hostile_topic(notebook_workspace) -> tuple[str, int]:
    """(question, topic) of the hostile answer, so that notebook 02 shows it."""
    from consultation import Workspace

    ws = Workspace.open(notebook_workspace)
    a = ws["answers"]
    row = a[a["value"] == HOSTILE_ANSWER].iloc[0]
    ta = ws["topic_assignments"]
    hit = ta[(ta["model_id"] == row["question_id"]) & (ta["response_id"] == row["response_id"])]
    return str(row["question_id"]), int(hit["topic_id"].iloc[0])


def _execute(name: str, params: dict, cwd: Path):
    nb = _read(name)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    injected = nbformat.v4.new_code_cell(
        "# Parameters injected by the test\n"
        + "".join(f"{k} = {v!r}\n" for k, v in params.items()))
    injected.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(first + 1, injected)
    t0 = time.perf_counter()
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": str(cwd)}}).execute()
    return nb, time.perf_counter() - t0


def _outputs(nb, mime: str) -> list[str]:
    out = []
    for cell in _code_cells(nb):
        for o in cell.get("outputs", []):
            if mime == "stream" and o.get("output_type") == "stream":
                out.append(o["text"])
            elif mime in o.get("data", {}):
                v = o["data"][mime]
                out.append(v if isinstance(v, str) else json.dumps(v))
    return out


def _assert_common(nb, name: str, seconds: float, record) -> None:
    record(f"{name.split('_')[0]}_notebook_seconds", round(seconds, 1))
    print(f"\n{name}: {seconds:.1f} s")
    errors = [o for c in _code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors
    html = "\n".join(_outputs(nb, "text/html"))
    for raw in RAW_HOSTILE:
        assert raw not in html, f"{name}: respondent text rendered as HTML"


@pytest.mark.slow
def test_01_explore_responses_runs(notebook_workspace, tmp_path, record_testsuite_property):
    before = _digest(notebook_workspace)
    nb, seconds = _execute(NAMES[0], {"WORKSPACE": str(notebook_workspace),
                                      "OUTPUT_DIR": str(tmp_path / "out")}, tmp_path)
    _assert_common(nb, NAMES[0], seconds, record_testsuite_property)
    assert len(_outputs(nb, "image/png")) >= 10  # profile bar chart + closed-question charts
    html = "\n".join(_outputs(nb, "text/html"))
    for expected in ("Not disclosed", "Germany", "missing_id", "C001"):
        assert expected in html
    assert _digest(notebook_workspace) == before


@pytest.mark.slow
def test_02_topics_runs_offline_and_escapes_answers(notebook_workspace, hostile_topic, tmp_path,
                                                    record_testsuite_property):
    qid, tid = hostile_topic
    before = _digest(notebook_workspace)
    nb, seconds = _execute(NAMES[1], {"WORKSPACE": str(notebook_workspace), "QUESTION_ID": qid,
                                      "TOPIC_ID": tid, "N_ANSWERS": 500}, tmp_path)
    _assert_common(nb, NAMES[1], seconds, record_testsuite_property)
    figures = _outputs(nb, "application/vnd.plotly.v1+json")
    assert len(figures) == 5  # map, keywords, groups; refit keywords and groups
    html = "\n".join(_outputs(nb, "text/html"))
    # offline: plotly.js is embedded once, and no script is loaded from elsewhere (a CDN)
    assert "plotly.js v" in html
    assert not re.search(r"<script[^>]*\ssrc=", html)
    assert ESCAPED_HOSTILE in html  # the hostile answer is shown, escaped
    assert "settings" in html and "npmi" in html  # the refit comparison
    assert _digest(notebook_workspace) == before


@pytest.mark.slow
def test_03_evidence_and_drafting_runs_and_writes_only_to_output_dir(
        notebook_workspace, tmp_path, record_testsuite_property):
    before = _digest(notebook_workspace)
    out = tmp_path / "out"
    nb, seconds = _execute(NAMES[2], {"WORKSPACE": str(notebook_workspace),
                                      "OUTPUT_DIR": str(out)}, tmp_path)
    _assert_common(nb, NAMES[2], seconds, record_testsuite_property)
    assert {"report.html", "draft.md", "draft.docx"} <= {p.name for p in out.iterdir()}
    text = "\n".join(_outputs(nb, "stream"))
    assert "added" in text  # the catalogue edit changed the evidence
    html = "\n".join(_outputs(nb, "text/html"))
    assert "most_opposed_by" in html and "Amend" in html
    assert _digest(notebook_workspace) == before
