"""Evidence tracing: link sentences of open answers and position papers to catalogue elements,
decide each link's stance, add the related closed answers, and summarise per element and group.

Linking is a hybrid, per sentence and per language:

* **cues** (the catalogue's per-language patterns over words and lemmas, see
  :mod:`standards_draft.cues`): a strong cue counts 1, a weak one 0.5; ``exclude`` cues mask the
  words they cover ("facial recognition"), ``veto`` cues rule an element out of the sentence;
* **context**: +0.5 when the question's text matches one of the element's contexts (a weak cue
  in an answer to the definition question is enough for a definition element);
* **BM25** over lemmas (implemented here with ``scipy.sparse``; the query of an element in a
  language is every corpus term its cues match): a bonus of up to ``bm25_weight`` scaled by the
  scores of the cue-linked sentences, and a BM25-only link when a sentence scores well above
  them (``bm25_only``);
* **semantic similarity** when an ``embedder`` is given (none ships: no model weights here).

A sentence is linked to an element when its score reaches the element's threshold (catalogue
``threshold``, else ``threshold``). The stance comes from :mod:`standards_draft.stance`; where
the text gives no explicit cue, the respondent's closed answer on a related question decides
("1 - Not important at all" on R3 -> oppose).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from consultation import schema as cs

from .catalogue import Catalogue, Element
from .cues import CueIndex, WordTable, match_cue, parse_cue, positions_of
from .errors import EvidenceError, check_number
from .schema import ELEMENT_SUMMARY, EVIDENCE
from .stance import StanceLexicon
from .text import Sentence, Token, split_sentences, tokenize

__all__ = ["Linker", "link_passages", "summarise_evidence", "trace_evidence"]

log = logging.getLogger(__name__)

STRONG_CAP = 2.0
WEAK_WEIGHT = 0.5
WEAK_CAP = 1.0
CONTEXT_BONUS = 0.5
Progress = Callable[[int, int], None]


@dataclass
class Link:
    """One element linked to one sentence."""

    element_id: str
    score: float
    cue_score: float
    cues: list[str]
    positions: list[int]
    method: str = "cue"
    bm25: float = 0.0
    stance: str = "support"
    stance_cue: str = "default"


@dataclass
class _LangIndex:
    cues: CueIndex
    exclude: CueIndex
    veto: CueIndex
    words: dict[str, set[int]] = field(default_factory=dict)  # element -> word ids (BM25 query)


def _element_positions(element: Element, tokens: Sequence[Token], lang: str | None,
                       table: WordTable) -> list[int]:
    """Token positions of the element's cue matches in a token sequence (for stance)."""
    ids = table.token_ids(tokens)
    out: list[int] = []
    for key in ("cues", "weak_cues"):
        cues = getattr(element, key)
        for text in list(cues.get(lang or "", ())) + list(cues.get("any", ())):
            spans = match_cue(parse_cue(text, table), ids)
            if spans:
                out.extend(range(spans[0][0], spans[0][1]))
    return sorted(set(out))


