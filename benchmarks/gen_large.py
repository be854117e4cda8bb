"""Deterministic generator of large synthetic EUSurvey consultations (benchmark input).

Not a test and not library code. Each generated contribution copies the profile and closed
answers of a row of the bundled micro-credentials sample (so the stakeholder mix, the declared
languages, the anonymous share and the pattern of answered questions follow the sample), gets a
fresh ``Reference`` and fresh free-text answers composed from the sample's sentence bank
(``data/raw/microcredentials_2021_sample/generator/bank_*.py``): 1–8 sentences of the column's
topic in the cell's language (the row's language; 20% of non-English rows answer some
questions in English), stock answers ("Yes.", "See attached.") for 8% of the cells, an e-mail
address or phone number in 1% of them. A share of the contributions (``--campaign-share``,
5–60%) are campaign copies: a handful of campaign texts of Zipf-distributed sizes pasted in the
final-comments column (70% exact copies, 20% edited — a typo, a sentence dropped, a greeting
added —, 10% truncated), with the campaign's closed answers and most other free-text cells left
blank, as campaign respondents do. The upload column is left blank (no position papers).

Output (``--out DIR``)::

    DIR/export/contributions.csv   EUSurvey layout (``;``, UTF-8 with BOM), N rows
    DIR/truth/campaigns.csv        reference, campaign_id, variant (for measuring only)
    DIR/truth/summary.json         N, seed, campaign share, free-text cells, bytes

The file is written in chunks of 20,000 rows (memory bounded by the chunk, not by N); the same
``--n``/``--seed``/``--campaign-share`` give byte-identical files whatever the chunk size.

Usage::

    .venv/bin/python benchmarks/gen_large.py --n 100000 --out benchmarks/data/n100000
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "microcredentials_2021_sample"
GENERATOR = SAMPLE / "generator"

LANG_CODES = {"English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
              "Polish": "pl", "Dutch": "nl", "Portuguese": "pt", "Swedish": "sv", "Greek": "el"}
GREETINGS = ["Dear Commission,", "Dear colleagues,", "To whom it may concern,", "Hello,"]
CHUNK = 20_000
_ALT = re.compile(r"\{([^{}]*)\}")
_REF_BASE = 3_000_000


def _load_bank() -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]], list[dict]]:
    """Sentences by (language, topic), stock answers by language, questionnaire columns."""
    sys.path.insert(0, str(GENERATOR))
    sys.dont_write_bytecode = True
    import banks
    import questionnaire as qn

    columns, _ = qn.build()
    by: dict[tuple[str, str], list[str]] = {}
    stock: dict[str, list[str]] = {}
    for lang, bank in sorted(banks.BANKS.items()):
        for e in bank.entries:
            # {a|b} alternatives: the first
            text = _ALT.sub(lambda m: m.group(1).split("|")[0], e.text).strip()
            by.setdefault((lang, e.topic), []).append(text)
        stock[lang] = list(getattr(bank, "SHORT", [])) + list(getattr(bank, "SEE_ATTACHED", []))
    return by, stock, columns


def _template_rows() -> tuple[list[str], list[list[str]]]:
    with open(SAMPLE / "contributions.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, body = rows[0], rows[1:]
    seen: set[str] = set()
    keep = []
    for r in body:  # drop the sample's planted rejects (missing/duplicate reference, bad date)
        if not re.fullmatch(r"F\d+", r[0]) or r[0] in seen or r[1].startswith("32."):
            continue
        seen.add(r[0])
        keep.append(r)
    return header, keep


def _typo(rng: np.random.Generator, text: str) -> str:
    words = list(re.finditer(r"\b\w{6,}\b", text))
    if not words:
        return text
    m = words[int(rng.integers(len(words)))]
    w = m.group(0)
    i = int(rng.integers(1, len(w) - 2))
    return text[:m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2:] + text[m.end():]


class Generator:
    """Builds the rows; one instance per file (tables are loaded once)."""

    def __init__(self, *, n: int, seed: int, campaign_share: float) -> None:
        if not 0.0 <= campaign_share <= 0.95:
            raise ValueError("campaign_share must be in [0, 0.95]")
        self.n, self.seed, self.share = n, seed, campaign_share
        self.by, self.stock, columns = _load_bank()
        self.header, self.templates = _template_rows()
        self.free = [(c["index"], c["topic"]) for c in columns if c["kind"] == "free_text"]
        self.upload = [c["index"] for c in columns if c["kind"] == "upload"]
        self.final = max(i for i, t in self.free if t == "general")
        self.topic_pool = {t: t if t in {"barriers", "definition", "elements", "qa",
                                         "recognition", "portability", "credits", "providers",
                                         "funding", "general"} else "general"
                           for _, t in self.free}
        self.citizens = [i for i, r in enumerate(self.templates) if r[3] == "EU Citizen"]
        rng = np.random.default_rng([seed, 0])
        k = max(2, round(2 + float(np.log2(max(n, 1000) / 1000))))
        self.campaign_texts = []
        for c in range(k):
            lang = ["en", "en", "de", "fr", "en", "es", "it", "pl"][c % 8]
            sents = []
            for t in ("general", "recognition", "funding", "qa", "credits", "portability"):
                pool = self.by.get((lang, t)) or self.by[("en", t)]
                sents.append(pool[int(rng.integers(len(pool)))])
            self.campaign_texts.append(" ".join(sents[: int(rng.integers(4, 7))]))
        weights = 1.0 / np.arange(1, k + 1)
        self.campaign_p = weights / weights.sum()
        self.campaign_template = [self.citizens[int(rng.integers(len(self.citizens)))]
                                  for _ in range(k)]

    def _text(self, rng: np.random.Generator, lang: str, topic: str, row: int) -> str:
        u = rng.random()
        if u < 0.08:
            pool = self.stock.get(lang) or self.stock["en"]
            return pool[int(rng.integers(len(pool)))]
        pool = self.by.get((lang, self.topic_pool[topic])) or self.by[("en", "general")]
        n_sent = int(min(8, max(1, round(rng.lognormal(0.6, 0.6)))))
        idx = rng.choice(len(pool), size=min(n_sent, len(pool)), replace=False)
        text = " ".join(pool[int(i)] for i in idx)
        if u > 0.99:
            text += (f" Contact: user{row}@example.org" if u > 0.995
                     else f" Tel. +32 2 {row % 900 + 100} {row % 90 + 10} {row % 80 + 10}")
        return text

    def rows(self, start: int, stop: int):
        """Rows ``start``..``stop-1`` and their campaign truth (independent of chunking)."""
        out, truth = [], []
        for i in range(start, stop):
            rng = np.random.default_rng([self.seed, 1, i])
            camp = rng.random() < self.share
            if camp:
                c = int(rng.choice(len(self.campaign_p), p=self.campaign_p))
                base = self.templates[self.campaign_template[c]]
                tpl = self.templates[self.citizens[int(rng.integers(len(self.citizens)))]]
                row = list(base)
                row[2:12] = tpl[2:12]  # own profile, the campaign's closed answers
            else:
                row = list(self.templates[int(rng.integers(len(self.templates)))])
            row[0] = f"F{_REF_BASE + i}"
            lang = LANG_CODES.get(row[2], "en")
            for col, topic in self.free:
                if not row[col].strip():
                    continue
                if camp and rng.random() < 0.7:
                    row[col] = ""
                    continue
                cell_lang = "en" if (lang != "en" and rng.random() < 0.2) else lang
                row[col] = self._text(rng, cell_lang, topic, i)
            for col in self.upload:
                row[col] = ""
            if camp:
                text = self.campaign_texts[c]
                v = rng.random()
                variant = "exact"
                if v >= 0.9:
                    variant = "truncated"
                    text = text[: max(120, int(len(text) * rng.uniform(0.6, 0.9)))]
                elif v >= 0.7:
                    variant = "edited"
                    sents = re.split(r"(?<=[.!?])\s+", text)
                    if len(sents) > 3 and rng.random() < 0.5:
                        del sents[int(rng.integers(1, len(sents)))]
                    text = " ".join(sents)
                    if rng.random() < 0.5:
                        text = GREETINGS[int(rng.integers(len(GREETINGS)))] + " " + text
                    text = _typo(rng, text)
                row[self.final] = text
                truth.append((row[0], f"C{c + 1}", variant))
            out.append(row)
        return out, truth


def generate(n: int, out: str | Path, *, seed: int = 20260101, campaign_share: float = 0.3,
             chunk: int = CHUNK) -> dict:
    """Write ``n`` contributions under ``out`` (see the module docstring); returns the summary."""
    out = Path(out)
    (out / "export").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    gen = Generator(n=n, seed=seed, campaign_share=campaign_share)
    path = out / "export" / "contributions.csv"
    n_text = n_camp = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh, \
            open(out / "truth" / "campaigns.csv", "w", encoding="utf-8", newline="") as th:
        w = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        tw = csv.writer(th)
        w.writerow(gen.header)
        tw.writerow(["reference", "campaign_id", "variant"])
        for start in range(0, n, chunk):
            rows, truth = gen.rows(start, min(n, start + chunk))
            w.writerows(rows)
            tw.writerows(truth)
            n_text += sum(1 for r in rows for c, _ in gen.free if r[c])
            n_camp += len(truth)
    summary = {"n": n, "seed": seed, "campaign_share": campaign_share,
               "n_campaign_rows": n_camp, "n_campaigns": len(gen.campaign_texts),
               "n_free_text_cells": n_text, "bytes": path.stat().st_size}
    (out / "truth" / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of contributions")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--campaign-share", type=float, default=0.3,
                    help="share of contributions that are campaign copies (default 0.3)")
    a = ap.parse_args(argv)
    print(json.dumps(generate(a.n, a.out, seed=a.seed, campaign_share=a.campaign_share)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
