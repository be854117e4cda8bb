"""Tests of consultation.topics: metrics, TopicModeller, fit_topics, charts, saving."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest

from consultation import schema
from consultation.coding import load_codebook
from consultation.errors import InputError, ParameterError, SchemaError
from consultation.topics import (
    MINILM_SHA256,
    TOPICS,
    TOPICS_BY_GROUP,
    TopicModeller,
    chunk_texts,
    fit_topics,
    language_mix,
    lemma_tokens,
    load_model,
    minilm_available,
    npmi_coherence,
    plot_topics_by_group,
    save_model,
    topic_diversity,
    topics_by_group,
    verify_minilm,
)
from tests.conftest import FIXTURES, SAMPLE

THEMES = {
    "qa": "quality assurance accreditation agency audit standards review external internal",
    "money": "funding budget erasmus grant voucher money subsidy investment public",
    "wallet": "europass wallet digital storage share portable blockchain credential",
}
FILLER = "people think that this matters because the approach could really help everyone"


def corpus(n_per=30, seed=0, themes=THEMES):
    rng = np.random.default_rng(seed)
    texts, truth = [], []
    for name, words in themes.items():
        w = words.split()
        for i in range(n_per):
            picked = rng.choice(w, size=8, replace=True)
            texts.append(" ".join(picked) + f" {FILLER.split()[i % 12]} case{i}")
            truth.append(name)
    return texts, truth


def purity(labels, truth):
    df = pd.DataFrame({"l": labels, "t": truth})
    return df.groupby("l")["t"].agg(lambda s: s.value_counts().iloc[0]).sum() / len(df)


# -- metrics -----------------------------------------------------------------------------------
def brute_npmi(topic, texts, window=10, eps=1e-12):
    rel = set(topic)
    wins = []
    for t in texts:
        if rel & set(t):
            wins += [set(t[i:i + window]) for i in range(max(1, len(t) - window + 1))]
    n = len(wins)
    vals = []
    for a, b in itertools.permutations(topic, 2):
        pa = sum(a in w for w in wins) / n
        pb = sum(b in w for w in wins) / n
        pab = sum(a in w and b in w for w in wins) / n
        vals.append(math.log((pab + eps) / (pa * pb)) / -math.log(pab + eps))
    return float(np.mean(vals))


def test_npmi_matches_definition():
    texts = [["a", "b", "c"], ["a", "b"], ["c", "d"] * 8, ["x"], ["a"] + ["z"] * 12 + ["b"]]
    for topic in (["a", "b"], ["a", "c", "d"], ["b", "d"]):
        assert npmi_coherence([topic], texts)[0] == pytest.approx(brute_npmi(topic, texts))
    # always together: 1; never together: close to -1
    one = [["p", "q"] + ["r"] * 20]
    assert npmi_coherence([["p", "q"]], one)[0] == pytest.approx(math.log(6.5) / math.log(13))
    assert npmi_coherence([["p", "q"]], [["p", "q"]] * 3)[0] == pytest.approx(1.0)
    assert npmi_coherence([["p", "q"]], [["p"], ["q"]])[0] < -0.9
    assert npmi_coherence([["only"]], texts)[0] != npmi_coherence([["only"]], texts)[0]  # nan


def test_diversity_and_language_mix():
    assert topic_diversity([["a", "b"], ["a", "c"]], top_n=2) == 0.75
    assert math.isnan(topic_diversity([]))
    p, nmi = language_mix(np.array([0, 0, 1, 1, -1]), ["en", "en", "de", "de", "fr"])
    assert p == 1.0 and nmi == pytest.approx(1.0)
    p, nmi = language_mix(np.array([0, 1, 0, 1]), ["en", "en", "de", "de"])
    assert p == 0.5 and nmi == pytest.approx(0.0)


def test_lemma_tokens_and_chunks():
    toks = lemma_tokens(["The courses were expensive, and the Providers"], "en")
    assert toks == [["course", "expensive", "provider"]]
    toks = lemma_tokens(["Die Kurse sind teuer [PERSON]"], "de")[0]
    assert "die" not in toks and "sind" not in toks
    text = ("Title line\n" + "word " * 30 + "end.\n\n" + "Second para " * 10 + ".\n\n"
            + ("Long sentence here. " * 80))
    chunks = chunk_texts(text, min_words=40, max_words=200)
    assert all(40 <= len(c.split()) <= 200 for c in chunks)
    assert chunks[0].startswith("Title line word")
    assert chunk_texts("too short", min_words=40) == []


# -- TopicModeller -----------------------------------------------------------------------------
def test_modeller_recovers_themes_deterministically():
    texts, truth = corpus()
    texts0 = list(texts)
    m1 = TopicModeller(n_topics=3, seed=0).fit(texts, "en")
    assert texts == texts0
    assert purity(m1.labels_, truth) == 1.0
    m2 = TopicModeller(n_topics=3, seed=0).fit(texts, "en")
    np.testing.assert_array_equal(m1.labels_, m2.labels_)
    pd.testing.assert_frame_equal(m1.topics_, m2.topics_)
    t = m1.topics_
    assert list(t["topic_id"]) == [0, 1, 2]
    kw = {tuple(sorted(k[:3])) for k in t["keywords"]}
    assert len(kw) == 3
    q = m1.quality_
    assert q["n_topics"] == 3 and q["outlier_share"] == 0 and q["npmi"] > 0
    assert 0 < q["diversity"] <= 1
    # transform: new texts go to the matching theme
    new = ["erasmus grant funding budget", "wallet europass digital storage"]
    got = m1.transform(new, "en")
    by_theme = {truth[i]: m1.labels_[i] for i in range(len(truth))}
    assert list(got) == [by_theme["money"], by_theme["wallet"]]
    # the representative of a topic belongs to it
    for row in t.itertuples():
        assert all(m1.labels_[i] == row.topic_id for i in row.representatives)


def test_modeller_sampling_and_duplicates():
    texts, truth = corpus(n_per=40)
    texts = texts + texts[:10]                  # exact duplicates
    m = TopicModeller(n_topics=3, max_fit_docs=60, seed=1).fit(texts, "en")
    assert m.quality_["n_fit"] == 60 and m.quality_["n_distinct"] == 120
    assert m.in_fit_.sum() >= 60 and (~m.in_fit_).any()
    assert purity(m.labels_[:120], truth) > 0.95
    np.testing.assert_array_equal(m.labels_[120:], m.labels_[:10])


@pytest.mark.parametrize("params, message", [
    ({"n_topics": 1}, "'n_topics' parameter must be an int in [2, inf) or 'auto'"),
    ({"reduction": "pcaa"}, "did you mean 'pca'"),
    ({"clustering": "dbscan"}, "'clustering' parameter must be a str among"),
    ({"min_topic_size": 0}, "'min_topic_size' parameter must be an int in [2, inf). Got 0"),
    ({"keyword_relevance": 2}, "'keyword_relevance' parameter must be a float in [0, 1]"),
    ({"backend": "bert"}, "'backend' parameter"),
])
def test_modeller_parameter_errors(params, message):
    texts, _ = corpus(n_per=5)
    with pytest.raises(ParameterError) as exc:
        TopicModeller(**params).fit(texts)
    assert message in str(exc.value)


def test_precomputed_embeddings_and_hdbscan():
    rng = np.random.default_rng(0)
    texts, truth = corpus(n_per=20)
    centres = rng.normal(size=(3, 16)) * 5
    emb = np.vstack([centres[i // 20] + rng.normal(size=16) * 0.2 for i in range(60)])
    m = TopicModeller(backend="precomputed", n_topics=3).fit(texts, "en", embeddings=emb)
    assert purity(m.labels_, truth) == 1.0
    assert list(m.transform(texts[:3], "en", embeddings=emb[:3])) == list(m.labels_[:3])
    with pytest.raises(ParameterError, match="needs the 'embeddings'"):
        TopicModeller(backend="precomputed").fit(texts, "en")
    h = TopicModeller(backend="precomputed", clustering="hdbscan", min_topic_size=5,
                      reduce_outliers=True).fit(texts, "en", embeddings=emb)
    assert h.quality_["n_topics"] == 3 and purity(h.labels_, truth) == 1.0


def test_codebook_guides_and_bridges_languages():
    cb = load_codebook()
    en = ["Quality assurance by an accredited agency is essential for trust.",
          "External quality assurance and accreditation of every provider.",
          "Funding from Erasmus+ and the ESF+ should support providers.",
          "Public funding and individual learning accounts are needed."] * 6
    de = ["Qualitätssicherung durch eine Akkreditierungsagentur ist unerlässlich.",
          "Die Finanzierung über Erasmus+ und ESF+ sollte Anbieter fördern."] * 6
    texts = en + de
    langs = ["en"] * len(en) + ["de"] * len(de)
    m = TopicModeller(n_topics=2, codebook=cb, min_topic_size=3).fit(texts, langs)
    t = m.topics_.set_index("topic_id")
    assert set(t["seed_code_id"].dropna()) <= {"quality_assurance", "funding"}
    assert set(t["code_id"].dropna()) == {"quality_assurance", "funding"}
    # German QA texts land with English QA texts (not in a German topic)
    qa_topic = t.index[t["code_id"] == "quality_assurance"][0]
    assert m.labels_[len(en)] == qa_topic
    assert m.quality_["language_nmi"] < 0.2


# -- fit_topics, by group, charts, saving ------------------------------------------------------
def tables_for(texts, truth, campaign=()):
    n = len(texts)
    answers = pd.DataFrame({"response_id": [f"r{i:03d}" for i in range(n)], "question_id": "q1",
                            "value": texts})
    answers = pd.concat([answers, pd.DataFrame({"response_id": ["r000"], "question_id": ["c1"],
                                                "value": ["Yes"]})], ignore_index=True)
    questions = pd.DataFrame({"question_id": ["q1", "c1"], "kind": ["free_text", "single_choice"],
                              "text": ["What do you think?", "Agree?"]})
    groups = ["ngo", "company", "eu_citizen"]
    responses = pd.DataFrame({"response_id": [f"r{i:03d}" for i in range(n)],
                              "stakeholder_type": [groups[i % 3] for i in range(n)],
                              "language": "en",
                              "publication": ["public" if i % 2 else "anonymous"
                                              for i in range(n)]})
    cm = pd.DataFrame({"response_id": list(campaign), "campaign_id": "C001"})
    return answers, questions, responses, cm


def test_fit_topics_tables(tmp_path):
    texts, truth = corpus(n_per=20)
    texts[-1] = "ok"                              # too short to model
    camp = [f"r{i:03d}" for i in range(3)]        # three members of one campaign
    a, q, r, cm = tables_for(texts, truth, campaign=camp)
    a0 = a.copy()
    res = fit_topics(a, q, r, campaign_members=cm, n_topics=3, seed=0)
    pd.testing.assert_frame_equal(a, a0)
    for name in ("topics", "topic_assignments", "topics_by_group", "topic_quality"):
        schema.require(res[name], name)
    asg = res["topic_assignments"]
    assert len(asg) == 60 and set(asg["question_id"]) == {"q1"}
    assert asg.loc[asg["response_id"] == "r059", "topic_id"].item() == -1
    assert not asg.loc[asg["response_id"].isin(camp[1:]), "in_fit"].any()
    t = res["topics"]
    assert set(t["topic_id"]) == {-1, 0, 1, 2}
    # representatives are never anonymous respondents' unredacted answers
    pub = dict(zip(r["response_id"], r["publication"], strict=True))
    reps = t["representative_response_id"].dropna()
    assert len(reps) == 3 and {pub[x] for x in reps} == {"public"}
    bg = res["topics_by_group"]
    assert set(bg["campaigns"]) == {"all", "once"}
    alls = bg[bg["campaigns"] == "all"]
    assert alls["n"].sum() == 60
    once = bg[bg["campaigns"] == "once"]
    assert once["n"].sum() == 58
    sums = alls.groupby("group")["share"].sum()
    assert np.allclose(sums, 1.0)
    assert res["topic_quality"]["n_topics"].tolist() == [3]
    charts = plot_topics_by_group(bg, tmp_path, questions=q)
    assert len(charts) == 1 and charts["kind"].item() == "heatmap"
    assert (tmp_path / charts["png"].item()).stat().st_size > 1000
    assert (tmp_path / charts["svg"].item()).exists()
    assert "largest topic" in charts["alt_text"].item()


def test_fit_topics_with_redacted_text_and_stable_runs():
    texts, truth = corpus(n_per=15)
    texts = [t + " John Smith" if i % 2 == 0 else t for i, t in enumerate(texts)]
    a, q, r, _ = tables_for(texts, truth)
    red = a[a["question_id"] == "q1"].assign(text=lambda d: d["value"].str.replace(
        "John Smith", "[PERSON]"))[["response_id", "question_id", "text"]]
    res1 = fit_topics(a, q, r, redacted_answers=red, n_topics=3, seed=3)
    res2 = fit_topics(a.sample(frac=1, random_state=2), q, r, redacted_answers=red,
                      n_topics=3, seed=3)
    for k in res1:
        pd.testing.assert_frame_equal(res1[k].drop(columns=["seconds"], errors="ignore"),
                                      res2[k].drop(columns=["seconds"], errors="ignore"))
    t = res1["topics"]
    assert not t["representative_text"].str.contains("John").any()
    assert all("john" not in k and "smith" not in k for k in t["keywords"])


def test_topics_by_group_checks_inputs():
    with pytest.raises(SchemaError):
        topics_by_group(pd.DataFrame({"model_id": ["q1"]}), pd.DataFrame())
    with pytest.raises(ParameterError, match="'per' parameter"):
        fit_topics(*tables_for(*corpus(n_per=5))[:3], per="each")


def test_save_and_load_model(tmp_path):
    texts, _truth = corpus(n_per=15)
    m = TopicModeller(n_topics=3).fit(texts, "en")
    path = save_model(m, tmp_path / "models" / "topics_q1")
    for f in ("modeller.pkl", "topics.json", "config.json", "topic_embeddings.safetensors",
              "ctfidf.safetensors", "ctfidf_config.json"):
        assert (path / f).exists(), f
    topics = json.loads((path / "topics.json").read_text())
    assert set(topics["topic_representations"]) == {"0", "1", "2"}
    assert topics["topics"] == [int(x) for x in m.labels_]
    m2 = load_model(path)
    np.testing.assert_array_equal(m2.transform(texts, "en"), m.transform(texts, "en"))
    with pytest.raises(InputError):
        load_model(tmp_path)
    with pytest.raises(ParameterError, match="fitted"):
        save_model(TopicModeller(), tmp_path / "x")


def test_schemas_registered():
    assert TOPICS.name == "topics" and TOPICS_BY_GROUP.key == ()
    for name in ("topics", "topic_assignments", "topics_by_group", "topic_quality", "codes"):
        assert name in schema.SCHEMAS


@pytest.mark.skipif(not minilm_available(), reason="embeddings-en extra not installed")
def test_minilm_files_are_verified(tmp_path, monkeypatch):
    import hashlib

    from consultation import topics

    src = topics.minilm_model_dir()
    assert verify_minilm(src) == src
    # the pin is the official file (revision 1110a243), and the installed file hashes to it
    pinned = MINILM_SHA256["model.safetensors"]
    assert pinned.startswith("53aa5117") and len(pinned) == 64
    h = hashlib.sha256((src / "model.safetensors").read_bytes()).hexdigest()
    assert h == pinned

    def copy(dst, tamper=None, extra=None):
        for p in src.rglob("*"):
            if p.is_file():
                q = dst / p.relative_to(src)
                q.parent.mkdir(parents=True, exist_ok=True)
                if p.name == tamper:
                    data = bytearray(p.read_bytes())
                    data[len(data) // 2] ^= 0x01           # one bit flipped
                    q.write_bytes(bytes(data))
                else:
                    q.symlink_to(p)
        if extra:
            (dst / extra).write_text("print('hello')")
        return dst

    bad = copy(tmp_path / "tampered", tamper="model.safetensors")
    with pytest.raises(InputError, match=r"model\.safetensors \(sha256 [0-9a-f]{12}…, "
                                         r"expected 53aa51172d14…\)"):
        verify_minilm(bad)
    with pytest.raises(InputError, match=r"config\.json"):
        verify_minilm(copy(tmp_path / "config", tamper="config.json"))
    with pytest.raises(InputError, match=r"evil\.py \(unexpected\)"):
        verify_minilm(copy(tmp_path / "extra", extra="evil.py"))
    (tmp_path / "missing").mkdir()
    with pytest.raises(InputError, match=r"\.gitattributes \(missing\).* and 8 more"):
        verify_minilm(tmp_path / "missing")
    # the backend refuses to load a tampered model (before sentence-transformers sees it)
    monkeypatch.setattr(topics, "minilm_model_dir", lambda: bad)
    with pytest.raises(InputError, match="not the pinned ones"):
        topics.MiniLMBackend().transform(["Quality assurance matters."])


@pytest.mark.slow
@pytest.mark.shared_data
def test_sample_topics_are_stable_and_cross_lingual():
    if not SAMPLE.exists():
        pytest.skip("micro-credentials sample not available")
    from consultation.ingest import ingest

    t = ingest([SAMPLE]).tables
    cb = load_codebook()
    r1 = fit_topics(t["answers"], t["questions"], t["responses"], per="all", codebook=cb)
    r2 = fit_topics(t["answers"], t["questions"], t["responses"], per="all", codebook=cb)
    pd.testing.assert_frame_equal(r1["topic_assignments"], r2["topic_assignments"])
    q = r1["topic_quality"].iloc[0]
    assert q["n_topics"] >= 5 and q["language_nmi"] < 0.3


def test_fixture_eusurvey_small_runs():
    from consultation.ingest import ingest

    t = ingest([FIXTURES / "eusurvey_small"]).tables
    res = fit_topics(t["answers"], t["questions"], t["responses"], per="all", min_answers=5)
    asg = res["topic_assignments"]
    ft = t["answers"].merge(t["questions"][t["questions"]["kind"] == "free_text"],
                            on="question_id")
    assert len(asg) == ft["value"].notna().sum()
