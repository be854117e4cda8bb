"""Generate the synthetic micro-credentials consultation sample.

Usage:  python data/raw/microcredentials_2021_sample/generator/generate.py [--out DIR]

Writes contributions.csv, questionnaire.json, position_papers/, truth/ and README.md into the
sample folder (the parent of this generator folder). Deterministic: a fixed seed, sorted
iteration, fixed file dates; two runs give byte-identical files.
"""

import argparse
import csv
import datetime
import json
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
import random

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep the committed folder free of __pycache__

import campaigns  # noqa: E402
import people  # noqa: E402
import papers  # noqa: E402
import questionnaire as qn  # noqa: E402
import readme  # noqa: E402
from banks import BANKS, ELEMENT_IDS, stats as bank_stats  # noqa: E402
from compose import Composer, Span, weighted_choice  # noqa: E402

SEED = 20210420
GENERATOR_VERSION = "1.0"

TYPE_COUNTS = [
    ("EU Citizen", 165),
    ("Academic/Research Institution", 110),
    ("NGO (Non-governmental organisation)", 55),
    ("Company/Business organisation", 45),
    ("Public authority", 40),
    ("Business Association", 30),
    ("Other", 28),
    ("Trade Union", 15),
    ("Non-EU Citizen", 10),
    ("Consumer Organisation", 5),
    ("Environmental Organisation", 5),
]
LANG_COUNTS = [("en", 280), ("de", 56), ("fr", 46), ("es", 34), ("it", 28), ("pl", 22), ("nl", 18), ("pt", 15),
               ("sv", 6), ("el", 3)]
N_ANONYMOUS = 193
N_UPLOADS = 92
PAPER_FORMATS = [".pdf"] * 5 + [".docx"] * 4
GROUP = {
    "EU Citizen": "cit", "Non-EU Citizen": "cit", "Academic/Research Institution": "hei",
    "Company/Business organisation": "emp", "Business Association": "emp", "Trade Union": "union",
    "Public authority": "pub", "NGO (Non-governmental organisation)": "ngo", "Consumer Organisation": "ngo",
    "Environmental Organisation": "ngo", "Other": "other",
}
NATIVE_OF = {"Belgium": "fr", "Germany": "de", "Austria": "de", "Spain": "es", "Italy": "it", "Netherlands": "nl",
             "Portugal": "pt", "Poland": "pl", "France": "fr", "Luxembourg": "fr"}

# acronyms of real, well-known bodies that an invented organisation must not use
RESERVED_ACRONYMS = {"WTO", "WHO", "EUA", "ETF", "ILO", "UN", "EU", "ECB", "EIB", "OECD", "NATO", "EFTA", "ESU", "EVTA",
                     "ENQA", "EQAR", "ETUC", "ETUCE", "LLL", "EAEA", "EUCIS"}

COLUMNS, QUESTIONS = qn.build()
COL = {c["header"]: c["index"] for c in COLUMNS if c["header"] != qn.OTHER_SPECIFY}
FREE_TEXT = [(c["index"], c["topic"]) for c in COLUMNS if c["kind"] == "free_text" and c["header"] != qn.OTHER_SPECIFY]
OTHER_COLS = [c["index"] for c in COLUMNS if c["header"] == qn.OTHER_SPECIFY]
BARRIER_COL, BARRIER_OTHER_COL = COL[qn.Q_BARRIERS], OTHER_COLS[0]
PROVIDER_COL, PROVIDER_OTHER_COL = COL[qn.Q_PROVIDERS], OTHER_COLS[1]
DEF_COL = COL[qn.DEFINITION_TEXT]
ELEMENT_COLS = [c["index"] for c in COLUMNS if c["question"] == 11]
ROADMAP_COLS = [c["index"] for c in COLUMNS if c["question"] == 12]
UPLOAD_COL = COL[qn.Q_UPLOAD]
FINAL_COL = COL[qn.Q_FINAL]
TRUSTED_COL = COL[qn.Q_TRUSTED]
HELP_COL = COL[qn.Q_HELP]
CREDITS_COL = COL[qn.Q_CREDITS]
ALL_TEXT_COLS = sorted([c for c, _ in FREE_TEXT] + OTHER_COLS)


@dataclass
class Resp:
    idx: int
    user_type: str
    group: str
    lang: str
    anonymous: bool = False
    country: str = ""
    org: str = ""
    org_short: str = ""
    scope: str = ""
    size: str = ""
    tr: str = ""
    first: str = ""
    last: str = ""
    engagement: str = "normal"
    policy: str = "native"
    style: dict = field(default_factory=dict)
    profile: dict = field(default_factory=dict)
    used_keys: set = field(default_factory=set)
    campaign: str = ""
    campaign_variant: str = ""
    campaign_col: int = -1
    upload: str = ""
    paper_lang: str = ""
    cells: dict = field(default_factory=dict)
    cell_lang: dict = field(default_factory=dict)
    positions: list = field(default_factory=list)  # (col, eid, stance)
    doc_positions: list = field(default_factory=list)
    pd: list = field(default_factory=list)  # (col, start, end, text, type)
    dt: datetime.datetime = None
    ref: str = ""
    protected: set = field(default_factory=set)  # columns not to be touched by later edits

    @property
    def org_visible(self):
        return bool(self.org) and not self.anonymous and self.group != "cit"

    @property
    def voice(self):
        return "I" if self.group == "cit" else "we"


# ------------------------------------------------------------------ helpers
def wsample(rng, items, weights, k):
    """Weighted sample without replacement (Efraimidis-Spirakis), deterministic."""
    keyed = sorted(((rng.random() ** (1.0 / w) if w > 0 else -1.0), i) for i, w in enumerate(weights))
    chosen = [i for _, i in keyed[::-1][:k]]
    return [items[i] for i in sorted(chosen)]


