"""Hostile inputs beyond the lead's HOSTILE_ANSWER: every other place where untrusted or
analyst-supplied text reaches a published output (organisation names, question texts, choice
labels, attachment file names, codebook and catalogue labels)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from tests.conftest import FIXTURES

XSS = "<script>alert({tag!r})</script><img src=x onerror=alert({tag!r})>"
FORMULA = '=HYPERLINK("http://x","{tag}")'


def hostile(tag: str, formula: bool = True) -> str:
    """A hostile string tagged ``tag`` (so a test can tell which vector leaked)."""
    return (FORMULA.format(tag=tag) if formula else "") + XSS.format(tag=tag) + (
        f" [x](javascript:alert('{tag}'))")


ORG = hostile("org") + " University of Examplestad"
QUESTION = "Please explain your views on quality assurance of micro-credentials. " + hostile(
    "question", formula=False)
OPTION = hostile("option")
FILENAME = "<img src=x onerror=alert('file')>=cmd|'calc'!A0.txt"
CODE_LABEL = hostile("code") + " Cost of learning"
ELEMENT_LABEL = hostile("element") + " Records learning outcomes"
TAGS = ("org", "question", "option", "file", "code", "element")


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_source(dest: Path) -> dict[str, Path]:
    """The small EUSurvey fixture with every hostile vector planted; returns ``source``,
    ``codebook`` and ``catalogue`` paths."""
    from consultation.coding import load_codebook  # noqa: F401  (the packaged file must load)

    src = dest / "eusurvey_hostile"
    shutil.copytree(FIXTURES / "eusurvey_small", src)
    path = src / "contributions.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    head = rows[0]
    org = head.index("Organisation name")
    q = next(i for i, h in enumerate(head) if h.startswith("Please explain your views"))
    agree = next(i for i, h in enumerate(head) if h.startswith("Do you agree"))
    up = next(i for i, h in enumerate(head) if h.startswith("You can upload"))
    ref = head.index("Reference")
    by_ref = {r[ref]: r for r in rows[1:] if len(r) == len(head)}
    by_ref["F100001"][org] = ORG  # a public university with a position paper (Annex A)
    head[q] = QUESTION
    for r in list(by_ref.values())[:12]:  # a closed option chosen often enough to be charted
        if r[agree]:
            r[agree] = OPTION
    paper = src / "Position_paper_Examplestad.txt"
    paper.rename(src / FILENAME)
    by_ref["F100001"][up] = FILENAME
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)

    import consultation.codebooks as cbs
    import standards_draft.catalogues as cats

    cb = Path(cbs.__file__).parent / "micro_credentials.yaml"
    text = cb.read_text(encoding="utf-8")
    assert "label: Cost of learning\n" in text
    codebook = dest / "codebook.yaml"
    codebook.write_text(text.replace("label: Cost of learning\n",
                                     f"label: {_yaml_quote(CODE_LABEL)}\n", 1), encoding="utf-8")
    cat = Path(cats.__file__).parent / "micro_credentials.yaml"
    text = cat.read_text(encoding="utf-8")
    assert "label: Records (proves) learning outcomes\n" in text
    catalogue = dest / "catalogue.yaml"
    catalogue.write_text(text.replace("label: Records (proves) learning outcomes\n",
                                      f"label: {_yaml_quote(ELEMENT_LABEL)}\n", 1),
                         encoding="utf-8")
    return {"source": src, "codebook": codebook, "catalogue": catalogue}


def run_hostile(dest: Path) -> dict[str, Path]:
    """``consultation.pipeline.run`` on :func:`hostile_source`, every stage and format."""
    from consultation.pipeline import run

    paths = hostile_source(dest)
    return run([paths["source"]], dest / "out", catalogue=paths["catalogue"],
               params={"coding": {"codebook": str(paths["codebook"])}},
               generated_at="2026-01-01T00:00:00+00:00")