class Linker:
    """Compiled catalogue cues and stance lexicon; links and classifies single sentences.

    Parameters
    ----------
    catalogue : Catalogue
    lexicon_path : str, optional
        Stance lexicon YAML (default: the packaged one); merged with the catalogue's
        ``stance_cues``.
    threshold : float
        Default link threshold for elements without their own (default 1.0).
    thresholds : dict, optional
        element_id -> threshold, overriding the catalogue (all languages).
    """

    def __init__(self, catalogue: Catalogue, *, lexicon_path: str | None = None,
                 threshold: float = 1.0, thresholds: Mapping[str, float] | None = None) -> None:
        check_number("threshold", threshold, low=0.0, low_open=True)
        self.catalogue = catalogue
        self.threshold = float(threshold)
        self.thresholds = dict(thresholds or {})
        for eid, v in self.thresholds.items():
            if eid not in catalogue:
                raise EvidenceError(f"Threshold given for unknown element {eid!r}",
                                    expected=f"element ids of catalogue {catalogue.name!r}")
            check_number(f"thresholds[{eid!r}]", v, low=0.0, low_open=True)
        self.table = WordTable()
        self.lexicon = StanceLexicon.load(lexicon_path, extra=catalogue.stance_cues,
                                          table=self.table)
        langs = list(catalogue.languages)
        self._index: dict[str, _LangIndex] = {}
        for lang in [*langs, "*"]:
            cues, excl, veto = [], [], []
            words: dict[str, set[int]] = defaultdict(set)
            use = langs if lang == "*" else [lang]
            for e in catalogue.elements:
                for key, weight, bucket in (("cues", 1.0, cues), ("weak_cues", WEAK_WEIGHT, cues),
                                            ("exclude", 1.0, excl), ("veto", 1.0, veto)):
                    m = getattr(e, key)
                    texts = [t for lg in [*use, "any"] for t in m.get(lg, ())]
                    for t in dict.fromkeys(texts):
                        cue = parse_cue(t, self.table, tag=(e.id, key), weight=weight)
                        if key == "weak_cues" and "@" not in t:
                            cue = type(cue)(cue.text, cue.groups, WEAK_WEIGHT, cue.tag)
                        bucket.append(cue)
                        if key in ("cues", "weak_cues"):
                            for g in cue.groups:
                                for seg in g:
                                    for alt in seg:
                                        words[e.id].update(alt)
            self._index[lang] = _LangIndex(CueIndex(cues), CueIndex(excl), CueIndex(veto),
                                           dict(words))
        self._contexts = {name: [re.compile(p, re.IGNORECASE) for p in pats]
                          for name, pats in catalogue.contexts.items()}
        self._elements = {e.id: e for e in catalogue.elements}
        self._order = {e.id: i for i, e in enumerate(catalogue.elements)}

    # -- helpers ---------------------------------------------------------------------------
    def index_for(self, lang: str | None) -> _LangIndex:
        return self._index.get(lang or "", self._index["*"])

    def contexts_for(self, question_text: str | None) -> frozenset[str]:
        """Catalogue contexts whose patterns match a question's text."""
        if not question_text:
            return frozenset()
        return frozenset(n for n, pats in self._contexts.items()
                         if any(p.search(question_text) for p in pats))

    def threshold_of(self, element_id: str, lang: str | None = None) -> float:
        """Link threshold of an element for a language (catalogue, else the default)."""
        if self.thresholds and element_id in self.thresholds:
            return float(self.thresholds[element_id])
        return self._elements[element_id].threshold_for(lang, self.threshold)

    # -- linking ---------------------------------------------------------------------------
    def candidates(self, tokens: Sequence[Token], lang: str | None,
                   contexts: frozenset[str] = frozenset(),
                   ids: Sequence[frozenset[int]] | None = None,
                   where: Mapping[int, list[int]] | None = None) -> dict[str, Link]:
        """Every element with any cue in the sentence, scored (no threshold applied)."""
        if ids is None:
            ids = self.table.token_ids(tokens)
        if where is None:
            where = positions_of(ids)
        idx = self.index_for(lang)
        vetoed = {c.tag[0] for c, _ in idx.veto.matches(ids, where=where)}
        masks: dict[str, set[int]] = defaultdict(set)
        for cue, spans in idx.exclude.matches(ids, where=where):
            for s, e in spans:
                masks[cue.tag[0]].update(range(s, e))
        strong: dict[str, float] = defaultdict(float)
        weak: dict[str, float] = defaultdict(float)
        found: dict[str, list[str]] = defaultdict(list)
        pos: dict[str, set[int]] = defaultdict(set)
        for cue in idx.cues.candidates(ids):
            eid = cue.tag[0]
            if eid in vetoed:
                continue
            spans = match_cue(cue, ids, frozenset(masks[eid]) if eid in masks else frozenset(),
                              where)
            if spans is None:
                continue
            if cue.tag[1] == "cues":
                strong[eid] += cue.weight
            else:
                weak[eid] += cue.weight
            found[eid].append(cue.text)
            for s, e in spans:
                pos[eid].update(range(s, e))
        out = {}
        for eid in found:
            el = self._elements[eid]
            cue_score = min(strong[eid], STRONG_CAP) + min(weak[eid], WEAK_CAP)
            if contexts and set(el.context) & contexts:
                cue_score += CONTEXT_BONUS
            out[eid] = Link(eid, cue_score, cue_score, found[eid], sorted(pos[eid]))
        return out

    def classify(self, link: Link, sentence: Sentence, lang: str | None,
                 ids: Sequence[frozenset[int]] | None = None, spans: dict | None = None) -> None:
        """Set ``link.stance`` / ``link.stance_cue`` from the sentence."""
        res = self.lexicon.classify(sentence.tokens, lang, link.positions, text=sentence.text,
                                    offset=sentence.start, ids=ids, spans=spans)
        link.stance, link.stance_cue = res.stance, res.cue

    def link_sentence(self, sentence: Sentence, lang: str | None,
                      contexts: frozenset[str] = frozenset(), bonus: float = 0.0) -> list[Link]:
        """Elements linked to one sentence (threshold applied), with their stance.

        ``bonus`` is added to every candidate's score (the expected BM25 bonus when there is
        no corpus to compute it on).
        """
        ids = self.table.token_ids(sentence.tokens)
        where = positions_of(ids)
        cands = self.candidates(sentence.tokens, lang, contexts, ids, where)
        for lk in cands.values():
            lk.score += bonus
        links = [lk for lk in cands.values()
                 if lk.score >= self.threshold_of(lk.element_id, lang)]
        if links:
            sp_ = self.lexicon.spans(lang, ids, where)
            for lk in links:
                self.classify(lk, sentence, lang, ids, sp_)
        return sorted(links, key=lambda lk: self._order[lk.element_id])


_LINKERS: dict[int, tuple[Catalogue, Linker]] = {}


def _linker_for(catalogue: Catalogue) -> Linker:
    hit = _LINKERS.get(id(catalogue))
    if hit is None or hit[0] is not catalogue:
        hit = (catalogue, Linker(catalogue))
        _LINKERS[id(catalogue)] = hit
    return hit[1]


def link_passages(text: str, lang: str | None, catalogue: Catalogue, *,
                  question_text: str | None = None, bm25_weight: float = 0.5) -> list[dict]:
    """Link the sentences of one text to catalogue elements.

    BM25 needs a corpus; for a single text every cue-matched sentence is given the bonus of
    an average cue-linked sentence (half of ``bm25_weight``), so that thresholds mean the same
    as in :func:`trace_evidence`. ``question_text`` switches on the catalogue contexts.

    Returns a list of dicts with keys ``element_id, start, end, sentence, score, cues, stance,
    stance_cue`` (offsets into ``text``), in sentence then catalogue order.

    >>> cat = load_catalogue()                                        # doctest: +SKIP
    >>> link_passages("Learners must own their credentials.", "en", cat)[0]["element_id"]
    'D4'                                                               # doctest: +SKIP
    """
    check_number("bm25_weight", bm25_weight, low=0.0, high=2.0)
    linker = _linker_for(catalogue)
    contexts = linker.contexts_for(question_text)
    out = []
    for sent in split_sentences([text or ""], lang)[0]:
        for lk in linker.link_sentence(sent, lang, contexts, bonus=bm25_weight / 2):
            out.append({"element_id": lk.element_id, "start": sent.start, "end": sent.end,
                        "sentence": sent.text, "score": round(lk.score, 4), "cues": lk.cues,
                        "stance": lk.stance, "stance_cue": lk.stance_cue})
    return out


