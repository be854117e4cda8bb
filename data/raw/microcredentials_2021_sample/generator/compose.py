"""Compose free-text answers from the sentence banks, keeping the ground truth."""

import re

from banks import BANKS, TOPICS

ALT_RE = re.compile(r"\{([^{}]*)\}")

# stance preferences per stakeholder group: element -> (support, conditional, oppose)
DEFAULT_BIAS = (0.62, 0.22, 0.16)
BIAS = {
    "cit": {"D4": (0.9, 0.08, 0.02), "D5": (0.8, 0.15, 0.05), "R6": (0.7, 0.2, 0.1), "R8": (0.8, 0.12, 0.08),
            "S13": (0.3, 0.3, 0.4), "R3": (0.55, 0.2, 0.25), "R1": (0.55, 0.2, 0.25)},
    "hei": {"R3": (0.2, 0.35, 0.45), "S07": (0.8, 0.15, 0.05), "D7": (0.75, 0.2, 0.05), "R4": (0.7, 0.2, 0.1),
            "R2": (0.35, 0.45, 0.2), "P06": (0.35, 0.5, 0.15), "D2": (0.4, 0.3, 0.3), "R1": (0.5, 0.4, 0.1)},
    "emp": {"S07": (0.25, 0.35, 0.4), "R3": (0.4, 0.3, 0.3), "D8": (0.85, 0.1, 0.05), "P03": (0.85, 0.1, 0.05),
            "S08": (0.3, 0.35, 0.35), "D7": (0.3, 0.4, 0.3), "R4": (0.3, 0.3, 0.4), "P01": (0.4, 0.4, 0.2)},
    "union": {"D8": (0.4, 0.5, 0.1), "R8": (0.85, 0.1, 0.05), "R7": (0.75, 0.2, 0.05), "R3": (0.5, 0.35, 0.15),
              "P06": (0.8, 0.15, 0.05)},
    "pub": {"R2": (0.3, 0.5, 0.2), "R5": (0.35, 0.5, 0.15), "R1": (0.45, 0.35, 0.2), "R3": (0.35, 0.45, 0.2)},
    "ngo": {"P08": (0.85, 0.1, 0.05), "R3": (0.2, 0.35, 0.45), "R7": (0.75, 0.2, 0.05), "D6": (0.8, 0.15, 0.05),
            "D3": (0.4, 0.35, 0.25)},
    "other": {"P01": (0.7, 0.25, 0.05), "R4": (0.7, 0.2, 0.1)},
}
STANCE_INDEX = {"support": 0, "conditional": 1, "oppose": 2}

# closely related elements: a respondent who supports one rarely opposes its neighbour
CLUSTERS = [
    {"D7", "P01", "S11", "P04", "P09"},
    {"D4", "D5", "P07", "R6"},
    {"S07", "R4"},
    {"S08", "R2"},
    {"P06", "R5"},
    {"R1", "P02"},
    {"P08", "P10", "R7", "P05"},
    {"D6", "S15"},
]
NEIGHBOURS = {}
for _cluster in CLUSTERS:
    for _e in _cluster:
        NEIGHBOURS.setdefault(_e, set()).update(_cluster - {_e})

# where a question's sentences come from: [(topic, weight)]
QUESTION_TOPICS = {
    "barriers": [("barriers", 85), ("funding", 6), ("general", 9)],
    "definition": [("definition", 78), ("elements", 22)],
    "qa": [("qa", 85), ("elements", 8), ("providers", 7)],
    "recognition": [("recognition", 82), ("elements", 10), ("credits", 8)],
    "portability": [("portability", 88), ("elements", 12)],
    "credits": [("credits", 82), ("elements", 10), ("recognition", 8)],
    "providers": [("providers", 85), ("qa", 15)],
    "funding": [("funding", 88), ("barriers", 12)],
    "general": [(t, 3 if t == "general" else 1) for t in TOPICS],
}

GENERIC_DECAP_BLOCK = ("Europ", "Eras", "Commission", "Comisi", "Commissi", "Komisj", "Comiss", "I ", "EU", "ECTS",
                       "EQF", "ESG", "NQF", "VET", "ENIC", "DEQAR", "Open Badges", "ESF", "A3ES", "NVAO", "ERK",
                       "PRK", "Erasmus", "Quality and transparency", "Universities")