def typo(rng, text):
    words = [m for m in re.finditer(r"\b[a-zà-ÿ]{6,}\b", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 3)
    if rng.random() < 0.6:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    else:
        w2 = w[:i] + w[i + 1:]
    return text[: m.start()] + w2 + text[m.end():]


def cell_language(rng, r):
    if r.policy == "native":
        return r.lang
    if r.policy == "english":
        return "en"
    if r.policy == "mixed":
        return "en" if rng.random() < 0.5 else r.lang
    return r.policy.split(":", 1)[1]


def apply_style(rng, r, lang, text):
    st = r.style
    if lang == "en":
        tail = st.get("mc_tail")
        if tail:
            text = re.sub(r"([Mm])icro-credential", lambda m: m.group(1) + tail, text)
        if st.get("curly"):
            text = text.replace("'", "\u2019")
        if st.get("lower"):
            text = text.lower()
    if lang == "fr" and st.get("nbsp"):
        text = re.sub(r" ([;:?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")
    if st.get("typos") and len(text) > 60 and rng.random() < 0.5:
        text = typo(rng, text)
    return text


def random_datetime(rng, lo=None, hi=None):
    start = datetime.date(2021, 4, 20)
    end = datetime.date(2021, 7, 13)
    if lo is None:
        days = [(start + datetime.timedelta(d)) for d in range((end - start).days + 1)]
        weights = []
        for d in days:
            to_end = (end - d).days
            w = 1.0
            if (d - start).days < 3:
                w = 2.5
            if to_end < 21:
                w = 2.5
            if to_end < 7:
                w = 4.0
            if to_end == 0:
                w = 9.0
            if d.weekday() >= 5:
                w *= 0.5
            weights.append(w)
        day = weighted_choice(rng, days, weights)
    else:
        day = lo + datetime.timedelta(rng.randint(0, (hi - lo).days))
    hours = list(range(24))
    hw = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4.5, 4.5, 3.5, 4, 4.5, 4.5, 4, 3.5, 2.5, 2.5, 2.5, 2.5, 2, 1.2]
    hour = weighted_choice(rng, hours, hw)
    return datetime.datetime(day.year, day.month, day.day, hour, rng.randint(0, 59))


# ------------------------------------------------------------------ respondents
def make_respondents(rng):
    types = [t for t, n in TYPE_COUNTS for _ in range(n)]
    rng.shuffle(types)
    langs = [lang for lang, n in LANG_COUNTS for _ in range(n)]
    # non-EU citizens answer in English; hand out the other languages to the rest
    n_non_eu = sum(1 for t in types if t == "Non-EU Citizen")
    pool = list(langs)
    for _ in range(n_non_eu):
        pool.remove("en")
    rng.shuffle(pool)
    resps = []
    it = iter(pool)
    for i, t in enumerate(types):
        lang = "en" if t == "Non-EU Citizen" else next(it)
        resps.append(Resp(i, t, GROUP[t], lang))

    # anonymity: citizens more often than organisations
    weights = [0.55 if r.group == "cit" else 0.27 for r in resps]
    for r in wsample(rng, resps, weights, N_ANONYMOUS):
        r.anonymous = True

    used_orgs = set()
    for r in resps:
        if r.user_type == "Non-EU Citizen":
            r.country = people.weighted(rng, people.NON_EU_COUNTRIES)
        else:
            r.country = people.weighted(rng, people.COUNTRIES[r.lang])
        name_lang = r.lang if r.lang != "en" else "en"
        r.first = rng.choice(people.FIRST[name_lang])
        r.last = rng.choice(people.SURNAMES[name_lang])
        if r.group != "cit":
            r.org = make_org(rng, r, used_orgs)
            caps = [w for w in re.split(r"[\s\-/,]+", r.org) if w[:1].isupper() and len(w) > 2]
            acr = "".join(w[0] for w in caps).upper()
            if len(caps) >= 3 and acr not in RESERVED_ACRONYMS and rng.random() < 0.4:
                r.org_short = acr
            else:
                r.org_short = r.org
            r.scope = people.weighted(rng, scope_weights(r))
            r.size = people.weighted(rng, size_weights(r))
            if r.user_type in ("Company/Business organisation", "Business Association", "NGO (Non-governmental organisation)",
                               "Trade Union", "Consumer Organisation", "Environmental Organisation", "Other") \
                    and rng.random() < 0.62:
                r.tr = f"{people.digits(rng, 12)}-{people.digits(rng, 2)}"
            elif r.user_type == "Academic/Research Institution" and rng.random() < 0.25:
                r.tr = f"{people.digits(rng, 12)}-{people.digits(rng, 2)}"
        # engagement
        if r.group == "cit":
            r.engagement = people.weighted(rng, [("minimal", 35), ("normal", 45), ("engaged", 20)])
        else:
            r.engagement = people.weighted(rng, [("minimal", 18), ("normal", 45), ("engaged", 37)])
        # writing policy
        x = rng.random()
        if r.lang in ("de", "fr", "es", "it", "pl", "nl", "pt"):
            r.policy = "english" if x < 0.10 else ("mixed" if x < 0.17 else "native")
        elif r.lang == "sv":
            r.policy = "native" if x < 0.5 else "english"
        elif r.lang == "el":
            r.policy = "native" if x < 0.34 else "english"
        # style
        if r.group == "cit":
            r.style["typos"] = rng.random() < 0.14
            r.style["lower"] = rng.random() < 0.04
        r.style["mc_tail"] = people.weighted(rng, [("", 12), ("icrocredential", 4), ("icro credential", 2),
                                                  ("icro-Credential", 1)])
        r.style["curly"] = rng.random() < 0.3
        r.style["nbsp"] = rng.random() < 0.45
    for lang in ("sv", "el"):
        first = next(r for r in resps if r.lang == lang)
        first.policy = "native"
        if first.engagement == "minimal":
            first.engagement = "normal"
    # a few English-declared respondents write in their own language
    cands = [r for r in resps if r.lang == "en" and r.country in NATIVE_OF and r.user_type != "Non-EU Citizen"]
    for r in rng.sample(cands, 5):
        r.policy = "other:" + NATIVE_OF[r.country]
    return resps


def scope_weights(r):
    if r.group == "pub":
        return [("Regional", 45), ("Local", 25), ("National", 30)]
    if r.group == "hei":
        return [("National", 55), ("International", 25), ("Regional", 20)]
    if r.group in ("ngo", "union"):
        return [("National", 45), ("International", 30), ("Regional", 15), ("Local", 10)]
    return [("National", 45), ("International", 25), ("Regional", 20), ("Local", 10)]


