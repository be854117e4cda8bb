"""Tests of the topic model's fitting sample: stratified by group × language, then transform."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultation.errors import ParameterError, SchemaError
from consultation.topics import TopicModeller, _allocate, _auto_k, fit_topics
from tests.consultation.test_topics import corpus, tables_for


# -- allocation --------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(0, 400), min_size=1, max_size=12),
       n=st.integers(0, 2000), minimum=st.integers(1, 50))
def test_allocation_invariants(sizes, n, minimum):
    sizes = np.array(sizes)
    alloc = _allocate(sizes, n, minimum=minimum)
    assert alloc.sum() == min(n, sizes.sum())
    assert (alloc >= 0).all() and (alloc <= sizes).all()
    # every stratum gets its minimum (lowered so that all minimums fit)
    assert (alloc >= np.minimum(sizes, min(minimum, n // len(sizes)))).all()


def test_allocation_is_proportional_above_the_minimum():
    sizes = np.array([1000, 500, 300, 8, 3])
    alloc = _allocate(sizes, 200, minimum=20)
    assert alloc[3:].tolist() == [8, 3]                 # small strata: all their texts
    budget = 200 - 11
    want = budget * sizes[:3] / sizes[:3].sum()          # the rest: proportional
    assert np.abs(alloc[:3] - want).max() < 1 and alloc.sum() == 200
    # without a minimum: plain proportional allocation (largest remainder)
    plain = _allocate(sizes, 200, minimum=1)
    assert np.abs(plain - 200 * sizes / sizes.sum()).max() < 1
    assert (plain >= 1).all()


def test_auto_k_follows_the_corpus_not_the_sample():
    assert _auto_k(400, 5, 100) == _auto_k(400, 5) == 5
    assert _auto_k(400, 5, 12) == 2                     # but each topic can hold min size


# -- the model ---------------------------------------------------------------------------------
def stratified_corpus():
    """360 distinct texts: groups a (200), b (150), tiny (10); en and de."""
    texts, _ = corpus(n_per=120, seed=4)
    groups = ["a"] * 200 + ["b"] * 150 + ["tiny"] * 10
    rng = np.random.default_rng(0)
    order = rng.permutation(len(texts))               # groups spread over the themes
    texts = [texts[i] for i in order]
    langs = ["de" if i % 4 == 0 else "en" for i in range(len(texts))]
    return texts, langs, groups


def test_sample_is_stratified_by_group_and_language():
    texts, langs, groups = stratified_corpus()
    m = TopicModeller(n_topics=3, max_fit_docs=120, min_stratum_docs=10, seed=2).fit(
        texts, langs, strata=groups)
    st_ = m.strata_.set_index(["stratum", "language"])
    got = pd.DataFrame({"g": groups, "l": langs, "fit": m.in_fit_}).groupby(["g", "l"])
    pd.testing.assert_series_equal(st_["n_fit"], got["fit"].sum(), check_names=False,
                                   check_index_type=False, check_dtype=False)
    pd.testing.assert_series_equal(st_["n_distinct"], got.size(), check_names=False,
                                   check_dtype=False)
    assert m.in_fit_.sum() == m.quality_["n_fit"] == 120
    assert (st_["n_fit"] > 0).all()                       # every stratum represented
    tiny = st_.loc["tiny"]
    assert (tiny["n_fit"] == np.minimum(tiny["n_distinct"], 10)).all()
    # large strata: proportional to their distinct texts within one text
    big = st_.drop(index="tiny")
    budget = 120 - tiny["n_fit"].sum()
    want = budget * big["n_distinct"] / big["n_distinct"].sum()
    assert (big["n_fit"] - want).abs().max() < 1


def test_sample_is_deterministic_and_seeded():
    texts, langs, groups = stratified_corpus()

    def fit(seed):
        return TopicModeller(n_topics=3, max_fit_docs=100, seed=seed).fit(texts, langs,
                                                                          strata=groups)
    m1, m2, m3 = fit(0), fit(0), fit(1)
    np.testing.assert_array_equal(m1.in_fit_, m2.in_fit_)
    np.testing.assert_array_equal(m1.labels_, m2.labels_)
    assert (m1.in_fit_ != m3.in_fit_).any()
    pd.testing.assert_frame_equal(m1.strata_, m3.strata_)   # same allocation, other texts


def test_texts_outside_the_sample_are_transformed():
    texts, langs, groups = stratified_corpus()
    m = TopicModeller(n_topics=3, max_fit_docs=100, seed=0).fit(texts, langs, strata=groups)
    out = ~m.in_fit_
    assert out.sum() == len(texts) - 100
    rest = m.transform([t for t, o in zip(texts, out, strict=True) if o],
                       [lg for lg, o in zip(langs, out, strict=True) if o])
    np.testing.assert_array_equal(rest, m.labels_[out])
    assert set(rest) <= set(m.topic_ids_)


def test_distinct_text_takes_the_stratum_of_most_copies():
    texts, _ = corpus(n_per=10)
    dup = texts[0]
    all_texts = [*texts, dup, dup]
    groups = ["a"] * len(texts) + ["b", "b"]      # dup: once a, twice b
    m = TopicModeller(n_topics=3, max_fit_docs=20, min_stratum_docs=1, seed=0).fit(
        all_texts, "en", strata=groups)
    st_ = m.strata_.set_index("stratum")
    assert st_.loc["b", "n_distinct"] == 1 and st_.loc["a", "n_distinct"] == len(texts) - 1
    assert st_.loc["b", "n_fit"] == 1


def test_without_strata_the_sample_is_by_language():
    texts, langs, _ = stratified_corpus()
    m = TopicModeller(n_topics=3, max_fit_docs=100, seed=0).fit(texts, langs)
    assert m.strata_["stratum"].isna().all()
    assert sorted(m.strata_["language"]) == ["de", "en"]
    assert m.strata_["n_fit"].tolist() == [25, 75]        # 90 de, 270 en: proportional


@pytest.mark.parametrize("strata, message", [
    (["a"] * 3, "'strata' parameter must have one group per text (360). Got 3"),
    ("a", "'strata' parameter must be a sequence"),
])
def test_strata_errors(strata, message):
    texts, langs, _ = stratified_corpus()
    with pytest.raises(ParameterError) as exc:
        TopicModeller(max_fit_docs=100).fit(texts, langs, strata=strata)
    assert message in str(exc.value)


def test_fit_topics_stratifies_by_stakeholder_type():
    texts, truth = corpus(n_per=40)
    a, q, r, _ = tables_for(texts, truth)
    r["stakeholder_type"] = ["eu_citizen"] * 100 + ["ngo"] * 10 + ["company"] * 10
    res, models = fit_topics(a, q, r, n_topics=3, max_fit_docs=30, min_stratum_docs=5,
                             return_models=True)
    st_ = models["q1"].strata_.set_index("stratum")
    assert st_["n_distinct"].to_dict() == {"company": 10, "eu_citizen": 100, "ngo": 10}
    assert st_.loc["ngo", "n_fit"] == st_.loc["company", "n_fit"] == 5
    assert st_.loc["eu_citizen", "n_fit"] == 20
    asg = res["topic_assignments"]
    assert asg["in_fit"].sum() == 30 and (asg["topic_id"] >= 0).all()
    assert res["topic_quality"]["n_fit"].tolist() == [30]
    # stratify_by=None: by language only (proportional: 25 citizens of 30)
    _, models = fit_topics(a, q, r, n_topics=3, max_fit_docs=30, stratify_by=None,
                           return_models=True)
    assert models["q1"].strata_["stratum"].isna().all()
    with pytest.raises(SchemaError, match="country"):
        fit_topics(a, q, r, stratify_by="country")