# -- BM25 ----------------------------------------------------------------------------------
class _BM25:
    """Okapi BM25 over sentence lemmas, sparse; one query vector per element and language."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, doc in enumerate(docs):
            for term in doc:
                j = vocab.setdefault(term, len(vocab))
                rows.append(i)
                cols.append(j)
        n = len(docs)
        self.vocab = vocab
        tf = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                           shape=(n, max(len(vocab), 1)))
        tf.sum_duplicates()
        dl = np.asarray(tf.sum(axis=1)).ravel()
        avgdl = float(dl.mean()) if n else 1.0
        df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float32)
        self.df = df
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        tf = tf.tocoo()
        denom = tf.data + k1 * (1 - b + b * dl[tf.row] / max(avgdl, 1e-9))
        data = tf.data * (k1 + 1) / denom
        self.matrix = sp.csr_matrix((data.astype(np.float32), (tf.row, tf.col)), shape=tf.shape)
        self.n = n

    def scores(self, terms: Mapping[str, Sequence[str]]) -> sp.csr_matrix:
        """Sparse (documents x queries) BM25 scores; ``terms`` maps query name -> terms."""
        names = list(terms)
        rows, cols, vals = [], [], []
        for q, name in enumerate(names):
            for t in set(terms[name]):
                j = self.vocab.get(t)
                if j is not None:
                    rows.append(j)
                    cols.append(q)
                    vals.append(self.idf[j])
        qm = sp.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)),
                           shape=(self.matrix.shape[1], max(len(names), 1)))
        return (self.matrix @ qm).tocsr()


# -- input preparation -----------------------------------------------------------------------
def _text_series(df: pd.DataFrame) -> pd.Series:
    return df["text"].astype("string")


def _detect(texts: Sequence[str], langs: Sequence[str]) -> list[str | None]:
    """py3langid decision restricted to ``langs`` (used only when no languages table)."""
    try:
        import py3langid
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # pragma: no cover
        return [None] * len(texts)
    ident = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(langs))
    out = []
    for t in texts:
        if not t or len(t) < 25:
            out.append(None)
            continue
        lang, prob = ident.classify(t)
        out.append(lang if prob >= 0.8 else None)
    del py3langid
    return out


@dataclass
class _Passage:
    source: str  # answer | document
    response_id: str
    question_id: str | None
    document_id: str | None
    text: str  # text that is linked and quoted from (redacted when available)
    quotable: bool
    lang: str | None
    contexts: frozenset[str]


def _prepare_passages(linker: Linker, answers: pd.DataFrame, questions: pd.DataFrame,
                      responses: pd.DataFrame, languages: pd.DataFrame | None,
                      redacted_answers: pd.DataFrame | None, documents: pd.DataFrame | None,
                      redacted_documents: pd.DataFrame | None) -> list[_Passage]:
    cat = linker.catalogue
    qtext = dict(zip(questions["question_id"].astype(str), questions["text"].fillna("")
                     .astype(str), strict=True))
    kinds = dict(zip(questions["question_id"].astype(str), questions["kind"].astype(str),
                     strict=True))
    free = answers[answers["question_id"].astype(str).map(kinds).eq("free_text")]
    free = free[free["value"].notna() & free["value"].astype(str).str.strip().ne("")]
    pub = dict(zip(responses["response_id"].astype(str),
                   responses["publication"].astype("string").fillna("anonymous")
                   if "publication" in responses else ["anonymous"] * len(responses),
                   strict=True))
    declared = dict(zip(responses["response_id"].astype(str),
                        responses["language"].astype("string")
                        if "language" in responses else [None] * len(responses), strict=True))
    red = {}
    if redacted_answers is not None:
        cs.require(redacted_answers, "redacted_answers", ["response_id", "question_id", "text"],
                   stage="trace")
        red = dict(zip(zip(redacted_answers["response_id"].astype(str),
                           redacted_answers["question_id"].astype(str), strict=True),
                       _text_series(redacted_answers), strict=True))
    lang_map: dict[tuple[str, str], str | None] = {}
    if languages is not None:
        cs.require(languages, "languages", ["response_id", "question_id", "language"],
                   stage="trace")
        lang_map = {k: (None if pd.isna(v) else str(v)) for k, v in zip(
            zip(languages["response_id"].astype(str), languages["question_id"].astype(str),
                strict=True), languages["language"], strict=True)}
    passages: list[_Passage] = []
    for rid, qid, value in zip(free["response_id"].astype(str), free["question_id"].astype(str),
                               free["value"].astype(str), strict=True):
        public = pub.get(rid) == "public"
        if redacted_answers is not None and (rid, qid) in red and not pd.isna(red[(rid, qid)]):
            text, quotable = str(red[(rid, qid)]), True
        else:
            text, quotable = value, public
        passages.append(_Passage("answer", rid, qid, None, text, quotable,
                                 lang_map.get((rid, qid)), linker.contexts_for(qtext.get(qid))))
    if documents is not None and len(documents):
        cs.require(documents, "documents", ["document_id", "response_id", "text"], stage="trace")
        rdoc = {}
        if redacted_documents is not None:
            if "document_id" in redacted_documents.columns:
                keys = redacted_documents["document_id"].astype(str)
            elif "question_id" in redacted_documents.columns:
                keys = redacted_documents["question_id"].astype(str).str.replace(
                    r"^document:", "", regex=True)
            else:
                raise EvidenceError("Table 'redacted_documents' has no document_id column",
                                    expected="document_id (or question_id 'document:<id>') "
                                             "and text", found=str(list(
                                                 redacted_documents.columns))[:200])
            rdoc = dict(zip(keys, _text_series(redacted_documents), strict=True))
        docs = documents[documents["text"].notna() & documents["text"].astype(str).str.strip()
                         .ne("")]
        for did, rid, value in zip(docs["document_id"].astype(str),
                                   docs["response_id"].astype(str), docs["text"].astype(str),
                                   strict=True):
            public = pub.get(rid) == "public"
            if did in rdoc and not pd.isna(rdoc[did]):
                text, quotable = str(rdoc[did]), True
            else:
                text, quotable = value, public
            lang = lang_map.get((rid, f"document:{did}"))
            passages.append(_Passage("document", rid, None, did, text, quotable, lang,
                                     frozenset()))
    # fill languages: detection (no languages table) -> declared
    missing = [i for i, p in enumerate(passages) if p.lang is None]
    if missing:
        detected = (_detect([passages[i].text for i in missing], cat.languages)
                    if languages is None else [None] * len(missing))
        for i, d in zip(missing, detected, strict=True):
            p = passages[i]
            dec = declared.get(p.response_id)
            p.lang = d or (None if dec is None or pd.isna(dec) else str(dec))
    return passages


# -- closed questions ------------------------------------------------------------------------
def _closed_map(cat: Catalogue, questions: pd.DataFrame
                ) -> dict[str, list[tuple[str, object]]]:
    """question_id -> [(element_id, ClosedQuestion)] for rating/choice questions."""
    q = questions[questions["kind"].astype(str).isin(["rating", "single_choice",
                                                       "multi_choice"])]
    if "is_group" in q.columns:
        q = q[~q["is_group"].astype("boolean").fillna(False).astype(bool)]
    parent_text = dict(zip(questions["question_id"].astype(str),
                           questions["text"].fillna("").astype(str), strict=True))
    parents = (q["parent_id"].astype("string") if "parent_id" in q.columns
               else pd.Series([None] * len(q), index=q.index))
    out: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for qid, text, par in zip(q["question_id"].astype(str), q["text"].fillna("").astype(str),
                              parents, strict=True):
        ptext = parent_text.get(str(par)) if par is not None and not pd.isna(par) else None
        for e in cat.elements:
            for cq in e.closed_questions:
                if cq.matches(text, ptext):
                    out[qid].append((e.id, cq))
                    break
    return out


def _closed_rows(cat: Catalogue, answers: pd.DataFrame, questions: pd.DataFrame
                 ) -> list[dict]:
    cmap = _closed_map(cat, questions)
    if not cmap:
        return []
    sub = answers[answers["question_id"].astype(str).isin(cmap)]
    kinds = dict(zip(questions["question_id"].astype(str), questions["kind"].astype(str),
                     strict=True))
    scale = cat.rating_scale
    rows = []
    ratings = (sub["rating"] if "rating" in sub.columns
               else pd.Series([np.nan] * len(sub), index=sub.index))
    noop = (sub["no_opinion"].astype("boolean").fillna(False) if "no_opinion" in sub.columns
            else pd.Series([False] * len(sub), index=sub.index))
    for rid, qid, value, rating, no_op in zip(sub["response_id"].astype(str),
                                             sub["question_id"].astype(str),
                                             sub["value"].astype("string"), ratings, noop,
                                             strict=True):
        if bool(no_op):
            continue
        kind = kinds.get(qid)
        for eid, cq in cmap[qid]:
            stance, choice, r = None, None, float("nan")
            if kind == "rating":
                if rating is None or pd.isna(rating):
                    continue
                r = float(rating)
                if r >= scale["support_min"]:
                    stance = "support"
                elif r <= scale["oppose_max"]:
                    stance = "oppose"
                else:
                    stance = "neutral"
                if cq.polarity == "negative" and stance in ("support", "oppose"):
                    stance = "oppose" if stance == "support" else "support"
                cue = f"closed:rating={r:g}"
            else:
                choice = None if pd.isna(value) else str(value)
                stance = cat.choice_stance(choice) if choice else None
                if stance is None:
                    continue
                if cq.polarity == "negative" and stance in ("support", "oppose"):
                    stance = "oppose" if stance == "support" else "support"
                cue = f"closed:choice={choice}"
            rows.append({"element_id": eid, "response_id": rid, "question_id": qid,
                         "source": "closed", "stance": stance, "stance_cue": cue,
                         "score": 1.0, "method": "closed", "rating": r, "choice": choice,
                         "use_for_stance": cq.use_for_stance, "quote_available": False})
    return rows


# -- main stage ------------------------------------------------------------------------------
def trace_evidence(
    catalogue: Catalogue,
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    languages: pd.DataFrame | None = None,
    redacted_answers: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
    redacted_documents: pd.DataFrame | None = None,
    campaign_members: pd.DataFrame | None = None,
    codes: pd.DataFrame | None = None,
    threshold: float = 1.0,
    thresholds: Mapping[str, float] | None = None,
    bm25_weight: float = 0.5,
    bm25_only: float | None = None,
    use_closed: bool = True,
    embedder: Callable[[list[str]], np.ndarray] | None = None,
    semantic_threshold: float = 0.6,
    min_voices: int = 5,
    top_k: int = 5,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Trace evidence for every catalogue element in open answers, position papers and closed
    answers.

    Parameters
    ----------
    catalogue : Catalogue
        From :func:`~standards_draft.catalogue.load_catalogue`.
    answers, questions, responses : DataFrame
        Ingested tables (``answers``: response_id, question_id, value, rating, no_opinion;
        ``questions``: question_id, kind, text, parent_id; ``responses``: response_id,
        stakeholder_type, publication, language).
    languages : DataFrame, optional
        Detected language per answer / document (``question_id`` ``document:<id>``). Without
        it, py3langid decides among the catalogue's languages, else the declared language.
    redacted_answers, redacted_documents : DataFrame, optional
        Texts to link and quote from (offsets then refer to the redacted text). Without them,
        only public respondents are quoted.
    documents : DataFrame, optional
        Position papers (document_id, response_id, text).
    campaign_members : DataFrame, optional
        response_id -> campaign_id; summaries count each campaign once.
    codes : DataFrame, optional
        Coded answers (response_id, question_id, code_id); rows whose code is an element id
        (a codebook built on the catalogue) are added as neutral evidence with method
        ``code`` when no passage links them.
    threshold : float, default 1.0
        Link threshold for elements without their own (the packaged catalogue carries
        thresholds per element and language group, calibrated on half of the sample).
    thresholds : dict, optional
        element_id -> threshold overriding the catalogue (e.g. 0.5 everywhere to list every
        candidate with its score).
    bm25_weight : float, default 0.5
        Largest BM25 bonus added to a cue-linked score; 0 turns BM25 off.
    bm25_only : float, optional
        Link sentences without cues whose BM25 score is at least this multiple of the mean
        score of cue-linked sentences (off by default: it lowered precision on our data).
    use_closed : bool, default True
        Add closed answers as evidence and let them set the stance of text evidence that has
        no explicit stance cue.
    embedder : callable, optional
        ``embedder(list_of_texts) -> array (n, d)`` of L2-normalised vectors; adds semantic
        links at cosine >= ``semantic_threshold``.
    min_voices, top_k : int
        Summary settings (see :func:`summarise_evidence`).
    progress : callable, optional
        ``progress(done, total)`` over distinct texts.

    Returns
    -------
    dict
        ``{"evidence": DataFrame, "element_summary": DataFrame}``; columns as documented in
        :mod:`standards_draft.schema` (``consult info`` lists them).
    """
    check_number("threshold", threshold, low=0.0, low_open=True)
    check_number("bm25_weight", bm25_weight, low=0.0, high=2.0)
    if bm25_only is not None:
        check_number("bm25_only", bm25_only, low=0.0, low_open=True)
    check_number("semantic_threshold", semantic_threshold, low=-1.0, high=1.0)
    check_number("min_voices", min_voices, kind=int, low=1)
    check_number("top_k", top_k, kind=int, low=1)
    if not isinstance(catalogue, Catalogue):
        raise EvidenceError("`catalogue` is not a Catalogue",
                            expected="the result of load_catalogue()",
                            found=type(catalogue).__name__)
    cs.require(answers, "answers", ["response_id", "question_id", "value"], stage="trace")
    cs.require(questions, "questions", ["question_id", "kind", "text"], stage="trace")
    cs.require(responses, "responses", ["response_id", "stakeholder_type"], stage="trace")
    linker = Linker(catalogue, threshold=threshold, thresholds=thresholds)
    passages = _prepare_passages(linker, answers, questions, responses, languages,
                                 redacted_answers, documents, redacted_documents)
    text_rows = _link_passages(linker, passages, bm25_weight=bm25_weight, bm25_only=bm25_only,
                               embedder=embedder, semantic_threshold=semantic_threshold,
                               progress=progress)
    closed = _closed_rows(catalogue, answers, questions) if use_closed else []
    if use_closed and closed:
        _combine_closed(text_rows, closed)
    code_rows = _code_rows(catalogue, codes, text_rows) if codes is not None else []
    evidence = _evidence_frame(catalogue, text_rows + closed + code_rows, responses,
                               campaign_members)
    summary = summarise_evidence(catalogue, evidence, responses,
                                 campaign_members=campaign_members, min_voices=min_voices,
                                 top_k=top_k)
    return {"evidence": evidence, "element_summary": summary}


