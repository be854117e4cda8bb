import itertools
import json

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz

from consultation import schema
from consultation.enrich.campaigns import (
    CampaignDetector,
    band_keys,
    detect_campaigns,
    lsh_candidate_pairs,
    minhash_signatures,
    normalise_texts,
)
from consultation.errors import ParameterError, SchemaError
from tests.conftest import SAMPLE, shared

LETTER = (
    "We ask the Commission to recognise learning outside formal education in the European "
    "approach to micro-credentials. Volunteering and youth work build competences that deserve "
    "the same recognition as a university module. A closed list of trusted providers would "
    "shut out small non-formal learning providers, so we oppose such a list. Micro-credentials "
    "must remain the property of the learner and be free of charge to store and share."
)
OTHER = [
    "Quality assurance should rely on the existing agencies registered in EQAR, because they "
    "already review higher education institutions and know the standards and guidelines well. "
    "Adding a new layer for short courses would create cost without making them more credible.",
    "Our chamber of commerce supports stackable credentials for adult workers in industry. "
    "Employers need to read a credential quickly: the learning outcomes, the workload and the "
    "level should be stated on one page, in the same order in every Member State, please.",
    "I am a nurse and took three online courses last year. None of them was recognised by my "
    "employer or my union, and I paid for all of them myself. A voucher from the state or the "
    "EU would have helped me a lot, and a clear list of serious providers would help too.",
    "Funding should reach learners directly through individual learning accounts. Universities "
    "already receive enough money for their own programmes, while low-qualified adults and the "
    "unemployed rarely hear about the training that could move their careers forward at all.",
    "Digital wallets are the right place to store credentials, as long as they follow open "
    "standards such as the European Digital Credentials for Learning and remain interoperable "
    "with national systems that many countries have built over the last ten years or so.",
]


def tables(rows, responses=None):
    answers = pd.DataFrame(rows, columns=["response_id", "question_id", "value"])
    questions = pd.DataFrame({"question_id": ["q1", "q2", "q3", "c1"],
                              "kind": ["free_text", "free_text", "free_text", "single_choice"],
                              "text": ["Q1", "Q2", "Q3", "C1"]})
    ids = sorted(set(answers["response_id"]))
    if responses is None:
        responses = pd.DataFrame({
            "response_id": ids,
            "stakeholder_type": ["ngo" if i % 2 else "eu_citizen" for i in range(len(ids))],
            "language": "en",
            "publication": ["public" if i % 3 else "anonymous" for i in range(len(ids))],
            "submitted_at": pd.date_range("2021-05-01", periods=len(ids), freq="D", tz="UTC"),
        })
    return answers, questions, responses


def edited(text, greeting="Dear colleagues,", swap=("deserve", "merit")):
    return f"{greeting} {text.replace(*swap)} Kind regards"


def campaign_rows():
    rows = [(f"r{i:02d}", "q1", LETTER) for i in range(4)]  # exact copies
    rows += [("r04", "q1", edited(LETTER)), ("r05", "q1", edited(LETTER, "Hello,", ("so", "and")))]
    rows += [(f"r{10 + i:02d}", "q1", t) for i, t in enumerate(OTHER)]
    # stock answers shared by everyone must not link anybody
    rows += [(f"r{i:02d}", "q3", "See attached position paper.") for i in range(16)]
    rows += [(f"r{10 + i:02d}", "c1", "Yes") for i in range(5)]
    return rows


def members_of(det):
    return {cid: sorted(g["response_id"]) for cid, g in det.members_.groupby("campaign_id")}


def test_exact_and_edited_copies_form_one_campaign_and_stock_answers_link_nobody():
    a, q, r = tables(campaign_rows())
    det = CampaignDetector().fit(a, q, r)
    assert members_of(det) == {"C001": [f"r{i:02d}" for i in range(6)]}
    c = det.campaigns_.iloc[0]
    assert c["size"] == 6 and c["n_exact"] == 4 and c["n_near"] == 2 and c["n_translated"] == 0
    assert c["representative_text"] == LETTER
    assert c["question_ids"] == ["q1"]
    assert json.loads(c["stakeholder_mix"]) == {"eu_citizen": 3, "ngo": 3}
    assert c["first_submitted_at"] == pd.Timestamp("2021-05-01", tz="UTC")
    variants = det.members_.set_index("response_id")["variant"]
    assert (variants[["r00", "r01", "r02", "r03"]] == "exact").all()
    assert (variants[["r04", "r05"]] == "near").all()
    assert det.members_["similarity"].between(0.8, 1.0).all()
    assert "see attached position paper" in set(det.stock_["text"])


