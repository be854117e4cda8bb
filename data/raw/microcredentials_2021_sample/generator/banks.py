"""Parse the per-language sentence banks into Entry objects."""

import re
from dataclasses import dataclass, field

import bank_de
import bank_el
import bank_en
import bank_es
import bank_fr
import bank_it
import bank_nl
import bank_pl
import bank_pt
import bank_sv

MODULES = {
    "en": bank_en, "de": bank_de, "fr": bank_fr, "es": bank_es, "it": bank_it,
    "pl": bank_pl, "nl": bank_nl, "pt": bank_pt, "sv": bank_sv, "el": bank_el,
}
TOPICS = ["barriers", "definition", "elements", "qa", "recognition", "portability",
          "credits", "providers", "funding", "general"]
STANCE = {"+": "support", "-": "oppose", "~": "conditional"}
GROUPS = {"cit", "hei", "emp", "union", "pub", "ngo", "other"}
CODE_RE = re.compile(r"^([DSPR])(\d{1,2})([+\-~])$")

ELEMENT_IDS = (
    [f"D{i}" for i in range(1, 9)]
    + [f"S{i:02d}" for i in range(1, 16)]
    + [f"P{i:02d}" for i in range(1, 11)]
    + [f"R{i}" for i in range(1, 9)]
)


@dataclass(frozen=True)
class Entry:
    lang: str
    topic: str
    positions: tuple  # ((element_id, stance), ...)
    voice: str  # "", "I" or "we"
    groups: frozenset = field(default_factory=frozenset)
    text: str = ""
    key: str = ""  # stable id, e.g. "en:qa:17"

    def allowed(self, group, voice):
        if self.voice and self.voice != voice:
            return False
        if self.groups and group not in self.groups:
            return False
        return True


def _norm_element(letter, num):
    if letter in "SP":
        return f"{letter}{int(num):02d}"
    return f"{letter}{int(num)}"


def parse(lang, text):
    entries = []
    topic = None
    counter = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        if line.startswith("## "):
            topic = line[3:].strip()
            if topic not in TOPICS:
                raise ValueError(f"{lang}: unknown topic {topic!r}")
            continue
        if "::" not in line:
            raise ValueError(f"{lang}: missing '::' in {line!r}")
        head, body = line.split("::", 1)
        body = body.strip()
        tags = set()
        m = re.search(r"\[([^\]]*)\]", head)
        if m:
            tags = set(m.group(1).split())
            head = head[: m.start()] + head[m.end():]
        positions = []
        for tok in head.split():
            cm = CODE_RE.match(tok)
            if not cm:
                raise ValueError(f"{lang}: bad code {tok!r} in {line!r}")
            eid = _norm_element(cm.group(1), cm.group(2))
            if eid not in ELEMENT_IDS:
                raise ValueError(f"{lang}: unknown element {eid}")
            positions.append((eid, STANCE[cm.group(3)]))
        if len({e for e, _ in positions}) != len(positions):
            raise ValueError(f"{lang}: duplicate element in {line!r}")
        voice = ""
        if "I" in tags:
            voice = "I"
        elif "we" in tags:
            voice = "we"
        groups = frozenset(tags & GROUPS)
        unknown = tags - GROUPS - {"I", "we"}
        if unknown:
            raise ValueError(f"{lang}: unknown tags {unknown}")
        if body.count("{") != body.count("}"):
            raise ValueError(f"{lang}: unbalanced braces in {body!r}")
        n = counter.get(topic, 0)
        counter[topic] = n + 1
        entries.append(Entry(lang, topic, tuple(positions), voice, groups, body, f"{lang}:{topic}:{n}"))
    return entries


class Bank:
    def __init__(self, lang):
        mod = MODULES[lang]
        self.lang = lang
        self.mod = mod
        self.entries = parse(lang, mod.SENTENCES)
        self.positional = [e for e in self.entries if e.positions]
        self.neutral = [e for e in self.entries if not e.positions]
        self.by_topic = {t: [e for e in self.positional if e.topic == t] for t in TOPICS}
        self.neutral_by_topic = {t: [e for e in self.neutral if e.topic == t] for t in TOPICS}

    def __getattr__(self, name):
        return getattr(self.mod, name)


BANKS = {lang: Bank(lang) for lang in MODULES}


def stats():
    out = {}
    for lang, b in BANKS.items():
        out[lang] = {"positional": len(b.positional), "neutral": len(b.neutral)}
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(stats(), indent=1))
    cover = {}
    for b in BANKS.values():
        for e in b.positional:
            for eid, st in e.positions:
                cover.setdefault(eid, set()).add(st)
    for eid in ELEMENT_IDS:
        print(eid, sorted(cover.get(eid, [])))