def _link_passages(linker: Linker, passages: list[_Passage], *, bm25_weight: float,
                   bm25_only: float | None, embedder, semantic_threshold: float,
                   progress: Progress | None) -> list[dict]:
    # distinct (text, language, contexts): campaigns and copies are processed once
    keys: dict[tuple, int] = {}
    order: list[tuple] = []
    for p in passages:
        k = (p.text, p.lang, p.contexts)
        if k not in keys:
            keys[k] = len(order)
            order.append(k)
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for i, (_t, lang, _c) in enumerate(order):
        by_lang[lang].append(i)
    sentences: list[list[Sentence]] = [[] for _ in order]
    done, total = 0, len(order)
    for lang in sorted(by_lang, key=str):
        idx = by_lang[lang]
        for start in range(0, len(idx), 512):
            chunk = idx[start:start + 512]
            for i, sents in zip(chunk, split_sentences([order[i][0] for i in chunk], lang),
                                strict=True):
                sentences[i] = sents
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    # candidates per sentence
    flat: list[tuple[int, int]] = []  # (text index, sentence index)
    cands: list[dict[str, Link]] = []
    all_ids: list[list[frozenset[int]]] = []
    all_where: list[dict[int, list[int]]] = []
    for i, sents in enumerate(sentences):
        lang, ctx = order[i][1], order[i][2]
        for j, s in enumerate(sents):
            ids = linker.table.token_ids(s.tokens)
            where = positions_of(ids)
            flat.append((i, j))
            all_ids.append(ids)
            all_where.append(where)
            cands.append(linker.candidates(s.tokens, lang, ctx, ids, where))
    if bm25_weight > 0 or bm25_only:
        _apply_bm25(linker, order, sentences, flat, cands, bm25_weight, bm25_only)
    if embedder is not None:
        _apply_semantic(linker, order, sentences, flat, cands, embedder, semantic_threshold)
    # threshold + stance
    links_of: dict[tuple[int, int], list[Link]] = {}
    for n, (i, j) in enumerate(flat):
        keep = [lk for lk in cands[n].values()
                if lk.score >= linker.threshold_of(lk.element_id, order[i][1])]
        if not keep:
            continue
        lang = order[i][1]
        s = sentences[i][j]
        spans = linker.lexicon.spans(lang, all_ids[n], all_where[n])
        for lk in keep:
            linker.classify(lk, s, lang, all_ids[n], spans)
        links_of[(i, j)] = sorted(keep, key=lambda lk: linker._order[lk.element_id])
    rows = []
    for p in passages:
        i = keys[(p.text, p.lang, p.contexts)]
        for j, s in enumerate(sentences[i]):
            for lk in links_of.get((i, j), ()):
                rows.append({
                    "element_id": lk.element_id, "response_id": p.response_id,
                    "question_id": p.question_id, "document_id": p.document_id,
                    "source": p.source, "start": s.start, "end": s.end,
                    "quote": s.text if p.quotable else None, "quote_available": p.quotable,
                    "stance": lk.stance, "stance_cue": lk.stance_cue,
                    "score": round(lk.score, 4), "method": lk.method, "cues": list(lk.cues),
                    "language": p.lang, "bm25": round(lk.bm25, 4),
                })
    return rows


