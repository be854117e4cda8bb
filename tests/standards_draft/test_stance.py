"""Rule-based stance (standards_draft.stance): support, conditional, oppose, neutral."""

from __future__ import annotations

import pytest

from standards_draft import classify_stance, load_catalogue
from standards_draft.stance import StanceLexicon


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


@pytest.mark.parametrize(("lang", "text", "stance"), [
    # support
    ("en", "A list of trusted providers is essential.", "support"),
    ("en", "A list of trusted providers would reduce bureaucracy for employers.", "support"),
    ("de", "Eine Liste vertrauenswürdiger Anbieter ist sinnvoll.", "support"),
    # opposition: explicit, negated support, negative judgement
    ("en", "We oppose a closed list of trusted providers.", "oppose"),
    ("en", "We do not support a list of trusted providers.", "oppose"),
    ("en", "We are against a list of trusted providers.", "oppose"),
    ("en", "A list of trusted providers would create unnecessary bureaucracy.", "oppose"),
    ("de", "Eine Liste vertrauenswürdiger Anbieter lehnen wir ab.", "oppose"),
    ("de", "Eine Liste vertrauenswürdiger Anbieter unterstützen wir nicht.", "oppose"),
    ("fr", "Nous ne soutenons pas une liste de prestataires de confiance.", "oppose"),
    ("fr", "Nous nous opposons à une liste de prestataires de confiance.", "oppose"),
    ("es", "Rechazamos una lista de proveedores de confianza.", "oppose"),
    ("it", "Siamo contrari a un elenco di fornitori affidabili.", "oppose"),
    ("pl", "Sprzeciwiamy się liście zaufanych dostawców.", "oppose"),
    ("nl", "Wij wijzen een lijst van betrouwbare aanbieders af.", "oppose"),
    ("pt", "Rejeitamos uma lista de prestadores de confiança.", "oppose"),
    # conditions, in every sample language
    ("en", "We support a list of trusted providers only if it is open to all.", "conditional"),
    ("en", "We could support a list of trusted providers provided that it is open.",
     "conditional"),
    ("en", "A list of trusted providers is acceptable if it is open to all providers.",
     "conditional"),
    ("en", "Any list of trusted providers must be open, otherwise we cannot support it.",
     "conditional"),
    ("de", "Eine Liste vertrauenswürdiger Anbieter unterstützen wir nur, wenn sie offen ist.",
     "conditional"),
    ("fr", "Nous soutenons une liste de prestataires de confiance, à condition qu'elle soit "
           "ouverte.", "conditional"),
    ("es", "Apoyamos una lista de proveedores de confianza siempre que sea abierta.",
     "conditional"),
    ("it", "Sosteniamo un elenco di fornitori affidabili purché sia aperto.", "conditional"),
    ("pl", "Popieramy listę zaufanych dostawców pod warunkiem, że będzie otwarta.",
     "conditional"),
    ("nl", "Wij steunen een lijst van betrouwbare aanbieders, mits die open is.", "conditional"),
    ("pt", "Apoiamos uma lista de prestadores de confiança desde que seja aberta.",
     "conditional"),
    ("en", "A list of trusted providers is useful, but it must stay voluntary.", "conditional"),
    # neutral: hedges and questions
    ("en", "We are not sure about a list of trusted providers.", "neutral"),
    ("en", "Who would maintain a list of trusted providers?", "neutral"),
])
def test_stance_toward_r3(cat, lang, text, stance):
    got, cue = classify_stance(text, lang, cat["R3"])
    assert got == stance, (text, got, cue)
    assert cue


def test_element_inside_the_condition_is_supported(cat):
    text = ("Micro-credentials should only be recognised if they are quality assured under "
            "agreed standards.")
    assert classify_stance(text, "en", cat["D7"])[0] == "support"
    assert classify_stance(text, "en", cat["P06"])[0] == "conditional"


def test_otherwise_as_justification_is_not_a_condition(cat):
    text = "The type of assessment must be stated, otherwise employers cannot compare."
    assert classify_stance(text, "en", cat["S09"])[0] == "support"


def test_where_possible_is_not_a_condition(cat):
    text = "La carga de trabajo debería expresarse en créditos ECTS siempre que sea posible."
    assert classify_stance(text, "es", cat["S07"])[0] == "support"


def test_negated_restriction_is_support(cat):
    text = "Recognition should not be limited to higher education."
    assert classify_stance(text, "en", cat["P06"])[0] == "support"


def test_not_only_is_not_negation(cat):
    text = "Micro-credentials should serve not only the labour market but also personal needs."
    assert classify_stance(text, "en", cat["D8"])[0] == "support"


def test_clause_of_the_element_decides(cat):
    text = "We support ECTS credits for every micro-credential, but we oppose a list of trusted " \
           "providers."
    assert classify_stance(text, "en", cat["R3"])[0] == "oppose"
    assert classify_stance(text, "en", cat["S07"])[0] in ("support", "conditional")


def test_unknown_language_falls_back_to_english(cat):
    assert classify_stance("We oppose a list of trusted providers.", "sv", cat["R3"])[0] == \
        "oppose"


def test_catalogue_stance_cues_extend_the_lexicon():
    lex = StanceLexicon.load(extra={"en": {"oppose": ["frankly pointless"]}})
    from standards_draft.text import tokenize
    toks = tokenize("A list of trusted providers is frankly pointless.", "en")
    assert lex.classify(toks, "en", [2]).stance == "oppose"