def size_weights(r):
    if r.user_type == "Company/Business organisation":
        return [(qn.SIZES[0], 20), (qn.SIZES[1], 25), (qn.SIZES[2], 25), (qn.SIZES[3], 30)]
    if r.group in ("hei", "pub"):
        return [(qn.SIZES[1], 10), (qn.SIZES[2], 25), (qn.SIZES[3], 65)]
    return [(qn.SIZES[0], 35), (qn.SIZES[1], 35), (qn.SIZES[2], 20), (qn.SIZES[3], 10)]


def make_org(rng, r, used):
    lang = r.lang
    templates = people.ORG_TEMPLATES.get(lang, {}).get(r.user_type)
    if not templates or (lang in ("sv", "el") and rng.random() < 0.5):
        lang = "en"
        templates = people.ORG_TEMPLATES["en"][r.user_type]
    for attempt in range(120):
        if attempt == 60:  # this language has run out of names for the type: fall back to English ones
            lang = "en"
            templates = people.ORG_TEMPLATES["en"][r.user_type]
        t = rng.choice(templates)
        name = t.format(P=rng.choice(people.PLACES[lang]), B=rng.choice(people.BRANDS), S=rng.choice(people.SECTORS_EN))
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of organisation names for " + r.user_type + " " + lang)


# ------------------------------------------------------------------ campaigns
def assign_campaigns(rng, resps):
    a_types = {"NGO (Non-governmental organisation)": 5, "Other": 3, "EU Citizen": 2, "Academic/Research Institution": 1,
               "Non-EU Citizen": 1, "Trade Union": 1}
    free = [r for r in resps if r.lang == "en" and r.policy == "native" and r.user_type in a_types]
    a_en = wsample(rng, free, [a_types[r.user_type] for r in free], 36)
    de = [r for r in resps if r.lang == "de" and r.group in ("ngo", "other", "cit") and r not in a_en]
    fr = [r for r in resps if r.lang == "fr" and r.group in ("ngo", "other", "cit")]
    a_de = rng.sample(de, 4)
    a_fr = rng.sample(fr, 1)
    taken = set(id(r) for r in a_en + a_de + a_fr)
    b_types = {"Company/Business organisation": 5, "Business Association": 3, "EU Citizen": 2, "Other": 1}
    freeb = [r for r in resps if r.lang == "en" and r.policy == "native" and r.user_type in b_types and id(r) not in taken]
    b = wsample(rng, freeb, [b_types[r.user_type] for r in freeb], 15)
    order = list(range(36))
    rng.shuffle(order)
    for k, r in zip(order, a_en):
        r.campaign, r.campaign_variant = "A", ("exact" if k < 8 else "edited")
    for r in a_de + a_fr:
        r.campaign, r.campaign_variant = "A", "translated"
    for k, r in enumerate(b):
        r.campaign, r.campaign_variant = "B", "exact"
        if k % 5 == 2:  # three copies sit in the ECTS/EQF question, the final-comments column left empty
            r.campaign_col = CREDITS_COL
    for r in a_en + a_de + a_fr + b:
        r.engagement = "minimal"


def campaign_a_text(rng, variant, lang):
    if lang == "de":
        sents = list(campaigns.A_DE)
        greet = rng.choice(campaigns.A_DE_GREETINGS) if variant == "translated_edit" else ""
        if variant == "translated_edit":
            sents = [s for s in sents if not (s[2] and s[1].startswith("Die Validierung"))]
        body = " ".join(s[1] for s in sents)
        pos = [p for s in sents for p in s[0]]
        return (greet + "\n" + body) if greet else body, pos
    if lang == "fr":
        sents = list(campaigns.A_FR)
        return " ".join(s[1] for s in sents), [p for s in sents for p in s[0]]
    sents = [(s[0], s[1]) for s in campaigns.A_EN]
    canonical = " ".join(s[1] for s in sents)
    if variant == "exact":
        return canonical, [p for s in sents for p in s[0]]
    # edited copy
    opt_idx = [i for i, s in enumerate(campaigns.A_EN) if s[2]]
    drop = set()
    if rng.random() < 0.45:
        drop.add(rng.choice(opt_idx))
    sents = [s for i, s in enumerate(sents) if i not in drop]
    if rng.random() < 0.4:
        extra = rng.choice(campaigns.A_EXTRA)
        sents.insert(rng.randint(1, len(sents)), extra)
    texts = [s[1] for s in sents]
    for _ in range(rng.choice([0, 1, 1, 2])):
        a, b = rng.choice(campaigns.A_SUBST)
        j = rng.randrange(len(texts))
        texts[j] = texts[j].replace(a, b, 1)
    body = " ".join(texts) if rng.random() < 0.7 else "\n".join(texts)
    for _ in range(rng.choice([0, 1, 1, 2])):
        body = typo(rng, body)
    greet = rng.choice(campaigns.A_GREETINGS)
    close = rng.choice(campaigns.A_CLOSINGS)
    text = (greet + "\n" if greet else "") + body + ("\n" + close if close else "")
    if text == canonical:
        text = typo(rng, text)
        if text == canonical:
            text = "Dear Commission,\n" + text
    return text, [p for s in sents for p in s[0]]


def fill_campaign(rng, r):
    if r.campaign == "A":
        x = rng.random()
        col = FINAL_COL if x < 0.7 else (TRUSTED_COL if x < 0.9 else HELP_COL)
        if r.campaign_variant == "translated":
            lang = r.lang
            v = "translated_edit" if (lang == "de" and rng.random() < 0.35) else "translated"
            text, pos = campaign_a_text(rng, v, lang)
        else:
            lang = "en"
            text, pos = campaign_a_text(rng, r.campaign_variant, "en")
    else:
        col = CREDITS_COL if r.campaign_col == CREDITS_COL else FINAL_COL
        lang, text, pos = "en", campaigns.B_TEXT, list(campaigns.B_POSITIONS)
    r.campaign_col = col
    r.cells[col] = text
    r.cell_lang[col] = lang
    r.protected.add(col)
    for eid, st in pos:
        r.profile.setdefault(eid, st)
        r.positions.append((col, eid, st))