def _apply_bm25(linker: Linker, order, sentences, flat, cands, weight, only) -> None:
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for n, (i, _j) in enumerate(flat):
        by_lang[order[i][1]].append(n)
    for lang, rows in by_lang.items():
        docs = []
        for n in rows:
            i, j = flat[n]
            docs.append([t.lemma for t in sentences[i][j].tokens if len(t.lemma) > 2])
        if not docs:
            continue
        bm = _BM25(docs)
        idx = linker.index_for(lang)
        ndoc = max(bm.n, 1)
        word_elems: dict[int, list[str]] = defaultdict(list)
        for eid, words in idx.words.items():
            for w in words:
                word_elems[w].append(eid)
        qsets: dict[str, set[str]] = defaultdict(set)
        for term, col in bm.vocab.items():
            if bm.df[col] / ndoc > 0.2:
                continue
            for w in linker.table.ids(term):
                for eid in word_elems.get(w, ()):
                    qsets[eid].add(term)
        queries = {eid: sorted(ts) for eid, ts in sorted(qsets.items())}
        if not queries:
            continue
        names = list(queries)
        scores = bm.scores(queries).tocsc()
        for q, eid in enumerate(names):
            col = scores.getcol(q)
            if col.nnz == 0:
                continue
            thr = linker.threshold_of(eid, lang)
            linked = [s for r, s in zip(col.indices, col.data, strict=True)
                      if eid in cands[rows[r]] and cands[rows[r]][eid].cue_score >= thr]
            ref = float(np.mean(linked)) if linked else float(col.data.max())
            if ref <= 0:
                continue
            for r, s in zip(col.indices, col.data, strict=True):
                n = rows[r]
                lk = cands[n].get(eid)
                if lk is not None:
                    lk.bm25 = float(s) / ref
                    if weight > 0:
                        lk.score = lk.cue_score + weight * min(1.0, float(s) / ref)
                        if lk.cue_score < thr <= lk.score:
                            lk.method = "cue+bm25"
                elif only and s >= only * ref:
                    cands[n][eid] = Link(eid, float(s) / ref, 0.0, [], [], "bm25",
                                         float(s) / ref)


