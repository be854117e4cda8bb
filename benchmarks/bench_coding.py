"""Benchmark of deductive coding: codes vs the sample's ground truth, and the time it takes.

Not a test. On the micro-credentials sample (synthetic; ``truth/positions.csv`` says which
catalogue elements every free-text answer takes a position on), each configuration of
:func:`consultation.coding.code_answers` is measured with
:func:`consultation.coding.measure_codes` at the answer level (response × question × code):

* the truth's elements become codes through each code's ``related_elements`` (an element
  related to several codes, e.g. R7 → inclusion, labour_market, guidance, makes each of them
  gold), so only the 15 standards codes are measured; the 8 barrier codes have no truth in the
  sample (its sentence banks label barriers with no code) and are listed with their counts only;
* ``(micro)`` pools the counts of all measured codes, ``(macro)`` averages the per-code values;
* ``(elements)``: recall by element, the share of (answer, element) positions of the truth for
  which at least one of the element's related codes was given to the answer.

Configurations:

* ``lexical_declared`` — cues only, the respondent's declared language;
* ``lexical`` — cues only, the language detected per answer (the ``languages`` stage);
* ``pipeline`` — what ``consult analyse`` runs: detected languages, redacted texts (cues only:
  the default ``embedder=None``);
* ``lexical+semantic`` — ``lexical`` plus similarity of sentences to the codes' English examples
  with the optional MiniLM backend (``embedder="auto"``, cosine ≥ 0.6; skipped when the
  embeddings-en extra is absent). It lowers F1 on the sample, hence off by default.

Times are process CPU seconds (the fair number on a shared machine) and wall seconds of
``code_answers`` alone: ``first`` is the first call of a configuration in this process (for
the first configuration this loads the lemma tables; for ``lexical+semantic`` the MiniLM model),
``warm`` a second identical call; ``cpu_s_per_1000`` is warm CPU per 1,000 answers.

Usage::

    .venv/bin/python benchmarks/bench_coding.py [--out benchmarks/results/coding.csv]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultation.coding import (  # noqa: E402
    code_answers,
    free_text_answers,
    load_codebook,
    measure_codes,
)
from consultation.ingest import ingest  # noqa: E402
from consultation.topics import minilm_available  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "microcredentials_2021_sample"
OUT = ROOT / "benchmarks" / "results" / "coding.csv"


def _clock(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def sample_truth(questions: pd.DataFrame) -> pd.DataFrame:
    """truth/positions.csv of the free-text cells, keyed like the workspace tables."""
    tr = pd.read_csv(SAMPLE / "truth" / "positions.csv").dropna(subset=["column"])
    q = questions.dropna(subset=["source_column"])
    qmap = dict(zip(q["source_column"].astype(int), q["question_id"], strict=True))
    return pd.DataFrame({"response_id": "eusurvey:" + tr["reference"].astype(str),
                         "question_id": tr["column"].astype(int).map(qmap),
                         "element_id": tr["element_id"].astype(str)})


def element_recall(codes: pd.DataFrame, truth: pd.DataFrame, cb) -> tuple[int, int]:
    """(positions found, positions) over the truth's elements that some code relates to."""
    el2codes: dict[str, set[str]] = {}
    for c in cb.leaves:
        for e in c.related_elements:
            el2codes.setdefault(e, set()).add(c.id)
    pred = set(zip(codes["response_id"], codes["question_id"], codes["code_id"], strict=True))
    pos = {(r, q, e) for r, q, e in zip(truth["response_id"], truth["question_id"],
                                        truth["element_id"], strict=True) if e in el2codes}
    found = sum(any((r, q, c) in pred for c in el2codes[e]) for r, q, e in pos)
    return found, len(pos)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")

    t = ingest([SAMPLE]).tables
    a, q, r = t["answers"], t["questions"], t["responses"]
    n_answers = len(free_text_answers(a, q))
    truth = sample_truth(q)
    cb = load_codebook()
    print(f"sample: {n_answers} free-text answers, {len(truth)} truth positions in "
          f"{truth[['response_id', 'question_id']].drop_duplicates().shape[0]} answers")

    from consultation.enrich.language import detect_languages
    from consultation.enrich.redaction import redact_answers

    languages, _wall, cpu = _clock(lambda: detect_languages(a, q, r))
    print(f"languages stage (input of the configurations below): CPU {cpu:.1f} s")
    redacted = redact_answers(a, q, r, languages=languages)["redacted_answers"]

    configs = [("lexical_declared", {}),
               ("lexical", {"languages": languages}),
               ("pipeline", {"languages": languages, "redacted_answers": redacted})]
    if minilm_available():
        configs += [("lexical+semantic", {"embedder": "auto", "languages": languages})]
    else:
        print("embeddings-en extra not installed: semantic configurations skipped")

    rows = []
    barrier_ids = [c.id for c in cb.leaves if not c.related_elements]
    for name, kw in configs:
        codes, _wall1, cpu1 = _clock(lambda kw=kw: code_answers(a, q, r, **kw))
        codes2, wall2, cpu2 = _clock(lambda kw=kw: code_answers(a, q, r, **kw))
        pd.testing.assert_frame_equal(codes, codes2)      # deterministic
        m = measure_codes(codes, truth, codebook=cb)
        found, n_pos = element_recall(codes, truth, cb)
        m = pd.concat([m, pd.DataFrame([{"code_id": "(elements)", "n_gold": n_pos,
                                         "n_tp": found, "recall": found / n_pos}])],
                      ignore_index=True)
        per = codes.drop_duplicates(["response_id", "question_id", "code_id"])
        bar = per[per["code_id"].isin(barrier_ids)].groupby("code_id").size()
        m = pd.concat([m, pd.DataFrame({
            "code_id": barrier_ids, "n_pred": [int(bar.get(c, 0)) for c in barrier_ids],
            "note": "no truth in the sample"})], ignore_index=True)
        m.insert(0, "config", name)
        m.insert(0, "corpus", "sample")
        m["n_answers"] = n_answers
        m["cpu_s_first"] = round(cpu1, 2)
        m["cpu_s_warm"] = round(cpu2, 2)
        m["wall_s_warm"] = round(wall2, 2)
        m["cpu_s_per_1000"] = round(cpu2 / n_answers * 1000, 3)
        rows.append(m)
        mi = m.set_index("code_id").loc["(micro)"]
        print(f"{name:18s} micro P {mi['precision']:.3f} R {mi['recall']:.3f} "
              f"F1 {mi['f1']:.3f} | element recall {found / n_pos:.3f} | CPU first "
              f"{cpu1:.1f} s, warm {cpu2:.1f} s ({cpu2 / n_answers * 1000:.2f} s / 1k answers)")
    out = pd.concat(rows, ignore_index=True)
    for c in ("precision", "recall", "f1"):
        out[c] = out[c].astype(float).round(4)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(args.out, index=False)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