# ------------------------------------------------------------------ answers
SIZE_DIST = {
    ("cit", "minimal"): [("tiny", 55), ("short", 30), ("medium", 12), ("long", 3)],
    ("cit", "normal"): [("tiny", 38), ("short", 34), ("medium", 21), ("long", 7)],
    ("cit", "engaged"): [("tiny", 22), ("short", 33), ("medium", 28), ("long", 14), ("xlong", 3)],
    ("org", "minimal"): [("tiny", 40), ("short", 35), ("medium", 20), ("long", 5)],
    ("org", "normal"): [("tiny", 22), ("short", 32), ("medium", 29), ("long", 15), ("xlong", 2)],
    ("org", "engaged"): [("tiny", 12), ("short", 24), ("medium", 33), ("long", 24), ("xlong", 5), ("essay", 2)],
}
ANSWER_P = {"minimal": 0.12, "normal": 0.42, "engaged": 0.78}


def fill_free_text(rng, comp, r):
    for col, topic in FREE_TEXT:
        if col in r.cells:
            continue
        p = ANSWER_P[r.engagement]
        if r.campaign:
            p = 0.08
        if topic == "general":
            p = min(0.95, p * 1.25)
        if rng.random() >= p:
            continue
        lang = cell_language(rng, r)
        bank = BANKS[lang]
        x = rng.random()
        if r.upload and x < 0.35:
            text = rng.choice(bank.SEE_ATTACHED)
            pos = []
        elif x < 0.06:
            text, pos = rng.choice(bank.SHORT), []
        elif x < (0.10 if r.group == "cit" else 0.075):
            text, pos = rng.choice(bank.OFFTOPIC), []
            if rng.random() < 0.5:
                more, pos = comp.answer(r, lang, topic, "tiny")
                if more:
                    text = text + " " + more
        else:
            g = "cit" if r.group == "cit" else "org"
            size = people.weighted(rng, SIZE_DIST[(g, r.engagement)])
            text, pos = comp.answer(r, lang, topic, size)
            if not text:
                continue
        text = apply_style(rng, r, lang, text)
        r.cells[col] = text
        r.cell_lang[col] = lang
        for eid, st in pos:
            r.positions.append((col, eid, st))


def other_text(rng, bank, name):
    """Text for an 'Other, please specify:' cell: an item, sometimes with a few words more."""
    text = rng.choice(getattr(bank, name))
    more = getattr(bank.mod, name + "_MORE", [])
    if more and rng.random() < 0.55:
        text += rng.choice(more)
    if rng.random() < 0.15:
        text = text.lower()
    return text


def fill_closed(rng, r):
    # barriers (multi choice)
    if rng.random() < 0.92:
        base = {0: 6, 1: 6, 2: 5, 3: 4, 4: 3, 5: 4, 6: 4, 7: 2, 8: 2, 9: 1}
        if r.group == "emp":
            base.update({0: 7, 3: 2, 6: 1})
        if r.group == "union":
            base.update({6: 7, 1: 7})
        if r.group == "hei":
            base.update({4: 5, 5: 5})
        opts = list(range(len(qn.BARRIER_OPTIONS)))
        k = people.weighted(rng, [(1, 15), (2, 25), (3, 30), (4, 18), (5, 8), (6, 4)])
        chosen = wsample(rng, opts, [base[o] for o in opts], k)
        r.cells[BARRIER_COL] = ";".join(qn.BARRIER_OPTIONS[o] for o in chosen)
        if 9 in chosen and rng.random() < 0.9:
            lang = cell_language(rng, r)
            r.cells[BARRIER_OTHER_COL] = other_text(rng, BANKS[lang], "BARRIER_OTHER")
            r.cell_lang[BARRIER_OTHER_COL] = lang
    # definition (single choice)
    if rng.random() < 0.95:
        dst = [r.profile.get(f"D{i}") for i in range(1, 9)]
        if "oppose" in dst:
            choice = people.weighted(rng, [("Partly agree", 65), ("Disagree", 35)])
        elif "conditional" in dst:
            choice = people.weighted(rng, [("Partly agree", 70), ("Fully agree", 30)])
        else:
            choice = people.weighted(rng, [("Fully agree", 58), ("Partly agree", 27), ("Disagree", 5), ("No opinion", 10)])
        r.cells[DEF_COL] = choice
    # rating matrices
    s_means = {"S01": 4.3, "S02": 4.6, "S03": 3.5, "S04": 4.6, "S05": 4.2, "S06": 4.7, "S07": 4.0, "S08": 3.8,
               "S09": 4.0, "S10": 3.4, "S11": 4.0, "S12": 3.0, "S13": 3.2, "S14": 2.8, "S15": 3.6}
    r_means = {"R1": 4.4, "R2": 3.8, "R3": 3.4, "R4": 3.7, "R5": 4.1, "R6": 4.0, "R7": 4.0, "R8": 4.3}
    if r.group == "hei":
        r_means.update({"R3": 2.8, "R4": 4.2})
    if r.group == "emp":
        r_means.update({"R4": 3.0, "R3": 3.8})
        s_means.update({"S07": 3.0, "S08": 3.1})
    for cols, means in ((ELEMENT_COLS, s_means), (ROADMAP_COLS, r_means)):
        if rng.random() >= (0.88 if not r.campaign else 0.8):
            continue
        lazy = rng.random() < 0.12  # same rating everywhere
        lazy_val = rng.choice([4, 5])
        for col in cols:
            eid = next(c["element_id"] for c in COLUMNS if c["index"] == col)
            x = rng.random()
            if x < 0.02:
                continue
            if x < 0.06:
                r.cells[col] = qn.NO_OPINION
                continue
            st = r.profile.get(eid)
            if lazy:
                v = lazy_val
            elif st == "support":
                v = rng.choice([5, 5, 4])
            elif st == "conditional":
                v = rng.choice([3, 4, 4, 3])
            elif st == "oppose":
                v = rng.choice([1, 2, 2])
            else:
                v = max(1, min(5, round(rng.gauss(means[eid], 0.95))))
            r.cells[col] = qn.RATING_LABELS[v]
    # providers (multi choice)
    if rng.random() < 0.85:
        base = [6, 6, 5, 3, 4, 4, 3, 2, 3, 1]
        if r.group == "emp":
            base[3] = 7
        if r.group == "ngo":
            base[6] = 7
        if r.profile.get("R3") == "oppose":
            base[3] += 2
        k = people.weighted(rng, [(1, 10), (2, 15), (3, 22), (4, 20), (5, 15), (6, 10), (8, 8)])
        chosen = wsample(rng, list(range(10)), base, k)
        r.cells[PROVIDER_COL] = ";".join(qn.PROVIDER_OPTIONS[o] for o in chosen)
        if 9 in chosen and rng.random() < 0.85:
            lang = cell_language(rng, r)
            r.cells[PROVIDER_OTHER_COL] = other_text(rng, BANKS[lang], "PROVIDER_OTHER")
            r.cell_lang[PROVIDER_OTHER_COL] = lang


