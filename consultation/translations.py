"""Translations as an extra text layer.

No translation model can be installed offline, but analysts often have machine translations
(e.g. the Commission's own service). They arrive as a file (:func:`load_translations`) or from a
:class:`Translator` the user plugs in (:func:`translate_answers`). :func:`text_layer` gives the
NLP, coding, topic and tracing stages one text per answer — the translation where there is one —
while quotes stay in the original language with the translation beside them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import pandas as pd

from . import schema as sch
from .errors import InputError, ParameterError, bounded_list

__all__ = ["TRANSLATIONS", "Translator", "load_translations", "text_layer",
           "translate_answers"]

TRANSLATIONS = sch.register(sch.TableSchema(
    "translations",
    "Translations of answers (an extra text layer; originals are never replaced).",
    (
        sch.Column("response_id", "string", "Response.", nullable=False),
        sch.Column("question_id", "string", "Question (or `document:<id>`).", nullable=False),
        sch.Column("language", "string", "Language of the translation, ISO 639-1.",
                   nullable=False),
        sch.Column("text", "string", "Translated text.", nullable=False),
        sch.Column("source", "string", "Where it came from: a file name or a translator."),
    ),
    key=("response_id", "question_id", "language"),
))


@runtime_checkable
class Translator(Protocol):
    """Anything that translates a batch of texts (plug in your own service or model)."""

    name: str

    def translate(self, texts: Sequence[str], source_languages: Sequence[str | None],
                  target: str) -> list[str]: ...


def load_translations(path: str | os.PathLike, answers: pd.DataFrame | None = None
                      ) -> tuple[pd.DataFrame, list[str]]:
    """Read a CSV or Parquet file of translations; returns the table and warnings.

    Rows whose (response_id, question_id) is not among ``answers`` are dropped with a warning
    naming them (a translation of nothing cannot be used).
    """
    p = Path(path)
    try:
        df = pd.read_parquet(p) if p.suffix.lower() == ".parquet" else pd.read_csv(
            p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError) as exc:
        raise InputError(f"Cannot read translations file {str(p)!r}", found=str(exc)[:200],
                         expected="CSV or Parquet with columns response_id, question_id, "
                                  "language, text") from exc
    sch.require(df, TRANSLATIONS, ["response_id", "question_id", "language", "text"],
                stage="translations")
    df = df.assign(source=df["source"] if "source" in df.columns else p.name)
    df = df[df["text"].astype(str).str.strip() != ""]
    warnings = []
    if answers is not None:
        keys = set(zip(answers["response_id"], answers["question_id"], strict=True))
        known = [(r, q) in keys or str(q).startswith("document:")
                 for r, q in zip(df["response_id"], df["question_id"], strict=True)]
        unknown = df[[not k for k in known]]
        if len(unknown):
            warnings.append(f"{len(unknown)} translation(s) match no answer and were ignored: "
                            + bounded_list((unknown["response_id"] + "/" +
                                            unknown["question_id"]).tolist()))
        df = df[known]
    dup = df.duplicated(["response_id", "question_id", "language"], keep="first")
    if dup.any():
        warnings.append(f"{int(dup.sum())} duplicate translation(s): the first one is kept")
        df = df[~dup]
    return sch.conform(df.reset_index(drop=True), TRANSLATIONS), warnings


def translate_answers(answers: pd.DataFrame, languages: pd.DataFrame, translator: Translator,
                      *, target: str = "en", batch_size: int = 64) -> pd.DataFrame:
    """Translate every answer whose detected language is not ``target`` with ``translator``.

    Returns a ``translations`` table. Identical texts are translated once.
    """
    if not isinstance(translator, Translator):
        raise ParameterError("The 'translator' parameter must have a translate(texts, "
                             "source_languages, target) method and a name",
                             found=type(translator).__name__)
    sch.require(answers, "answers", ["response_id", "question_id", "value"])
    sch.require(languages, "languages", ["response_id", "question_id", "language"])
    todo = answers.merge(languages[["response_id", "question_id", "language"]],
                         on=["response_id", "question_id"])
    todo = todo[todo["language"].notna() & (todo["language"] != target)]
    uniq = todo.drop_duplicates("value")[["value", "language"]]
    out: dict[str, str] = {}
    texts, langs = uniq["value"].tolist(), uniq["language"].tolist()
    for i in range(0, len(texts), batch_size):
        got = translator.translate(texts[i:i + batch_size], langs[i:i + batch_size], target)
        if len(got) != len(texts[i:i + batch_size]):
            raise ParameterError(f"Translator {translator.name!r} returned {len(got)} texts "
                                 f"for {len(texts[i:i + batch_size])}")
        out.update(zip(texts[i:i + batch_size], got, strict=True))
    res = pd.DataFrame({"response_id": todo["response_id"], "question_id": todo["question_id"],
                        "language": target, "text": todo["value"].map(out),
                        "source": translator.name})
    return sch.conform(res.reset_index(drop=True), TRANSLATIONS)


def text_layer(answers: pd.DataFrame, translations: pd.DataFrame | None = None, *,
               target: str = "en") -> pd.DataFrame:
    """One analysable text per answer: the ``target`` translation if any, else the original.

    Returns
    -------
    DataFrame with response_id, question_id, text, original, translated (bool).
    """
    sch.require(answers, "answers", ["response_id", "question_id", "value"])
    base = answers[["response_id", "question_id", "value"]].rename(columns={"value": "original"})
    if translations is None or translations.empty:
        return base.assign(text=base["original"], translated=False)
    t = translations[translations["language"] == target][["response_id", "question_id", "text"]]
    merged = base.merge(t, on=["response_id", "question_id"], how="left")
    translated = merged["text"].notna()
    merged["text"] = merged["text"].where(translated, merged["original"])
    return merged.assign(translated=translated)
