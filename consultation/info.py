"""Summaries of a workspace (what ``consult info`` shows)."""

from __future__ import annotations

from typing import Any

from .workspace import Workspace

__all__ = ["summarise"]


def _counts(series: Any) -> dict[str, int]:
    vc = series.fillna("(blank)").astype(str).value_counts()
    return {str(k): int(v) for k, v in sorted(vc.items(), key=lambda kv: (-kv[1], kv[0]))}


def summarise(ws: Workspace) -> dict[str, Any]:
    """Counts by table, stakeholder type, language, country, question kind, rejects by reason.

    Returns
    -------
    dict with keys ``workspace``, ``tables`` (rows per table), ``accounting`` (from the
    manifest), ``stakeholder_type``, ``registered``, ``language``, ``country``, ``publication``,
    ``question_kind``, ``documents_by_status``, ``rejects_by_reason``, ``warnings``,
    ``stale_inputs``.
    """
    out: dict[str, Any] = {"workspace": str(ws.path), "tables": {}}
    for name in ws.tables:
        out["tables"][name] = int(ws.manifest.get("tables", {}).get(name, {}).get("rows", -1))
        if out["tables"][name] < 0:
            out["tables"][name] = len(ws.read(name))
    if "responses" in ws:
        r = ws.read("responses")
        out["stakeholder_type"] = _counts(r["stakeholder_type"])
        orgs = r[r["registered"].notna()]
        out["registered"] = {"registered": int(orgs["registered"].sum()),
                             "not_registered": int((~orgs["registered"].astype(bool)).sum())}
        out["language"] = _counts(r["language"])
        out["country"] = _counts(r["country"])
        out["publication"] = _counts(r["publication"])
    if "questions" in ws:
        q = ws.read("questions")
        out["question_kind"] = _counts(q.loc[~q["is_group"].fillna(False).astype(bool), "kind"])
    if "documents" in ws:
        out["documents_by_status"] = _counts(ws.read("documents")["extraction_status"])
    if "rejects" in ws:
        out["rejects_by_reason"] = _counts(ws.read("rejects")["reason"])
    out["accounting"] = ws.manifest.get("accounting", {}).get("totals", {})
    out["warnings"] = [w["message"] for w in ws.manifest.get("warnings", [])]
    out["stale_inputs"] = getattr(ws, "stale_inputs", [])
    return out