# ------------------------------------------------------------------ uploads
def assign_uploads(rng, resps):
    w = {"Business Association": 6, "NGO (Non-governmental organisation)": 4, "Academic/Research Institution": 3,
         "Public authority": 4, "Trade Union": 6, "Company/Business organisation": 2.5, "Other": 3,
         "Consumer Organisation": 4, "Environmental Organisation": 4}
    named = [r for r in resps if r.group != "cit" and not r.anonymous and not r.campaign]
    anon = [r for r in resps if r.group != "cit" and r.anonymous and not r.campaign]
    chosen = wsample(rng, named, [w[r.user_type] for r in named], N_UPLOADS - 5) + rng.sample(anon, 5)
    chosen.sort(key=lambda r: r.idx)
    formats = PAPER_FORMATS + [".txt"] * (len(chosen) - len(PAPER_FORMATS))
    rng.shuffle(formats)
    used = set()
    for r, ext in zip(chosen, formats):
        r.engagement = "engaged"
        lang = r.lang if r.policy == "native" else ("en" if r.policy == "english" else r.lang)
        if lang in ("sv", "el") or BANKS[lang].PAPER is None or (lang != "en" and rng.random() < 0.25):
            lang = "en"
        r.paper_lang = lang
        acr = people.acronym(r.org)
        pattern = {
            "en": ["Position_paper_{a}", "{a}_response_micro-credentials_consultation", "{a}_position_micro-credentials",
                   "Contribution_{a}", "Micro-credentials_consultation_{a}_final", "{a}_Microcredentials_2021"],
            "de": ["Stellungnahme_{a}_Microcredentials", "Positionspapier_{a}"],
            "fr": ["Contribution_{a}_micro-certifications", "Note_de_position_{a}"],
            "es": ["Posicion_{a}_microcredenciales"], "it": ["Position_paper_{a}_microcredenziali"],
            "pl": ["Stanowisko_{a}_mikroposwiadczenia"], "nl": ["Reactie_{a}_microcredentials"],
            "pt": ["Posicao_{a}_microcredenciais"],
        }[lang]
        base = rng.choice(pattern).format(a=acr)
        name = base + ext
        n = 2
        while name.lower() in used:
            name = f"{base}_{n}{ext}"
            n += 1
        used.add(name.lower())
        r.upload = name


# ------------------------------------------------------------------ personal data
SLOT_RE = re.compile(r"\{([^{}]*)\}")
SLOTS = {"PERSON": "PERSON", "EMAIL": "EMAIL", "PHONE": "PHONE", "ADDRESS": "ADDRESS", "ID": "ID", "ROLE": "PERSON"}


INTRO_CUES = ("My name", "Ich heiße", "Je m'appelle", "Me llamo", "Mi chiamo", "Nazywam", "Mijn naam", "Chamo-me",
              "Jag heter", "Με λένε")


def template_role(t):
    """intro (goes first), sign (a signature, goes last) or middle."""
    if t.startswith(INTRO_CUES):
        return "intro"
    if "\n{PERSON}" in t or t.startswith(("Kind regards", "Contact:", "{PERSON},")):
        return "sign"
    return "middle"


def render_pd(rng, template, r, lang, persona):
    """Render a PD template; returns (text, [(start, end, text, type)])."""
    b = Span()
    first, last = persona
    pos = 0
    for m in SLOT_RE.finditer(template):
        b.add(template[pos: m.start()])
        key = m.group(1)
        if key in SLOTS:
            if key == "PERSON":
                val = f"{first} {last}"
            elif key == "EMAIL":
                if rng.random() < 0.8:
                    val = people.email(rng, first, last)
                else:
                    val = people.email(rng, rng.choice(people.FIRST["en"]), rng.choice(people.SURNAMES["en"]))
            elif key == "PHONE":
                val = people.phone(rng, r.country)
            elif key == "ADDRESS":
                val = people.address(rng, lang, r.country)
            elif key == "ID":
                val = people.id_number(rng, lang)
            else:
                val = rng.choice(people.ROLES[lang]).format(B=rng.choice(people.BRANDS),
                                                            C=rng.choice(people.PLACES.get(lang, people.PLACES["en"])))
            b.add(val, SLOTS[key])
        else:
            b.add(rng.choice(key.split("|")))
        pos = m.end()
    b.add(template[pos:])
    return b.text(), b.spans