def test_outputs_follow_the_schemas_and_inputs_are_not_modified():
    a, q, r = tables(campaign_rows())
    before = [x.copy() for x in (a, q, r)]
    camps, members = detect_campaigns(a, q, r)
    for x, y in zip((a, q, r), before, strict=True):
        pd.testing.assert_frame_equal(x, y)
    assert list(camps.columns[:11]) == schema.SCHEMAS["campaigns"].names
    assert list(members.columns[:4]) == schema.SCHEMAS["campaign_members"].names
    assert members["response_id"].is_unique
    assert camps["languages"].iloc[0] == ["en"]


def test_below_min_size_is_not_a_campaign():
    rows = [("r1", "q1", LETTER), ("r2", "q1", LETTER)] + [
        (f"x{i}", "q1", t) for i, t in enumerate(OTHER)]
    a, q, r = tables(rows)
    assert CampaignDetector().fit(a, q, r).campaigns_.empty
    assert len(CampaignDetector(min_size=2).fit(a, q, r).campaigns_) == 1


def test_copies_in_another_question_and_split_copies_are_found():
    half = LETTER.index("A closed list")
    first, second = LETTER[:half].strip(), LETTER[half:].strip()
    rows = [("r1", "q1", LETTER), ("r2", "q1", LETTER),
            ("r3", "q2", LETTER),                                # copy left q1 empty
            ("r4", "q1", first), ("r4", "q2", second),            # copy split over questions
            ("r5", "q1", first), ("r5", "q2", second)]
    rows += [(f"x{i}", "q1", t) for i, t in enumerate(OTHER)]
    a, q, r = tables(rows)
    det = CampaignDetector().fit(a, q, r)
    assert members_of(det) == {"C001": ["r1", "r2", "r3", "r4", "r5"]}
    assert det.campaigns_["question_ids"].iloc[0] == ["q1", "q2"]


def test_texts_recombining_the_same_sentences_are_not_a_campaign():
    sents = [s + "." for s in LETTER.rstrip(".").split(". ")]
    rows = []
    for i, perm in enumerate(itertools.islice(itertools.permutations(sents), 1, 40, 9)):
        rows.append((f"r{i}", "q1", " ".join(perm)))
    a, q, r = tables(rows)
    texts = normalise_texts(a["value"]).tolist()
    assert max(fuzz.ratio(texts[0], t) for t in texts[1:]) < 85  # reordered: low ratio
    assert CampaignDetector().fit(a, q, r).campaigns_.empty


def test_representative_text_is_quoted_from_redacted_answers():
    rows = [(f"r{i}", "q1", "My name is Jan Kowalski. " + LETTER) for i in range(3)]
    a, q, r = tables(rows)
    red = a.rename(columns={"value": "text"}).assign(
        text=lambda d: d["text"].str.replace("Jan Kowalski", "[PERSON]"))
    det = CampaignDetector().fit(a, q, r, redacted_answers=red)
    rep = det.campaigns_["representative_text"].iloc[0]
    assert "[PERSON]" in rep and "Kowalski" not in rep
    # the representative respondent is a public one when one uses the medoid text
    pub = r.set_index("response_id")["publication"]
    assert pub[det.campaigns_["representative_response_id"].iloc[0]] == "public"


def test_deterministic_and_ordered_by_size():
    rows = campaign_rows() + [(f"b{i}", "q2", OTHER[0] + " " + OTHER[1]) for i in range(8)]
    a, q, r = tables(rows)
    one = CampaignDetector().fit(a, q, r)
    two = CampaignDetector().fit(a.sample(frac=1, random_state=1), q, r)
    pd.testing.assert_frame_equal(one.campaigns_, two.campaigns_)
    pd.testing.assert_frame_equal(one.members_, two.members_)
    assert list(one.campaigns_["campaign_id"]) == ["C001", "C002"]
    assert list(one.campaigns_["size"]) == [8, 6]


@pytest.mark.parametrize("kw, name", [
    ({"threshold": 2}, "threshold"), ({"num_perm": 4}, "num_perm"),
    ({"min_size": 1}, "min_size"), ({"min_chars": 0}, "min_chars"),
    ({"translated": "yes"}, "translated"), ({"shingle_size": 2.5}, "shingle_size"),
])
def test_parameters_are_validated(kw, name):
    a, q, r = tables(campaign_rows())
    with pytest.raises(ParameterError, match=f"'{name}' parameter must be") as exc:
        CampaignDetector(**kw).fit(a, q, r)
    assert "Got" in str(exc.value)