def _apply_semantic(linker: Linker, order, sentences, flat, cands, embedder, thr) -> None:
    texts = [sentences[i][j].text for i, j in flat]
    if not texts:
        return
    els = list(linker.catalogue.elements)
    try:
        ev = np.asarray(embedder([f"{e.label}. {e.description}" for e in els]), dtype=np.float32)
        sv = np.asarray(embedder(texts), dtype=np.float32)
    except Exception as exc:  # the embedder is user code: say which stage failed
        raise EvidenceError("The embedder failed", found=f"{type(exc).__name__}: {exc}"[:200],
                            fix="pass a callable list[str] -> array (n, d)") from exc
    if ev.ndim != 2 or sv.ndim != 2 or ev.shape[1] != sv.shape[1]:
        raise EvidenceError("The embedder returned arrays of the wrong shape",
                            expected="(n_texts, d)", found=f"{sv.shape} and {ev.shape}")
    sims = sv @ ev.T
    for n in range(len(flat)):
        for k, e in enumerate(els):
            s = float(sims[n, k])
            if s < thr:
                continue
            lk = cands[n].get(e.id)
            if lk is not None:
                lk.score += s
                if "semantic" not in lk.method:
                    lk.method += "+semantic"
            else:
                lang = order[flat[n][0]][1]
                cands[n][e.id] = Link(e.id, linker.threshold_of(e.id, lang) * s / thr, 0.0, [],
                                      [], "semantic")


def _combine_closed(text_rows: list[dict], closed: list[dict]) -> None:
    """Let a closed answer set the stance of text evidence that has no explicit stance cue."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in closed:
        if r["use_for_stance"] and r["stance"] in ("support", "oppose"):
            by_key[(r["response_id"], r["element_id"])].append(r["stance"])
    for r in text_rows:
        if r["stance_cue"] != "default" and not r["stance_cue"].startswith("support:"):
            continue
        st = by_key.get((r["response_id"], r["element_id"]))
        if st and len(set(st)) == 1 and st[0] != r["stance"]:
            r["stance"] = st[0]
            r["stance_cue"] = f"closed:{st[0]}"
            r["method"] = r["method"] + "+closed"


def _code_rows(cat: Catalogue, codes: pd.DataFrame, text_rows: list[dict]) -> list[dict]:
    col = "code_id" if "code_id" in codes.columns else "code"
    if col not in codes.columns or "response_id" not in codes.columns:
        return []
    have = {(r["response_id"], r["element_id"]) for r in text_rows}
    rows = []
    qcol = codes["question_id"] if "question_id" in codes.columns else [None] * len(codes)
    for rid, qid, code in zip(codes["response_id"].astype(str), qcol,
                              codes[col].astype(str), strict=True):
        if code in cat and (rid, code) not in have:
            have.add((rid, code))
            rows.append({"element_id": code, "response_id": rid,
                         "question_id": None if qid is None or pd.isna(qid) else str(qid),
                         "source": "answer", "stance": "neutral", "stance_cue": "code",
                         "score": 1.0, "method": "code", "quote_available": False})
    return rows


def _evidence_frame(cat: Catalogue, rows: list[dict], responses: pd.DataFrame,
                    campaign_members: pd.DataFrame | None) -> pd.DataFrame:
    cols = [c.name for c in EVIDENCE.columns]
    if not rows:
        return cs.conform(pd.DataFrame({c: pd.Series([], dtype=object) for c in cols}),
                          EVIDENCE)
    df = pd.DataFrame(rows)
    df = df.drop(columns=[c for c in ("use_for_stance",) if c in df.columns])
    kinds = {e.id: e.kind for e in cat.elements}
    order = {e.id: i for i, e in enumerate(cat.elements)}
    df["element_kind"] = df["element_id"].map(kinds)
    resp = responses.set_index(responses["response_id"].astype(str))
    df["stakeholder_type"] = df["response_id"].map(resp["stakeholder_type"].astype("string"))
    df["publication"] = (df["response_id"].map(resp["publication"].astype("string"))
                         if "publication" in resp.columns else None)
    if "language" not in df.columns:
        df["language"] = None
    if campaign_members is not None and len(campaign_members):
        cs.require(campaign_members, "campaign_members", ["response_id", "campaign_id"],
                   stage="trace")
        cm = dict(zip(campaign_members["response_id"].astype(str),
                      campaign_members["campaign_id"].astype(str), strict=True))
        df["campaign_id"] = df["response_id"].map(cm)
    else:
        df["campaign_id"] = None
    src_rank = df["source"].map({"answer": 0, "document": 1, "closed": 2}).fillna(3)
    df["_o"] = df["element_id"].map(order)
    df["_s"] = src_rank
    df["_q"] = df["question_id"].astype("string").fillna("")
    df["_d"] = df["document_id"].astype("string").fillna("") if "document_id" in df else ""
    df["_st"] = pd.to_numeric(df.get("start"), errors="coerce").fillna(-1)
    df = df.sort_values(["_o", "response_id", "_s", "_q", "_d", "_st"], kind="mergesort")
    df = df.drop(columns=["_o", "_s", "_q", "_d", "_st"]).reset_index(drop=True)
    df["evidence_id"] = [f"E{i:06d}" for i in range(1, len(df) + 1)]
    df["quote_available"] = df["quote_available"].fillna(False).astype(bool) & df.get(
        "quote", pd.Series([None] * len(df))).notna()
    if "cues" in df.columns:
        df["cues"] = df["cues"].map(lambda v: v if isinstance(v, list) else None)
    return cs.conform(df, EVIDENCE)


# -- summary ---------------------------------------------------------------------------------
def _wilson_lower(k: int, n: int, z: float = 1.96) -> float:
    if n <= 0:
        return 0.0
    p = k / n
    den = 1 + z * z / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - half) / den)


def _resolve(stances: Sequence[str]) -> str:
    """One respondent's stance from all their text evidence on an element."""
    s = set(stances) - {"neutral"}
    if not s:
        return "neutral"
    if "oppose" in s and (s & {"support", "conditional"}):
        return "conditional"
    if s == {"oppose"}:
        return "oppose"
    return "conditional" if "conditional" in s else "support"