def plant_personal_data(rng, comp, resps):
    cands = [r for r in resps if r.anonymous and not r.campaign and not r.upload]
    cit = [r for r in cands if r.group == "cit"]
    org = [r for r in cands if r.group != "cit"]
    chosen = rng.sample(cit, 21) + rng.sample(org, 5)
    chosen.sort(key=lambda r: r.idx)
    for r in chosen:
        # where: an existing answer, preferably final comments or the barriers question
        cols = [c for c in (FINAL_COL, HELP_COL, COL[qn.Q_DEF_EXPLAIN], COL[qn.Q_FUNDING]) if c in r.cells
                and c not in r.protected and BANKS[r.cell_lang[c]].PD_TEMPLATES]
        if cols:
            col = cols[0]
            lang = r.cell_lang[col]
        else:
            col = FINAL_COL
            lang = cell_language(rng, r)
            text, pos = comp.answer(r, lang, "general", "short")
            r.cells[col] = apply_style(rng, r, lang, text)
            r.cell_lang[col] = lang
            for eid, st in pos:
                r.positions.append((col, eid, st))
        persona = (rng.choice(people.FIRST.get(lang, people.FIRST["en"])),
                   rng.choice(people.SURNAMES.get(lang, people.SURNAMES["en"])))
        templates = [t for t in BANKS[lang].PD_TEMPLATES if "{ROLE}" not in t or lang in people.ROLES]
        k = 1 if rng.random() < 0.55 else 2
        picks = []
        for t in rng.sample(templates, len(templates)):
            role = template_role(t)
            if role != "middle" and any(template_role(x) == role for x in picks):
                continue
            picks.append(t)
            if len(picks) == k:
                break
        order = {"intro": 0, "middle": 1, "sign": 2}
        picks.sort(key=lambda t: order[template_role(t)])
        text = r.cells[col]
        spans = []
        for t in picks:
            rendered, sp = render_pd(rng, t, r, lang, persona)
            if template_role(t) == "intro":
                shift = len(rendered) + 1
                spans = [(s + shift, e + shift, x, ty) for s, e, x, ty in spans]
                spans = list(sp) + spans
                text = rendered + " " + text
            else:
                sep = "\n\n" if template_role(t) == "sign" else " "
                shift = len(text) + len(sep)
                spans += [(s + shift, e + shift, x, ty) for s, e, x, ty in sp]
                text = text + sep + rendered
        r.cells[col] = text
        r.protected.add(col)
        for s, e, x, ty in spans:
            assert text[s:e] == x
            r.pd.append((col, s, e, x, ty))


# ------------------------------------------------------------------ malformed content
def plant_malformed(rng, comp, resps):
    notes = {"stray_quotes": [], "mojibake": [], "over_long": []}
    # (b) one over-long answer: a paragraph pasted again and again
    cands = [r for r in resps if not r.anonymous and r.group in ("other", "cit") and r.lang == "en"
             and r.policy == "native" and not r.campaign and not r.upload]
    r = cands[rng.randrange(len(cands))]
    col = FINAL_COL
    r.positions = [p for p in r.positions if p[0] != col]
    para, pos = comp.answer(r, "en", "general", "long")
    para = para.replace("\n\n", " ").replace("\n", " ")
    reps = 1
    while len((("\n\n".join([para] * reps))).split()) < 5200:
        reps += 1
    r.cells[col] = "\n\n".join([para] * reps)
    r.cell_lang[col] = "en"
    r.protected.add(col)
    for eid, st in pos:
        r.positions.append((col, eid, st))
    notes["over_long"].append((r, col, len(r.cells[col].split())))
    # (a) stray quotes in a few English cells
    pool = [(r, c) for r in resps for c in sorted(r.cells) if c in dict(FREE_TEXT) and c not in r.protected
            and r.cell_lang.get(c) == "en" and len(r.cells[c]) > 80 and not r.campaign]
    picks = rng.sample(pool, 4)
    for k, (r, c) in enumerate(picks):
        t = r.cells[c]
        if k == 0:
            t = '"' + t
        elif k == 1:
            i = t.find(" the ")
            t = (t[: i + 5] + '"' + t[i + 5:]) if i >= 0 else t + '"'
        elif k == 2:
            t = t + '"'
        else:
            t = t.replace(" ", ' "" ', 1)
        r.cells[c] = t
        r.protected.add(c)
        notes["stray_quotes"].append((r, c))
    # (c) one mojibake artefact left in a French answer
    pool = [(r, c) for r in resps for c in sorted(r.cells) if c in dict(FREE_TEXT) and c not in r.protected
            and r.cell_lang.get(c) == "fr" and re.search(r"\w+é\b", r.cells[c]) and not r.campaign]
    r, c = pool[rng.randrange(len(pool))]
    m = re.search(r"\w+é\b", r.cells[c])
    r.cells[c] = r.cells[c][: m.end() - 1] + "Ã©" + r.cells[c][m.end():]
    r.protected.add(c)
    notes["mojibake"].append((r, c))
    return notes


# ------------------------------------------------------------------ rows
def profile_cells(r):
    cells = {
        0: r.ref,
        1: r.dt.strftime("%d.%m.%Y %H:%M") if isinstance(r.dt, datetime.datetime) else r.dt,
        2: people.LANG_NAME[r.lang],
        11: qn.ANONYMOUS if r.anonymous else qn.PUBLIC,
    }
    if not r.anonymous:
        cells.update({3: r.user_type, 4: r.first, 5: r.last, 10: r.country})
        if r.group != "cit":
            cells.update({6: r.scope, 7: r.org, 8: r.tr, 9: r.size})
    return cells


def row_of(r):
    cells = dict(r.cells)
    cells.update(profile_cells(r))
    if r.upload:
        cells[UPLOAD_COL] = r.upload
    return [cells.get(i, "") for i in range(len(COLUMNS))]


