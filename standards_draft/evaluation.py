"""Measure evidence tracing against a ground truth of positions (for tests and reports only).

Library code never reads ground truth; this module is what the measurements in the issue note
were made with::

    python -m standards_draft.evaluation data/raw/microcredentials_2021_sample

Truth format (``truth/positions.csv``): ``reference, column, element_id, stance, document``;
a row is an answer cell (``column`` = 0-based export column) or a position paper (``document``
= file name) taking a position on an element. Links are compared at two levels:

* ``cell``: (response, question or document, element);
* ``response``: (response, element), the union over a respondent's cells.

Only positional evidence counts as a predicted link (stance support / conditional / oppose);
``neutral`` mentions are not positions. Stance accuracy is measured on true-positive links
(one stance per cell: the respondent-level rule of :func:`~standards_draft.evidence._resolve`).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from .evidence import _resolve

__all__ = ["evaluate", "load_truth", "split_half"]

POSITIONAL = ("support", "conditional", "oppose")


def split_half(response_ids: Iterable[str], salt: str = "standards_draft") -> dict[str, str]:
    """Deterministic split of respondents into halves ``A`` (calibration) and ``B`` (held out)."""
    out = {}
    for r in response_ids:
        h = hashlib.sha256(f"{salt}:{r}".encode()).digest()[0]
        out[r] = "A" if h % 2 == 0 else "B"
    return out


def load_truth(sample_dir: str | Path, questions: pd.DataFrame, documents: pd.DataFrame | None
               ) -> pd.DataFrame:
    """Truth positions mapped to the tables' ids.

    Returns a DataFrame with ``response_id, question_id, document_id, element_id, stance,
    language`` (language of the cell from ``truth/languages.csv``; documents: null).
    """
    d = Path(sample_dir) / "truth"
    pos = pd.read_csv(d / "positions.csv", dtype=str, keep_default_na=False)
    col2q = {int(c): str(q) for q, c in zip(questions["question_id"], questions["source_column"],
                                             strict=True) if not pd.isna(c)}
    pos["response_id"] = "eusurvey:" + pos["reference"]
    pos["question_id"] = pos["column"].map(lambda c: col2q.get(int(c)) if c else None)
    pos["document_id"] = None
    if documents is not None and len(documents):
        key = {(str(r), str(f)): str(i) for i, r, f in zip(
            documents["document_id"], documents["response_id"], documents["filename"],
            strict=True)}
        pos["document_id"] = [key.get((r, f)) if f else None
                              for r, f in zip(pos["response_id"], pos["document"], strict=True)]
    langs = pd.read_csv(d / "languages.csv", dtype=str, keep_default_na=False)
    lmap = {("eusurvey:" + r, col2q.get(int(c))): lg for r, c, lg in zip(
        langs["reference"], langs["column"], langs["language"], strict=True)}
    pos["language"] = [lmap.get((r, q)) if q else None
                       for r, q in zip(pos["response_id"], pos["question_id"], strict=True)]
    return pos[["response_id", "question_id", "document_id", "element_id", "stance",
                "language"]]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(evidence: pd.DataFrame, truth: pd.DataFrame, *, kinds: dict[str, str],
             responses: Iterable[str] | None = None, doc_lang: dict[str, str] | None = None,
             include_neutral: bool = False) -> pd.DataFrame:
    """Precision, recall, F1 and stance accuracy by element kind and language group.

    Parameters
    ----------
    evidence : DataFrame
        ``evidence`` from :func:`~standards_draft.evidence.trace_evidence`.
    truth : DataFrame
        From :func:`load_truth`.
    kinds : dict
        element_id -> kind.
    responses : iterable, optional
        Restrict to these respondents (e.g. the held-out half).
    doc_lang : dict, optional
        document_id -> language (for the language split of position papers).
    include_neutral : bool
        Count neutral mentions as predicted links too.

    Returns
    -------
    DataFrame
        ``level, kind, lang_group, n_true, n_pred, tp, precision, recall, f1,
        stance_accuracy`` (``kind``/``lang_group`` ``all`` for totals).
    """
    ev = evidence[evidence["source"].isin(["answer", "document"])].copy()
    if not include_neutral:
        ev = ev[ev["stance"].isin(POSITIONAL)]
    tr = truth.copy()
    if responses is not None:
        keep = set(responses)
        ev = ev[ev["response_id"].isin(keep)]
        tr = tr[tr["response_id"].isin(keep)]
    doc_lang = doc_lang or {}

    def unit(df: pd.DataFrame) -> pd.Series:
        return df["question_id"].astype("string").fillna("doc:" + df["document_id"].astype(
            "string").fillna(""))

    ev["unit"] = unit(ev)
    tr["unit"] = unit(tr)
    ev_lang = dict(zip(zip(ev["response_id"], ev["unit"], strict=True), ev["language"],
                       strict=True))
    pred = {k: _resolve(list(g)) for k, g in ev.groupby(
        ["response_id", "unit", "element_id"], sort=True)["stance"]}
    true = {(r, u, e): s for r, u, e, s in zip(tr["response_id"], tr["unit"], tr["element_id"],
                                                tr["stance"], strict=True)}
    tlang = {(r, u): lg for r, u, lg in zip(tr["response_id"], tr["unit"], tr["language"],
                                             strict=True) if lg}

    def lang_of(r: str, u: str) -> str:
        lg = tlang.get((r, u))
        if not lg and u.startswith("doc:"):
            lg = doc_lang.get(u[4:])
        if not lg:
            lg = ev_lang.get((r, u))
        return "en" if lg == "en" else "non-en"

    rows = []
    for level in ("cell", "response"):
        if level == "cell":
            P, T = pred, true
            lang = {k: lang_of(k[0], k[1]) for k in set(P) | set(T)}
        else:
            P, T = {}, {}
            for (r, _u, e), s in pred.items():
                P.setdefault((r, e), []).append(s)
            for (r, _u, e), s in true.items():
                T.setdefault((r, e), []).append(s)
            P = {k: _resolve(v) for k, v in P.items()}
            T = {k: _resolve(v) for k, v in T.items()}
            lang = {}
        for kind in ["all", *sorted(set(kinds.values()))]:
            for lg in (["all", "en", "non-en"] if level == "cell" else ["all"]):
                def sel(k, kind=kind, lg=lg, lang=lang):
                    e = k[-1]
                    if kind != "all" and kinds.get(e) != kind:
                        return False
                    return lg == "all" or lang.get(k) == lg
                ps = {k for k in P if sel(k)}
                ts = {k for k in T if sel(k)}
                tp = ps & ts
                p, r, f = _prf(len(tp), len(ps - ts), len(ts - ps))
                acc = (float(np.mean([P[k] == T[k] for k in tp])) if tp else float("nan"))
                rows.append({"level": level, "kind": kind, "lang_group": lg,
                             "n_true": len(ts), "n_pred": len(ps), "tp": len(tp),
                             "precision": round(p, 3), "recall": round(r, 3),
                             "f1": round(f, 3), "stance_accuracy": round(acc, 3)})
    return pd.DataFrame(rows)


def per_element(evidence: pd.DataFrame, truth: pd.DataFrame,
                responses: Iterable[str] | None = None) -> pd.DataFrame:
    """Cell-level precision / recall / F1 and stance accuracy per element."""
    ev = evidence[evidence["source"].isin(["answer", "document"])
                  & evidence["stance"].isin(POSITIONAL)].copy()
    tr = truth.copy()
    if responses is not None:
        keep = set(responses)
        ev = ev[ev["response_id"].isin(keep)]
        tr = tr[tr["response_id"].isin(keep)]
    for df in (ev, tr):
        df["unit"] = df["question_id"].astype("string").fillna(
            "doc:" + df["document_id"].astype("string").fillna(""))
    pred = {k: _resolve(list(g)) for k, g in ev.groupby(
        ["response_id", "unit", "element_id"], sort=True)["stance"]}
    true = {(r, u, e): s for r, u, e, s in zip(tr["response_id"], tr["unit"], tr["element_id"],
                                                tr["stance"], strict=True)}
    rows = []
    for e in sorted({k[2] for k in pred} | {k[2] for k in true}):
        ps = {k for k in pred if k[2] == e}
        ts = {k for k in true if k[2] == e}
        tp = ps & ts
        p, r, f = _prf(len(tp), len(ps - ts), len(ts - ps))
        acc = float(np.mean([pred[k] == true[k] for k in tp])) if tp else float("nan")
        rows.append({"element_id": e, "n_true": len(ts), "n_pred": len(ps), "tp": len(tp),
                     "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                     "stance_accuracy": round(acc, 3)})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - command-line helper
    from consultation.ingest import ingest

    from .catalogue import load_catalogue
    from .evidence import trace_evidence

    args = argv if argv is not None else sys.argv[1:]
    sample = Path(args[0] if args else "data/raw/microcredentials_2021_sample")
    tables = ingest([str(sample)]).tables
    cat = load_catalogue()
    out = trace_evidence(cat, tables["answers"], tables["questions"], tables["responses"],
                         documents=tables["documents"])
    truth = load_truth(sample, tables["questions"], tables["documents"])
    kinds = {e.id: e.kind for e in cat}
    half = split_half(tables["responses"]["response_id"])
    held = [r for r, h in half.items() if h == "B"]
    pd.set_option("display.width", 200)
    print(evaluate(out["evidence"], truth, kinds=kinds).to_string(index=False))
    print(evaluate(out["evidence"], truth, kinds=kinds, responses=held).to_string(index=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