def summarise_evidence(catalogue: Catalogue, evidence: pd.DataFrame, responses: pd.DataFrame,
                       *, campaign_members: pd.DataFrame | None = None, min_voices: int = 5,
                       top_k: int = 5) -> pd.DataFrame:
    """Per element and stakeholder group: voices supporting / conditional / opposing.

    One respondent is one voice; all members of a campaign together are one voice (their
    stance is the most common member stance; the campaign's size is reported). A voice's
    stance comes from its text evidence when there is any with a position (support and
    opposition together count as conditional), else from its closed answers. Groups are
    ``all`` and each ``stakeholder_type``; a campaign belongs to its members' most common type.

    Returns
    -------
    DataFrame
        ``element_summary`` (see :data:`standards_draft.schema.ELEMENT_SUMMARY`).
    """
    check_number("min_voices", min_voices, kind=int, low=1)
    check_number("top_k", top_k, kind=int, low=1)
    cs.require(evidence, EVIDENCE, ["element_id", "response_id", "source", "stance"],
               stage="summarise")
    cs.require(responses, "responses", ["response_id", "stakeholder_type"], stage="summarise")
    rtype = dict(zip(responses["response_id"].astype(str),
                     responses["stakeholder_type"].astype("string").fillna("not_disclosed"),
                     strict=True))
    camp: dict[str, str] = {}
    if campaign_members is not None and len(campaign_members):
        camp = dict(zip(campaign_members["response_id"].astype(str),
                        campaign_members["campaign_id"].astype(str), strict=True))
    elif "campaign_id" in evidence.columns:
        ev_c = evidence[evidence["campaign_id"].notna()]
        camp = dict(zip(ev_c["response_id"].astype(str), ev_c["campaign_id"].astype(str),
                        strict=True))
    camp_size = Counter(camp.values())
    camp_type: dict[str, str] = {}
    members_types: dict[str, Counter] = defaultdict(Counter)
    for rid, cid in camp.items():
        members_types[cid][rtype.get(rid, "not_disclosed")] += 1
    for cid, cnt in members_types.items():
        camp_type[cid] = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def voice(rid: str) -> str:
        return f"campaign:{camp[rid]}" if rid in camp else rid

    def voice_type(v: str) -> str:
        return camp_type[v[9:]] if v.startswith("campaign:") else rtype.get(v, "not_disclosed")

    all_voices = {voice(r) for r in rtype}
    group_sizes = Counter(voice_type(v) for v in all_voices)
    groups = ["all", *sorted(group_sizes)]
    group_sizes["all"] = len(all_voices)

    ev = evidence.copy()
    ev["_voice"] = ev["response_id"].astype(str).map(voice)
    text = ev[ev["source"].isin(["answer", "document"])]
    closed = ev[ev["source"].eq("closed")]
    # per (element, response) resolution, then per voice (campaign: most common member stance)
    t_st: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eid, rid, st in zip(text["element_id"].astype(str), text["response_id"].astype(str),
                            text["stance"].astype(str), strict=True):
        t_st[(eid, rid)].append(st)
    resolved_text = {k: _resolve(v) for k, v in t_st.items()}
    c_st: dict[tuple[str, str], list[str]] = defaultdict(list)
    ratings: dict[tuple[str, str], list[float]] = defaultdict(list)
    c_rating = (closed["rating"] if "rating" in closed.columns
                else pd.Series([np.nan] * len(closed), index=closed.index))
    for eid, rid, st, rt in zip(closed["element_id"].astype(str),
                                closed["response_id"].astype(str), closed["stance"].astype(str),
                                c_rating, strict=True):
        c_st[(eid, rid)].append(st)
        if rt is not None and not pd.isna(rt):
            ratings[(eid, rid)].append(float(rt))
    resolved_closed = {k: _resolve(v) for k, v in c_st.items()}
    per_voice: dict[tuple[str, str], dict] = {}
    # sorted: a campaign's members (and so its first closed answer and the tie-breaks of its
    # most common stance) must not depend on string hashing, which differs per process
    keys = sorted(set(resolved_text) | set(resolved_closed))
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eid, rid in keys:
        members[(eid, voice(rid))].append(rid)
    for (eid, v), rids in members.items():
        txt = [resolved_text[(eid, r)] for r in rids if (eid, r) in resolved_text]
        cls = [resolved_closed[(eid, r)] for r in rids if (eid, r) in resolved_closed]
        pos_txt = [s for s in txt if s != "neutral"]
        if pos_txt:
            stance = Counter(pos_txt).most_common(1)[0][0] if v.startswith("campaign:") else \
                _resolve(pos_txt)
        elif cls and any(c != "neutral" for c in cls):
            stance = Counter(c for c in cls if c != "neutral").most_common(1)[0][0]
        else:
            stance = "neutral"
        rs = [x for r in rids for x in ratings.get((eid, r), [])]
        per_voice[(eid, v)] = {
            "stance": stance, "text": bool(txt), "closed": cls,
            "rating": float(np.mean(rs)) if rs else None,
        }
    by_elem: dict[str, dict[str, dict]] = defaultdict(dict)
    for (eid, v), d in per_voice.items():
        by_elem[eid][v] = d
    vtype = {v: voice_type(v) for d in by_elem.values() for v in d}
    rows = []
    quotes = text[text["quote_available"].astype("boolean").fillna(False).astype(bool)
                  & text["stance"].ne("neutral")]
    quotes = quotes.sort_values(["score", "evidence_id"], ascending=[False, True],
                                kind="mergesort")
    quote_recs: dict[str, list[tuple[str, str, str, str, str, str]]] = defaultdict(list)
    for eid_, el, rid, st, lang, q in zip(
            quotes["evidence_id"].astype(str), quotes["element_id"].astype(str),
            quotes["response_id"].astype(str),
            quotes["stakeholder_type"].astype("string").fillna("?"),
            quotes["language"].astype("string").fillna("?"), quotes["quote"].astype(str),
            strict=True):
        v = voice(rid)
        quote_recs[el].append((eid_, v, voice_type(v), str(st), str(lang), q))
    for e in catalogue.elements:
        ev_e = quote_recs.get(e.id, [])
        for g in groups:
            vs = {v: d for v, d in by_elem.get(e.id, {}).items()
                  if g == "all" or vtype[v] == g}
            cnt = Counter(d["stance"] for d in vs.values())
            n_s, n_c, n_o = cnt["support"], cnt["conditional"], cnt["oppose"]
            pos = n_s + n_c + n_o
            n_group = group_sizes[g]
            closed_st = [c for d in vs.values() for c in d["closed"][:1]]
            rts = [d["rating"] for d in vs.values() if d["rating"] is not None]
            camps = sorted({v[9:] for v in vs if v.startswith("campaign:")})
            strength = _wilson_lower(n_s + n_c, pos)
            contest = 2 * min(n_s + n_c, n_o) / pos if pos else 0.0
            sub = ev_e if g == "all" else [r for r in ev_e if r[2] == g]
            top = _diverse_quotes(sub, top_k)
            rows.append({
                "element_id": e.id, "element_kind": e.kind, "label": e.label,
                "group_by": "all" if g == "all" else "stakeholder_type", "group": g,
                "n_group": n_group, "n_voices": len(vs), "n_support": n_s, "n_conditional": n_c,
                "n_oppose": n_o, "n_neutral": cnt["neutral"],
                "share_support": n_s / n_group if n_group else 0.0,
                "share_conditional": n_c / n_group if n_group else 0.0,
                "share_oppose": n_o / n_group if n_group else 0.0,
                "n_text_voices": sum(1 for d in vs.values() if d["text"]),
                "n_closed": len(closed_st),
                "n_closed_support": sum(1 for c in closed_st if c in ("support", "conditional")),
                "n_closed_oppose": sum(1 for c in closed_st if c == "oppose"),
                "mean_rating": float(np.mean(rts)) if rts else np.nan,
                "n_campaigns": len(camps),
                "campaign_sizes": json.dumps({c: camp_size[c] for c in camps}, sort_keys=True),
                "strength": round(strength, 4),
                "net_support": round((n_s + 0.5 * n_c - n_o) / pos, 4) if pos else 0.0,
                "contestedness": round(contest, 4),
                "weak": bool(pos < min_voices or strength < 0.5),
                "contested": bool(pos > 0 and contest >= 0.5),
                "top_evidence_ids": [t[0] for t in top], "top_quotes": [t[1] for t in top],
            })
    if not rows:
        return cs.empty(ELEMENT_SUMMARY)
    return cs.conform(pd.DataFrame(rows), ELEMENT_SUMMARY)