def test_missing_columns_are_named():
    a, q, r = tables(campaign_rows())
    with pytest.raises(SchemaError, match="'value'"):
        CampaignDetector().fit(a.rename(columns={"value": "text"}), q, r)


def test_minhash_estimates_jaccard():
    rng = np.random.default_rng(0)
    words = "micro credentials quality europe learner provider recognition skills".split()
    texts = [" ".join(rng.choice(words, 60)) for _ in range(30)]
    texts += [t[: len(t) // 2] + " extra words here " + t[len(t) // 2:] for t in texts[:10]]
    sig = minhash_signatures(texts, num_perm=256, shingle_size=5, seed=0)
    assert sig.dtype == np.uint32 and sig.shape == (40, 256)

    def shingles(t):
        return {t[i:i + 5] for i in range(len(t) - 4)}

    err = []
    for i, j in itertools.combinations(range(40), 2):
        a, b = shingles(texts[i]), shingles(texts[j])
        err.append(abs(len(a & b) / len(a | b) - (sig[i] == sig[j]).mean()))
    assert np.mean(err) < 0.03 and np.max(err) < 0.15
    assert (minhash_signatures(texts[:3], seed=0) == minhash_signatures(texts[:3], seed=0)).all()


def test_lsh_candidate_pairs_connect_exactly_the_texts_that_share_a_bucket():
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    rng = np.random.default_rng(1)
    sig = rng.integers(0, 3, size=(60, 8)).astype(np.uint32)  # many shared buckets
    bands, rows = 4, 2
    pairs = lsh_candidate_pairs(sig, bands, rows)
    assert pairs.dtype == np.int64 and (pairs[:, 0] < pairs[:, 1]).all()
    assert np.array_equal(pairs, np.unique(pairs, axis=0))  # sorted, no repeats
    share = {(i, j) for i, j in itertools.combinations(range(60), 2)
             if any((sig[i, b * rows:(b + 1) * rows] == sig[j, b * rows:(b + 1) * rows]).all()
                    for b in range(bands))}
    found = set(map(tuple, pairs.tolist()))
    assert found <= share and len(found) < len(share)  # star and chain, not every pair

    def components(edges):
        e = np.array(sorted(edges)).reshape(-1, 2)
        g = sparse.coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(60, 60))
        return connected_components(g, directed=False)[1]

    # per band, the buckets are connected exactly as by all their pairs
    for b in range(bands):
        same_band = {(i, j) for i, j in share
                     if (sig[i, b * rows:(b + 1) * rows] == sig[j, b * rows:(b + 1) * rows]).all()}
        one = lsh_candidate_pairs(sig[:, b * rows:(b + 1) * rows], 1, rows)
        assert np.array_equal(components(map(tuple, one.tolist())), components(same_band))
    # a key depends on a text's own values only
    assert np.array_equal(band_keys(sig, 2, rows)[10:20], band_keys(sig[10:20], 2, rows))


def test_hooks_carry_the_heavy_steps_and_change_nothing():
    a, q, r = tables(campaign_rows())
    calls = []

    def map_texts(fn, texts):  # two chunks, joined in order
        calls.append(("map", len(texts)))
        return np.concatenate([fn(texts[:3]), fn(texts[3:])])

    def lsh_pairs(sig, bands, rows):
        calls.append(("lsh", sig.shape[0]))
        return lsh_candidate_pairs(sig, bands, rows)

    local = CampaignDetector().fit(a, q, r)
    hooked = CampaignDetector().fit(a, q, r, map_texts=map_texts, lsh_pairs=lsh_pairs)
    n_texts = local.stats_["n_texts"]
    assert calls == [("map", n_texts), ("lsh", n_texts)]
    pd.testing.assert_frame_equal(hooked.campaigns_, local.campaigns_)
    pd.testing.assert_frame_equal(hooked.members_, local.members_)
    camp, _ = detect_campaigns(a, q, r, lsh_pairs=lambda *x: np.empty((0, 2), np.int64))
    assert len(camp) == 1  # exact copies only: the edited ones needed the LSH pairs
    with pytest.raises(ParameterError, match="'lsh_pairs' parameter must be a callable"):
        CampaignDetector().fit(a, q, r, lsh_pairs="dask")


def test_normalise_texts():
    s = pd.Series(["  Dear CMS &amp; Co.,\n\nSEE   attached!  ", None, "Élève—très_bien"])
    assert normalise_texts(s).tolist() == ["dear cms co see attached", "", "élève très bien"]


def test_regulations_gov_form_letter():
    from consultation.ingest import ingest

    t = ingest([shared("regulations_gov_CMS-2022-0163")]).tables
    det = CampaignDetector().fit(t["answers"], t["questions"], t["responses"])
    a = t["answers"]
    form = a["value"].mode().iloc[0]
    # silver truth, conservative: very close to the most common comment
    silver = set(a.loc[a["value"].map(lambda v: fuzz.ratio(v, form) >= 90), "response_id"])
    assert len(silver) >= 190
    biggest = det.members_[det.members_["campaign_id"] == "C001"]
    found = set(biggest["response_id"])
    assert silver <= found
    # every member carries the form letter's wording (edited copies included)
    texts = a[a["response_id"].isin(found)].groupby("response_id")["value"].first()
    assert texts.map(lambda v: fuzz.partial_ratio(v[:400], form[:400]) >= 60).mean() > 0.95
    assert det.campaigns_["size"].iloc[0] == len(found) <= 230
    assert det.campaigns_["n_exact"].iloc[0] >= 120
    assert (det.campaigns_["size"].iloc[1:] <= 5).all()


def test_have_your_say_has_no_large_campaign():
    from consultation.ingest import ingest

    t = ingest([shared("hys_ai_act_2021")]).tables
    det = CampaignDetector().fit(t["answers"], t["questions"], t["responses"])
    assert len(det.campaigns_) <= 2
    assert (det.campaigns_["size"] < 10).all()


@pytest.mark.skipif(not (SAMPLE / "truth" / "campaigns.csv").exists(),
                    reason="micro-credentials sample not generated")
def test_sample_truth_pair_precision_and_recall():
    from consultation.ingest import ingest

    t = ingest([SAMPLE]).tables
    truth = pd.read_csv(SAMPLE / "truth" / "campaigns.csv", dtype=str)
    truth["response_id"] = "eusurvey:" + truth["reference"]
    det = CampaignDetector().fit(t["answers"], t["questions"], t["responses"])

    def pairs(df):
        return {p for _, g in df.groupby("campaign_id")
                for p in itertools.combinations(sorted(g["response_id"]), 2)}

    pred, true = pairs(det.members_), pairs(truth)
    tp = len(pred & true)
    assert tp / len(pred) >= 0.95 and tp / len(true) >= 0.95
    translated = set(truth.loc[truth["variant"] == "translated", "response_id"])
    got = det.members_.set_index("response_id")["variant"]
    assert (got.reindex(sorted(translated)) == "translated").mean() >= 0.8
    # without the translation step the translated copies are not joined to campaign A
    plain = CampaignDetector(translated=False).fit(t["answers"], t["questions"], t["responses"])
    pm = plain.members_.set_index("response_id")["campaign_id"]
    a_cid = pm.reindex(truth.loc[truth["variant"] == "exact", "response_id"]).mode().iloc[0]
    assert not translated & set(pm.index[pm == a_cid])
    assert len(pairs(plain.members_) & true) < tp


def test_no_free_text_gives_empty_tables():
    a, q, r = tables([("r1", "c1", "Yes"), ("r2", "q1", "Too short to matter.")])
    det = CampaignDetector().fit(a, q, r)
    assert det.campaigns_.empty and det.members_.empty and det.pairs_.empty
    assert list(det.campaigns_.columns[:11]) == schema.SCHEMAS["campaigns"].names


FR_LETTER = (
    "Nous demandons à la Commission de reconnaître l'apprentissage en dehors de l'éducation "
    "formelle, conformément à la recommandation du Conseil de 2012 sur la validation. Les "
    "crédits ECTS ne doivent pas être obligatoires pour les micro-certifications des "
    "organisations de jeunesse. Le programme Erasmus+ devrait financer la certification du "
    "volontariat et de l'animation socio-éducative, et une liste fermée de prestataires "
    "exclurait les petites organisations non formelles de notre réseau européen EYF-21."
)
EN_LETTER = (
    "We ask the Commission to recognise learning outside formal education, in line with the "
    "2012 Council recommendation on validation. ECTS credits must not be mandatory for "
    "micro-credentials from youth organisations. The Erasmus+ programme should fund the "
    "certification of volunteering and youth work, and a closed list of providers would "
    "exclude the small non-formal organisations of our European network EYF-21."
)


def test_translated_copy_joins_when_it_shares_rare_anchors():
    rows = [(f"r{i}", "q1", EN_LETTER) for i in range(3)] + [("f1", "q1", FR_LETTER)]
    other_fr = ("Les crédits ECTS sont utiles pour les universités et Erasmus+ finance déjà "
                "beaucoup de mobilité. Nous souhaitons surtout des normes de qualité communes, "
                "des portefeuilles numériques interopérables et une reconnaissance rapide des "
                "micro-certifications par les employeurs dans tous les États membres de l'UE.")
    rows += [("f2", "q1", other_fr)] + [(f"x{i}", "q1", t) for i, t in enumerate(OTHER)]
    a, q, r = tables(rows)
    r = r.assign(language=["fr" if x.startswith("f") else "en" for x in r["response_id"]])
    det = CampaignDetector().fit(a, q, r)
    got = det.members_.set_index("response_id")["variant"]
    assert sorted(got.index) == ["f1", "r0", "r1", "r2"]
    assert got["f1"] == "translated"
    assert det.campaigns_["languages"].iloc[0] == ["en", "fr"]
    assert det.campaigns_["n_translated"].iloc[0] == 1
    assert CampaignDetector(translated=False).fit(a, q, r).members_["response_id"].tolist() \
        == ["r0", "r1", "r2"]


SHARED = (
    "Micro-credentials should be described with the same elements everywhere in the Union: the "
    "learning outcomes, the workload in hours, the level, the form of assessment and the name "
    "of the awarding body. Employers and universities can then compare a short course taken "
    "in Porto with one taken in Tallinn without calling anybody. The same description should "
    "travel with the credential when the learner stores it in a wallet."
)
ASK_A = (
    "We therefore ask for a single European register of providers, kept by the Commission and "
    "open to public and private bodies alike, with a yearly review of every provider listed. "
    "Learners who pay for a course that is not in the register should be warned before they "
    "enrol, in their own language and in plain words, by the platform selling the course."
)
ASK_B = (
    "Funding is the real barrier for adults in low-paid work: a voucher of five hundred euro per "
    "year, spent only on courses that carry these elements, would reach the people who need "
    "training most. Trade unions and chambers of commerce should help to pick the courses, and "
    "the voucher should follow the worker from one employer to the next without any paperwork."
)


def test_a_short_text_contained_in_two_campaigns_does_not_bridge_them():
    # two campaigns share a passage; a background answer quoting only that passage is
    # contained in both: it joins at most one of them, and the campaigns stay apart
    letter_a, letter_b = f"{SHARED} {ASK_A}", f"{SHARED} {ASK_B}"
    rows = [(f"a{i}", "q1", letter_a) for i in range(4)]
    rows += [(f"b{i}", "q1", letter_b) for i in range(3)]
    rows += [("s0", "q1", SHARED)] + [(f"x{i}", "q1", t) for i, t in enumerate(OTHER)]
    a, q, r = tables(rows)
    det = CampaignDetector().fit(a, q, r)
    got = members_of(det)
    assert len(got) == 2
    assert got["C002"] == ["b0", "b1", "b2"]
    assert set(got["C001"]) - {"s0"} == {"a0", "a1", "a2", "a3"}
    assert det.members_["response_id"].is_unique
    # every containment link ends at one campaign's medoid: nothing chains through s0
    contained = det.pairs_[det.pairs_["kind"] == "contained"]
    assert contained["response_id_a"].is_unique
    assert set(contained["response_id_b"]) <= set(got["C001"])


def test_a_campaign_of_similar_size_in_another_language_is_not_folded_in():
    # translated copies join a campaign when they are a minority of it; two campaigns of
    # similar size in two languages stay apart even when they share rare anchors
    def fit(n_fr):
        rows = [(f"r{i}", "q1", EN_LETTER) for i in range(4)]
        rows += [(f"f{i}", "q1", FR_LETTER) for i in range(n_fr)]
        rows += [(f"x{i}", "q1", t) for i, t in enumerate(OTHER)]
        a, q, r = tables(rows)
        r = r.assign(language=["fr" if x.startswith("f") else "en" for x in r["response_id"]])
        return CampaignDetector().fit(a, q, r)

    det = fit(3)
    assert members_of(det) == {"C001": ["r0", "r1", "r2", "r3"], "C002": ["f0", "f1", "f2"]}
    assert (det.campaigns_["n_translated"] == 0).all()
    # a single translated copy still joins
    assert members_of(fit(1)) == {"C001": ["f0", "r0", "r1", "r2", "r3"]}