def expand(rng, text):
    """Pick one option in each {a|b|c} alternation."""
    return ALT_RE.sub(lambda m: rng.choice(m.group(1).split("|")), text)


def decap(s):
    """Lower-case the first letter when a connective is put in front (if that is safe)."""
    if not s or not s[0].isupper():
        return s
    if s.startswith(GENERIC_DECAP_BLOCK):
        return s
    first = s.split(" ", 1)[0]
    if len(first) > 1 and first[1:].lower() != first[1:]:  # acronym such as ECTS
        return s
    return s[0].lower() + s[1:]


class Composer:
    def __init__(self, rng):
        self.rng = rng
        self.uses = {}

    # -- sentence choice ------------------------------------------------
    def weight(self, entry, resp, used_elements):
        w = 1.0
        for eid, stance in entry.positions:
            if eid in used_elements:
                return 0.0
            fixed = resp.profile.get(eid)
            if fixed is not None:
                if fixed != stance:
                    return 0.0
                w *= 1.0
            else:
                w *= BIAS.get(resp.group, {}).get(eid, DEFAULT_BIAS)[STANCE_INDEX[stance]]
                for nb in sorted(NEIGHBOURS.get(eid, ())):
                    other = resp.profile.get(nb)
                    if other is None:
                        continue
                    if other == stance:
                        w *= 2.0
                    elif "oppose" in (other, stance) and "support" in (other, stance):
                        w *= 0.08
        w /= (1.0 + self.uses.get(entry.key, 0)) ** 1.3
        if entry.key in resp.used_keys:
            w *= 0.02
        if entry.groups:  # group-specific sentences sound more authentic: prefer them a bit
            w *= 1.6
        return w

    def allowed(self, entry, resp, lang):
        voice = "I" if resp.group == "cit" else "we"
        if not entry.allowed(resp.group, voice):
            return False
        if "<ORG>" in entry.text and not resp.org_visible:
            return False
        return True

    def pick(self, resp, lang, topic, used_elements):
        bank = BANKS[lang]
        cands = [e for e in bank.by_topic.get(topic, []) if self.allowed(e, resp, lang)]
        weights = [self.weight(e, resp, used_elements) for e in cands]
        if not cands or sum(weights) <= 0:
            return None
        e = weighted_choice(self.rng, cands, weights)
        self.commit(e, resp)
        return e

    def commit(self, e, resp):
        self.uses[e.key] = self.uses.get(e.key, 0) + 1
        resp.used_keys.add(e.key)
        for eid, stance in e.positions:
            resp.profile.setdefault(eid, stance)

    def pick_neutral(self, resp, lang, topic, used_keys):
        bank = BANKS[lang]
        cands = [e for e in bank.neutral_by_topic.get(topic, []) if e.key not in used_keys and self.allowed(e, resp, lang)]
        if not cands and topic != "general":
            cands = [e for e in bank.neutral_by_topic.get("general", []) if e.key not in used_keys
                     and self.allowed(e, resp, lang)]
        if not cands:
            return None
        weights = [1.0 / (1.0 + self.uses.get(e.key, 0)) for e in cands]
        e = weighted_choice(self.rng, cands, weights)
        self.uses[e.key] = self.uses.get(e.key, 0) + 1
        return e

    def render(self, entry, resp, lang):
        text = expand(self.rng, entry.text)
        if "<ORG>" in text:
            text = text.replace("<ORG>", resp.org_short or resp.org)
        return text

    # -- answers --------------------------------------------------------
    def answer(self, resp, lang, qtopic, size):
        """Compose one free-text answer. Returns (text, positions[(eid, stance)])."""
        rng = self.rng
        bank = BANKS[lang]
        n_pos, n_neu, opener, closer = {
            "tiny": (1, 0, False, False),
            "short": (rng.choice([1, 2, 2]), rng.choice([0, 0, 1]), False, False),
            "medium": (rng.choice([2, 2, 3]), rng.choice([0, 1, 1]), rng.random() < 0.3, rng.random() < 0.15),
            "long": (rng.choice([2, 3, 3, 4, 4]), rng.choice([2, 2, 3, 3]), rng.random() < 0.6, rng.random() < 0.4),
            "xlong": (rng.choice([5, 6, 7]), rng.choice([5, 6, 7]), True, rng.random() < 0.6),
            "essay": (rng.choice([6, 7]), rng.choice([8, 9, 10]), True, True),
        }[size]
        positions = []
        used_elements = set()
        used_neutral = set()
        pieces = []  # (text, is_positional)
        topics = QUESTION_TOPICS[qtopic]
        for i in range(n_pos):
            e = None
            for _attempt in range(4):
                topic = weighted_choice(rng, [t for t, _ in topics], [w for _, w in topics])
                if i == 0 and qtopic != "general" and rng.random() < 0.8:
                    topic = topics[0][0]
                e = self.pick(resp, lang, topic, used_elements)
                if e is not None:
                    break
            if e is None:
                continue
            used_elements.update(eid for eid, _ in e.positions)
            positions.extend(e.positions)
            pieces.append((self.render(e, resp, lang), True))
        neutral_topic = topics[0][0] if qtopic != "general" else "general"
        for _ in range(n_neu):
            e = self.pick_neutral(resp, lang, neutral_topic, used_neutral)
            if e is None:
                break
            used_neutral.add(e.key)
            pos = rng.randint(0, len(pieces))
            pieces.insert(pos, (self.render(e, resp, lang), False))
        if not pieces:
            return None, []
        # connectives between sentences
        conns = list(bank.CONNECTIVES)
        out = []
        for j, (t, _is_pos) in enumerate(pieces):
            if j > 0 and conns and rng.random() < 0.28:
                c = rng.choice(conns)
                dt = decap(t)
                if dt != t or not t[:1].isupper():
                    t = c + dt
            out.append(t)
        voice = "I" if resp.group == "cit" else "we"
        if opener and "opener" not in resp.used_keys:
            ops = [o for o in bank.OPENERS.get(voice, []) if resp.org_visible or "<ORG>" not in o]
            if ops:
                resp.used_keys.add("opener")
                out.insert(0, rng.choice(ops).replace("<ORG>", resp.org_short or resp.org or ""))
        if closer and "closer" not in resp.used_keys:
            cls = [o for o in bank.CLOSERS.get(voice, []) if resp.org_visible or "<ORG>" not in o]
            if cls:
                resp.used_keys.add("closer")
                out.append(rng.choice(cls).replace("<ORG>", resp.org_short or resp.org or ""))
        text = layout(rng, out, size, resp)
        return text, positions