def _diverse_quotes(recs: Sequence[tuple[str, str, str, str, str, str]], k: int
                    ) -> list[tuple[str, str]]:
    """Up to ``k`` quotes, round-robin over languages and stakeholder types, one per voice.

    ``recs`` are ``(evidence_id, voice, voice group, stakeholder type, language, quote)`` in
    decreasing score order.
    """
    if not recs:
        return []
    buckets: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for eid_, v, _g, st, lang, q in recs:
        buckets[(st, lang)].append((eid_, v, q))
    # interleave languages first (English answers dominate), then stakeholder groups
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for b in sorted(buckets, key=lambda b: (-len(buckets[b]), b)):
        by_lang[b[1]].append(b)
    langs = sorted(by_lang, key=lambda lg: (-sum(len(buckets[b]) for b in by_lang[lg]), lg))
    order: list[tuple[str, str]] = []
    for i in range(max(len(v) for v in by_lang.values())):
        order.extend(by_lang[lg][i] for lg in langs if i < len(by_lang[lg]))
    out: list[tuple[str, str]] = []
    seen_voice: set[str] = set()
    seen_quote: set[str] = set()
    pointers = dict.fromkeys(order, 0)
    while len(out) < k and any(pointers[b] < len(buckets[b]) for b in order):
        for b in order:
            while pointers[b] < len(buckets[b]):
                eid_, v, q = buckets[b][pointers[b]]
                pointers[b] += 1
                if v in seen_voice or q in seen_quote:
                    continue
                seen_voice.add(v)
                seen_quote.add(q)
                out.append((eid_, q))
                break
            if len(out) >= k:
                break
    return out


def tokens_of(text: str, lang: str | None) -> tuple[Token, ...]:
    """Tokens of a text (helper for notebooks)."""
    return tokenize(text, lang)