# ------------------------------------------------------------------ main
def generate(out_dir):
    rng = random.Random(SEED)
    comp = Composer(random.Random(SEED + 1))
    resps = make_respondents(rng)
    assign_campaigns(rng, resps)
    assign_uploads(rng, resps)

    # dates and references
    refs = rng.sample(range(100000, 2999999), len(resps) + 3)
    for r, ref in zip(resps, refs):
        r.ref = f"F{ref}"
        if r.campaign == "A":
            r.dt = random_datetime(rng, datetime.date(2021, 6, 28), datetime.date(2021, 7, 9))
        elif r.campaign == "B":
            r.dt = random_datetime(rng, datetime.date(2021, 7, 5), datetime.date(2021, 7, 7))
        else:
            r.dt = random_datetime(rng)

    for r in resps:
        if r.campaign:
            fill_campaign(rng, r)
        fill_free_text(rng, comp, r)

    # position papers (compose before closed answers so that ratings agree with the paper)
    paper_blocks = {}
    for r in resps:
        if r.upload:
            blocks, pos = papers.compose_paper(rng, comp, r, r.paper_lang, r.dt)
            paper_blocks[r.upload] = (blocks, r)
            for eid, st in pos:
                r.doc_positions.append((eid, st))
    for r in resps:
        fill_closed(rng, r)

    notes = plant_malformed(rng, comp, resps)
    plant_personal_data(rng, comp, resps)

    # the three rows the reader must reject
    extra = []
    for k in range(2):
        t = rng.choice(["EU Citizen", "Academic/Research Institution", "NGO (Non-governmental organisation)"])
        x = Resp(10000 + k, t, GROUP[t], "en", country=people.weighted(rng, people.COUNTRIES["en"]))
        x.first, x.last = rng.choice(people.FIRST["en"]), rng.choice(people.SURNAMES["en"])
        if x.group != "cit":
            x.org = make_org(rng, x, set(r.org for r in resps))
            x.org_short, x.scope, x.size = x.org, "National", qn.SIZES[2]
        x.engagement = "normal"
        x.dt = random_datetime(rng)
        fill_free_text(rng, Composer(random.Random(SEED + 7 + k)), x)
        fill_closed(rng, x)
        extra.append(x)
    blank_ref, bad_date = extra
    blank_ref.ref = ""
    bad_date.ref = f"F{refs[-1]}"

    resps.sort(key=lambda r: (r.dt, r.ref))
    rows = [(r, row_of(r)) for r in resps]
    # duplicate: a second submission with an earlier row's reference (that row has no upload)
    dup_src = next(r for r, _ in rows[240:] if not r.upload and not r.campaign and r.cells)
    dup_row = row_of(dup_src)
    dup_row[1] = (dup_src.dt + datetime.timedelta(minutes=3)).strftime("%d.%m.%Y %H:%M")
    i_src = [r for r, _ in rows].index(dup_src)
    bad_row = row_of(bad_date)
    bad_row[1] = "32.13.2021 25:61"
    blank_row = row_of(blank_ref)
    final = [row for _, row in rows]
    inserts = sorted([(137, "blank", blank_row), (i_src + 45, "dup", dup_row), (402, "date", bad_row)],
                     key=lambda x: x[0])
    reject_info = []
    for offset, (pos, _kind, row) in enumerate(inserts):
        final.insert(pos + offset, row)
    for kind, row in (("blank", blank_row), ("dup", dup_row), ("date", bad_row)):
        idx = next(i for i, x in enumerate(final) if x is row)
        reason = {"blank": "missing Reference", "dup": f"duplicate Reference {row[0]} (first occurrence kept)",
                  "date": f"invalid Feedback date '{row[1]}'"}[kind]
        reject_info.append((idx + 1, row[0], reason))
    reject_info.sort()
    row_number = {}
    for i, row in enumerate(final):
        row_number.setdefault(row[0], i + 1)

    # ---------------------------------------------------------------- write
    out_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("position_papers", "truth"):
        if (out_dir / sub).exists():
            shutil.rmtree(out_dir / sub)
        (out_dir / sub).mkdir()
    with open(out_dir / "contributions.csv", "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([c["header"] for c in COLUMNS])
        for row in final:
            assert len(row) == len(COLUMNS)
            w.writerow(row)

    for name in sorted(paper_blocks):
        blocks, r = paper_blocks[name]
        path = out_dir / "position_papers" / name
        if name.endswith(".pdf"):
            papers.write_pdf(path, blocks, r.org)
        elif name.endswith(".docx"):
            papers.write_docx(path, blocks, r.org)
        else:
            papers.write_txt(path, blocks)

    write_truth(out_dir / "truth", resps, reject_info, row_number, paper_blocks)
    qdoc = questionnaire_doc()
    (out_dir / "questionnaire.json").write_text(json.dumps(qdoc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = make_summary(resps, final, reject_info, paper_blocks, notes)
    (out_dir / "truth" / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                                                    encoding="utf-8")
    (out_dir / "README.md").write_text(readme.render(summary, qdoc), encoding="utf-8")
    return summary


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_truth(tdir, resps, reject_info, row_number, paper_blocks):
    by_ref = sorted(resps, key=lambda r: row_number[r.ref])
    pos_rows = []
    for r in by_ref:
        for col, eid, st in sorted(set(r.positions), key=lambda p: (p[0], ELEMENT_IDS.index(p[1]))):
            pos_rows.append([r.ref, col, eid, st, ""])
        for eid, st in sorted(set(r.doc_positions), key=lambda p: ELEMENT_IDS.index(p[0])):
            pos_rows.append([r.ref, "", eid, st, r.upload])
    write_csv(tdir / "positions.csv", ["reference", "column", "element_id", "stance", "document"], pos_rows)
    write_csv(tdir / "campaigns.csv", ["reference", "campaign_id", "variant", "column"],
              [[r.ref, r.campaign, r.campaign_variant, r.campaign_col] for r in by_ref if r.campaign])
    pd_rows = []
    for r in by_ref:
        for col, s, e, x, ty in sorted(r.pd):
            pd_rows.append([r.ref, col, s, e, x, ty])
    write_csv(tdir / "personal_data.csv", ["reference", "column", "start", "end", "text", "type"], pd_rows)
    lang_rows = []
    for r in by_ref:
        for col in sorted(r.cells):
            if col in ALL_TEXT_COLS and r.cells[col]:
                lang_rows.append([r.ref, col, r.cell_lang[col]])
    write_csv(tdir / "languages.csv", ["reference", "column", "language"], lang_rows)
    write_csv(tdir / "rejects.csv", ["row_number", "reference", "reason"], [list(x) for x in reject_info])
    write_csv(tdir / "respondents.csv",
              ["reference", "row_number", "user_type", "stakeholder_type", "anonymous", "declared_language",
               "country", "organisation", "writing", "upload", "campaign_id"],
              [[r.ref, row_number[r.ref], r.user_type, qn.CANONICAL_TYPE[r.user_type], str(r.anonymous).lower(), r.lang,
                r.country, r.org, r.policy, r.upload, r.campaign] for r in by_ref])


def questionnaire_doc():
    return {
        "title": "A European approach to micro-credentials for lifelong learning and employability (SYNTHETIC sample questionnaire)",
        "note": "Synthetic questionnaire modelled on the structure of the Commission's 2021 open public consultation "
                "(21 questions in 4 sections, see Ares(2022)751470). Question wording is ours.",
        "n_columns": len(COLUMNS),
        "sections": [{"number": i + 1, "title": t,
                      "questions": [q["number"] for q in QUESTIONS if q["section"] == i + 1]}
                     for i, t in enumerate(qn.SECTIONS)],
        "questions": QUESTIONS,
        "columns": COLUMNS,
        "rating_labels": [qn.RATING_LABELS[k] for k in (5, 4, 3, 2, 1)] + [qn.NO_OPINION],
        "multi_choice_separator": ";",
    }


def make_summary(resps, final_rows, reject_info, paper_blocks, notes):
    valid = resps
    kinds_q = Counter(q["kind"] for q in QUESTIONS)
    kinds_c = Counter(c["kind"] for c in COLUMNS)
    nonempty = Counter()
    for r in valid:
        row = row_of(r)
        for i, v in enumerate(row):
            if v:
                nonempty[i] += 1
    pos_cell = [(r, p) for r in valid for p in set(r.positions)]
    pos_doc = [(r, p) for r in valid for p in set(r.doc_positions)]

    def kind_of(eid):
        return {"D": "definition", "S": "standard_element", "P": "principle", "R": "roadmap_action"}[eid[0]]

    lens = [len(r.cells[c].split()) for r in valid for c in r.cells if c in dict(FREE_TEXT)]
    camp = {}
    for cid in ("A", "B"):
        members = [r for r in valid if r.campaign == cid]
        camp[cid] = {"size": len(members), "by_variant": dict(sorted(Counter(r.campaign_variant for r in members).items())),
                     "by_column": {str(k): v for k, v in sorted(Counter(r.campaign_col for r in members).items())},
                     "by_user_type": dict(sorted(Counter(r.user_type for r in members).items()))}
    paper_words = {name: papers.word_count(b) for name, (b, _) in sorted(paper_blocks.items())}
    return {
        "synthetic": True,
        "generator": {"seed": SEED, "version": GENERATOR_VERSION, "script": "generator/generate.py"},
        "n_rows_total": len(final_rows),
        "n_valid": len(valid),
        "n_rejects": len(reject_info),
        "n_columns": len(COLUMNS),
        "by_user_type": dict(sorted(Counter(r.user_type if not r.anonymous else "" for r in valid).items())),
        "by_true_user_type": dict(sorted(Counter(r.user_type for r in valid).items())),
        "by_stakeholder_type_canonical": dict(sorted(Counter(
            "not_disclosed" if r.anonymous else qn.CANONICAL_TYPE[r.user_type] for r in valid).items())),
        "by_language": dict(sorted(Counter(people.LANG_NAME[r.lang] for r in valid).items())),
        "by_country": dict(sorted(Counter(r.country if not r.anonymous else "" for r in valid).items())),
        "n_anonymous": sum(r.anonymous for r in valid),
        "anonymous_share": round(sum(r.anonymous for r in valid) / len(valid), 4),
        "questions": {
            "n_questions": len(QUESTIONS),
            "n_sections": len(qn.SECTIONS),
            "by_kind": dict(sorted(kinds_q.items())),
            "columns_by_kind": dict(sorted(kinds_c.items())),
            "note": "by_kind counts the 21 numbered questions (the 6 profile questions have kind 'profile'); "
                    "columns_by_kind counts the CSV columns: the two 'Other, please specify:' columns are free_text, "
                    "matrix sub-items are rating, Reference and Feedback date are metadata.",
            "columns": {k: [c["index"] for c in COLUMNS if c["kind"] == k] for k in sorted(kinds_c)},
        },
        "nonempty_cells_by_column": {str(k): v for k, v in sorted(nonempty.items())},
        "n_free_text_cells": sum(1 for r in valid for c in r.cells if c in ALL_TEXT_COLS and r.cells[c]),
        "answer_languages": dict(sorted(Counter(r.cell_lang[c] for r in valid for c in r.cells
                                                if c in ALL_TEXT_COLS and r.cells[c]).items())),
        "free_text_words": {"min": min(lens), "max": max(lens), "median": sorted(lens)[len(lens) // 2],
                            "n_over_300": sum(1 for x in lens if x > 300)},
        "n_position_papers": len(paper_blocks),
        "position_papers_by_extension": dict(sorted(Counter(Path(n).suffix for n in paper_blocks).items())),
        "position_papers_by_language": dict(sorted(Counter(r.paper_lang for _, (_, r) in paper_blocks.items()).items())),
        "position_paper_words": {"min": min(paper_words.values()), "max": max(paper_words.values())},
        "n_position_papers_anonymous": sum(1 for _, (_, r) in paper_blocks.items() if r.anonymous),
        "campaigns": camp,
        "personal_data": {
            "n_spans": sum(len(r.pd) for r in valid),
            "n_answers": len({(r.ref, p[0]) for r in valid for p in r.pd}),
            "by_type": dict(sorted(Counter(p[4] for r in valid for p in r.pd).items())),
        },
        "positions": {
            "n_cell_positions": len(pos_cell),
            "n_document_positions": len(pos_doc),
            "cells_with_positions": len({(r.ref, p[0]) for r, p in pos_cell}),
            "by_element_kind_cells": dict(sorted(Counter(kind_of(p[1]) for _, p in pos_cell).items())),
            "by_element_kind_documents": dict(sorted(Counter(kind_of(p[0]) for _, p in pos_doc).items())),
            "by_stance_cells": dict(sorted(Counter(p[2] for _, p in pos_cell).items())),
            "by_stance_documents": dict(sorted(Counter(p[1] for _, p in pos_doc).items())),
            "by_element_cells": {e: sum(1 for _, p in pos_cell if p[1] == e) for e in ELEMENT_IDS},
        },
        "malformed": {
            "rejected_rows": [{"row_number": a, "reference": b, "reason": c} for a, b, c in reject_info],
            "stray_quote_cells": [{"reference": r.ref, "column": c} for r, c in notes["stray_quotes"]],
            "mojibake_cells": [{"reference": r.ref, "column": c} for r, c in notes["mojibake"]],
            "over_long_cells": [{"reference": r.ref, "column": c, "words": n} for r, c, n in notes["over_long"]],
        },
        "sentence_bank": bank_stats(),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE.parent, help="output folder (default: the sample folder)")
    args = ap.parse_args(argv)
    summary = generate(args.out)
    print(f"wrote {summary['n_rows_total']} rows ({summary['n_valid']} valid, {summary['n_rejects']} rejects), "
          f"{summary['n_position_papers']} position papers to {args.out}")


if __name__ == "__main__":
    main()