def layout(rng, sentences, size, resp):
    if size in ("long", "xlong", "essay") and len(sentences) >= 4:
        style = rng.random()
        if style < 0.15 and resp.group != "cit":
            bullet = rng.choice(["- ", "• ", "* "])
            head, rest = sentences[:1], sentences[1:]
            return head[0] + "\n" + "\n".join(bullet + s for s in rest)
        # two or three paragraphs
        cut1 = rng.randint(1, len(sentences) - 2)
        cut2 = rng.randint(cut1 + 1, len(sentences) - 1)
        sep = rng.choice(["\n\n", "\n\n", "\n"])
        paras = [sentences[:cut1], sentences[cut1:cut2], sentences[cut2:]]
        if rng.random() < 0.4:
            paras = [sentences[:cut1], sentences[cut1:]]
        return sep.join(" ".join(p) for p in paras if p)
    if size == "medium" and len(sentences) >= 3 and rng.random() < 0.25:
        k = rng.randint(1, len(sentences) - 1)
        return " ".join(sentences[:k]) + "\n" + " ".join(sentences[k:])
    return " ".join(sentences)


def weighted_choice(rng, items, weights):
    total = sum(weights)
    x = rng.random() * total
    for item, w in zip(items, weights):
        x -= w
        if x < 0:
            return item
    for item, w in zip(reversed(items), reversed(weights)):
        if w > 0:
            return item
    return items[-1]


class Span:
    """Text builder that records the offsets of inserted personal-data values."""

    def __init__(self):
        self.parts = []
        self.spans = []  # (start, end, text, type)
        self.length = 0

    def add(self, text, pd_type=None):
        if pd_type:
            self.spans.append((self.length, self.length + len(text), text, pd_type))
        self.parts.append(text)
        self.length += len(text)

    def text(self):
        return "".join(self.parts)
