"""Tests for consultation.taxonomy: canonical vocabularies and raw-label mappers."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultation import taxonomy
from consultation.taxonomy import (
    ORGANISATION_SIZES,
    ORGANISATION_TYPES,
    STAKEHOLDER_TYPES,
    is_organisation,
    map_country,
    map_language,
    map_organisation_size,
    map_publication,
    map_stakeholder_type,
    map_us_category,
    normalise_label,
)

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
HYS_DIR = SHARED_DATA / "hys_ai_act_2021"
REGS_DIR = SHARED_DATA / "regulations_gov_CMS-2022-0163" / "comments"

BLANKS = [None, "", "   ", "\t\n", float("nan"), np.nan, np.float32("nan"), pd.NA, pd.NaT]

ALL_COUNTRIES = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
ALL_LANGUAGES = {lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")}


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------


def test_vocabularies() -> None:
    assert STAKEHOLDER_TYPES == (
        "eu_citizen", "non_eu_citizen", "academic_research_institution", "business_association",
        "company", "consumer_organisation", "environmental_organisation", "ngo",
        "public_authority", "trade_union", "other", "not_disclosed",
    )  # fmt: skip
    assert frozenset(STAKEHOLDER_TYPES) - ORGANISATION_TYPES == {
        "eu_citizen",
        "non_eu_citizen",
        "not_disclosed",
    }
    assert ORGANISATION_SIZES == ("micro", "small", "medium", "large")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("company", True),
        ("ngo", True),
        ("other", True),
        ("public_authority", True),
        ("eu_citizen", False),
        ("non_eu_citizen", False),
        ("not_disclosed", False),
        (None, False),
        ("Company", False),
    ],
)
def test_is_organisation(value: str | None, expected: bool) -> None:
    assert is_organisation(value) is expected


# --------------------------------------------------------------------------------------------
# normalise_label
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ACADEMIC_RESEARCH_INSTITTUTION", "academic research instittution"),
        ("  Citoyen·ne de l'UE ", "citoyen ne de l ue"),
        ("NGO (Non-governmental organisation)", "ngo non governmental organisation"),
        ("Établissement universitaire/de recherche", "etablissement universitaire de recherche"),
        ("Großunternehmen", "grossunternehmen"),
        ("Ελλάδα", "ελλαδα"),
        ("Micro (< 10 employees)", "micro 10 employees"),
        ("---", ""),
        (42, "42"),
    ]
    + [(blank, "") for blank in BLANKS],
)
def test_normalise_label(raw: object, expected: str) -> None:
    assert normalise_label(raw) == expected


# --------------------------------------------------------------------------------------------
# Stakeholder types
# --------------------------------------------------------------------------------------------

# fmt: off
STAKEHOLDER_CASES: dict[str, list[str]] = {
    "eu_citizen": [
        "EU Citizen", "EU_CITIZEN", "eu_citizen", "EU-Bürgerin/EU-Bürger", "EU-Bürger",
        "Citoyen de l'UE", "Citoyen·ne de l'UE", "Ciudadano/a de la UE", "Cittadino/a dell'UE",
        "Obywatel UE", "EU-burger", "Cidadão/Cidadã da UE", "EU-medborgare", "EU-borger",
        "EU-kansalainen", "Občan EU", "Občan EÚ", "Državljan EU", "Građanin EU-a",
        "Uniós polgár", "Cetățean UE", "Cetăţean UE", "Гражданин на ЕС", "Πολίτης της ΕΕ",
        "ELi kodanik", "ES pilsonis", "ES pilietis", "Saoránach AE", "Ċittadin tal-UE",
    ],
    "non_eu_citizen": [
        "Non-EU Citizen", "NON_EU_CITIZEN", "non_eu_citizen", "Nicht-EU-Bürgerin/Nicht-EU-Bürger",
        "Nicht-EU-Bürger", "Citoyen d'un pays tiers", "Citoyen non-UE", "Citoyen·ne non-UE",
        "Ciudadano/a de un país no perteneciente a la UE", "Cittadino/a non UE",
        "Obywatel spoza UE", "Niet-EU-burger", "Cidadão/Cidadã de um país terceiro",
        "Medborgare i ett land utanför EU", "Ikke-EU-borger", "EU:n ulkopuolisen maan kansalainen",
        "Občan země mimo EU", "Nem uniós polgár", "Cetățean din afara UE",
        "Гражданин на държава извън ЕС", "Πολίτης χώρας εκτός ΕΕ",
    ],
    "academic_research_institution": [
        "Academic/Research Institution", "ACADEMIC_RESEARCH_INSTITTUTION",
        "ACADEMIC_RESEARCH_INSTITUTION", "academic_research_instittution",
        "Academic/research institution", "University", "Research institution",
        "Wissenschaftliche Einrichtung/Forschungseinrichtung",
        "Établissement universitaire/de recherche",
        "Institución académica/de investigación", "Istituto accademico/di ricerca",
        "Instytucja akademicka/badawcza", "Academische/onderzoeksinstelling",
        "Instituição académica/de investigação", "Universität", "Université", "Universidad",
        "Università", "Uniwersytet", "Universiteit", "Universidade", "Yliopisto", "Πανεπιστήμιο",
    ],
    "business_association": [
        "Business Association", "BUSINESS_ASSOCIATION", "business_association",
        "Wirtschaftsverband", "Association professionnelle", "Asociación empresarial",
        "Associazione di imprese", "Stowarzyszenie przedsiębiorców", "Brancheorganisatie",
        "Associação empresarial", "Branschorganisation", "Erhvervssammenslutning",
        "Podnikatelské sdružení", "Бизнес асоциация", "Επιχειρηματική ένωση",
    ],
    "company": [
        "Company/Business organisation", "COMPANY", "company", "Company/business", "Company",
        "Business organisation", "Unternehmen/Unternehmensorganisation", "Unternehmen",
        "Entreprise/Organisation professionnelle", "Entreprise", "Empresa/Organización empresarial",
        "Impresa/Organizzazione imprenditoriale", "Przedsiębiorstwo", "Bedrijf/bedrijfsorganisatie",
        "Empresa/Organização empresarial", "Företag", "Virksomhed", "Yritys", "Společnost",
        "Vállalat", "Întreprindere", "Дружество", "Εταιρεία", "Įmonė",
    ],
    "consumer_organisation": [
        "Consumer Organisation", "CONSUMER_ORGANISATION", "consumer_organisation",
        "Verbraucherorganisation", "Organisation de consommateurs", "Organización de consumidores",
        "Organizzazione dei consumatori", "Organizacja konsumencka", "Consumentenorganisatie",
        "Organização de consumidores", "Konsumentorganisation", "Kuluttajajärjestö",
        "Οργάνωση καταναλωτών",
    ],
    "environmental_organisation": [
        "Environmental Organisation", "ENVIRONMENTAL_ORGANISATION", "environmental_organisation",
        "Umweltorganisation", "Organisation environnementale", "Organización medioambiental",
        "Organizzazione ambientalista", "Organizacja ekologiczna", "Milieuorganisatie",
        "Organização ambiental", "Miljöorganisation", "Miljøorganisation",
        "Περιβαλλοντική οργάνωση",
    ],
    "ngo": [
        "NGO (Non-governmental organisation)", "NGO", "ngo", "Non-governmental organisation",
        "Nichtregierungsorganisation (NRO)", "Nichtregierungsorganisation",
        "Organisation non gouvernementale (ONG)", "Organisation non gouvernementale",
        "Organización no gubernamental (ONG)", "Organizzazione non governativa (ONG)",
        "Organizacja pozarządowa (NGO)", "Niet-gouvernementele organisatie (ngo)",
        "Organização não governamental (ONG)", "Nevládní organizace (NGO)",
        "Неправителствена организация (НПО)", "Μη κυβερνητική οργάνωση (ΜΚΟ)",
    ],
    "public_authority": [
        "Public authority", "PUBLIC_AUTHORITY", "public_authority",
        "Public authority (national/regional/local)", "Public authority (regional)", "Behörde",
        "Autorité publique", "Autoridad pública", "Autorità pubblica", "Organ publiczny",
        "Overheidsinstantie", "Autoridade pública", "Offentlig myndighet", "Viranomainen",
        "Δημόσια αρχή", "Údarás poiblí",
    ],
    "trade_union": [
        "Trade Union", "TRADE_UNION", "trade_union", "Gewerkschaft", "Syndicat", "Sindicato",
        "Sindacato", "Związek zawodowy", "Vakbond", "Fackförening", "Fagforening",
        "Ammattiliitto", "Odborová organizace", "Szakszervezet", "Sindikat", "Ametiühing",
        "Arodbiedrība", "Profesinė sąjunga", "Ceardchumann", "Συνδικαλιστική οργάνωση",
    ],
    "other": [
        "Other", "OTHER", "other", "Other (please specify)", "Sonstiges", "Andere", "Autre",
        "Otro", "Altro", "Inne", "Overig", "Outro", "Annat", "Andet", "Muu", "Jiné", "Drugo",
        "Egyéb", "Altele", "Друго", "Άλλο", "Cits", "Kita", "Eile", "Oħrajn",
    ],
}
# fmt: on
STAKEHOLDER_PAIRS = [
    (label, kind) for kind, labels in STAKEHOLDER_CASES.items() for label in labels
]


def test_stakeholder_cases_cover_every_type_but_not_disclosed() -> None:
    assert set(STAKEHOLDER_CASES) == set(STAKEHOLDER_TYPES) - {"not_disclosed"}


@pytest.mark.parametrize(("label", "expected"), STAKEHOLDER_PAIRS)
def test_map_stakeholder_type_known_labels(label: str, expected: str) -> None:
    assert map_stakeholder_type(label) == expected
    assert map_stakeholder_type(f"  {label.upper()}  ") == expected


@pytest.mark.parametrize("blank", BLANKS)
def test_map_stakeholder_type_blank_is_not_disclosed(blank: object) -> None:
    assert map_stakeholder_type(blank) == "not_disclosed"


@pytest.mark.parametrize(
    "label",
    [
        "Atlantis",
        "Citizen",
        "Organisation",
        "Business associations",
        "Other, please specify:",
        "Other stakeholder",
        "EU",
        "Compagnie aérienne",
        "Company or NGO",
        "academic_rsrch_inst",
        "Unknown",
    ],
)
def test_map_stakeholder_type_unknown_is_none(label: str) -> None:
    assert map_stakeholder_type(label) is None


@pytest.mark.parametrize(
    ("kind", "language", "label"),
    [
        (kind, language, label)
        for kind, by_language in taxonomy._STAKEHOLDER_LABELS.items()
        for language, labels in by_language.items()
        for label in labels
    ],
)
def test_every_stakeholder_table_label_round_trips(kind: str, language: str, label: str) -> None:
    assert map_stakeholder_type(label) == kind, (language, label)


def test_stakeholder_tables_cover_every_eu_language() -> None:
    for kind, by_language in taxonomy._STAKEHOLDER_LABELS.items():
        if kind == "not_disclosed":
            continue
        assert set(taxonomy._EU_LANGUAGES) <= set(by_language), kind


def test_conflicting_table_is_rejected() -> None:
    with pytest.raises(ValueError, match="maps to both"):
        taxonomy._build_lookup({"ngo": {"en": ("NGO",)}, "other": {"de": ("ngo!",)}}, "Test")


# --------------------------------------------------------------------------------------------
# regulations.gov categories
# --------------------------------------------------------------------------------------------

# fmt: off
US_CASES = [
    ("Health Care Industry - PI015", "company"),
    ("Private Industry - Health Care", "company"),
    ("Laboratory Industry - PI020", "company"),
    ("Hospital - HPA35", "company"),
    ("Employer", "company"),
    ("Rural Health Clinic - HPA65", "company"),
    ("Long-term Care - HPA45", "company"),
    ("Comprehensive Outpatient Rehabilitation Facility - HPA10", "company"),
    ("Other Health Care Provider - HPA70", "company"),
    ("Government - Federal", "public_authority"),
    ("Government - State", "public_authority"),
    ("Government - Local", "public_authority"),
    ("Federal Government - G0005", "public_authority"),
    ("State Government - G0010", "public_authority"),
    ("Other Government - G0020", "public_authority"),
    ("Congressional", "public_authority"),
    ("Congressional - C0001", "public_authority"),
    ("Individual", "non_eu_citizen"),
    ("Individual - I0001", "non_eu_citizen"),
    ("Consumer Group", "consumer_organisation"),
    ("Consumer Group - CG001", "consumer_organisation"),
    ("Academic - OT005", "academic_research_institution"),
    ("Other - Academic", "academic_research_institution"),
    ("Association - Other", "business_association"),
    ("Association - AS001", "business_association"),
    ("Other Association - AS020", "business_association"),
    ("Health Plan or Association", "business_association"),
    ("Health Plan or Association - HP010", "business_association"),
    ("Health Care Professional/Association - Physician", "business_association"),
    ("Health Care Professional or Association - HC001", "business_association"),
    ("Health Care Provider/Association - Hospital", "business_association"),
    ("Physician - HC005", "other"),
    ("Nurse - HC065", "other"),
    ("Chiropractor - HC060", "other"),
    ("Physician Assistant - HC010", "other"),
    ("Other Practitioner - HC020", "other"),
    ("Other Technician - HC040", "other"),
    ("Other Health Care Professional - HC075", "other"),
    ("Other - OT001", "other"),
    ("Other", "other"),
]

# fmt: on


@pytest.mark.parametrize(("label", "expected"), US_CASES)
def test_map_us_category(label: str, expected: str) -> None:
    assert map_us_category(label) == expected


@pytest.mark.parametrize("blank", BLANKS)
def test_map_us_category_blank(blank: object) -> None:
    assert map_us_category(blank) == "not_disclosed"


@pytest.mark.parametrize("label", ["Martian", "Spaceship - SP001", "Industry Leader"])
def test_map_us_category_unknown(label: str) -> None:
    assert map_us_category(label) is None


@pytest.mark.shared_data
def test_every_real_regulations_gov_category_maps() -> None:
    if not REGS_DIR.is_dir():
        pytest.skip(f"shared data not found at {REGS_DIR}")
    categories: Counter[object] = Counter()
    countries: Counter[object] = Counter()
    for path in sorted(REGS_DIR.glob("*.json")):
        attributes = json.loads(path.read_text(encoding="utf-8"))["data"]["attributes"]
        categories[attributes.get("category")] += 1
        countries[attributes.get("country")] += 1
    assert sum(categories.values()) > 0
    unmapped = sorted(str(c) for c in categories if map_us_category(c) is None)
    assert unmapped == []
    mapped = Counter()
    for category, n in categories.items():
        mapped[map_us_category(category)] += n
    assert sum(mapped.values()) == sum(categories.values())
    assert mapped["not_disclosed"] == categories[None]
    bad_countries = sorted(str(c) for c in countries if c and map_country(c) is None)
    assert bad_countries == []


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

# fmt: off
COUNTRY_CASES = [
    # Belgium in DE/DA/SV, FR, NL, ES/PT, IT, PL/ET/FI/RO, HR/LT/SL, CS, SK, EL, BG, LV, MT, GA
    *[(name, "BEL") for name in (
        "Belgium", "Belgien", "Belgique", "België", "Bélgica", "Belgio", "Belgia", "Belgija",
        "Belgicko", "Βέλγιο", "Белгия", "Beļģija", "Belġju", "An Bheilg",
    )],
    *[(name, "DEU") for name in (
        "Germany", "Deutschland", "Allemagne", "Alemania", "Germania", "Niemcy", "Duitsland",
        "Alemanha", "Tyskland", "Saksa", "Německo", "Nemecko", "Nemčija", "Njemačka",
        "Németország", "Германия", "Γερμανία", "Saksamaa", "Vācija", "Vokietija", "Ġermanja",
    )],
    *[(name, "GRC") for name in ("Greece", "Ελλάδα", "Griechenland", "Grèce", "Grecia", "EL")],
    *[(name, "NLD") for name in (
        "Netherlands", "The Netherlands", "Nederland", "Niederlande", "Pays-Bas", "Países Bajos",
        "Paesi Bassi", "Holandia", "Países Baixos", "Nederländerna", "Alankomaat",
    )],
    *[(name, "ESP") for name in ("Spain", "España", "Espagne", "Spanien", "Spagna", "Espanha",
                                 "Hiszpania", "Spanje")],
    ("Czechia", "CZE"), ("Czech Republic", "CZE"), ("Česko", "CZE"), ("Tschechien", "CZE"),
    ("United Kingdom", "GBR"), ("UK", "GBR"), ("Royaume-Uni", "GBR"),
    ("Vereinigtes Königreich", "GBR"),
    ("Russia", "RUS"), ("Russian Federation", "RUS"),
    ("South Korea", "KOR"), ("Korea, Republic of", "KOR"),
    ("United States", "USA"), ("USA", "USA"), ("United States of America", "USA"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"),
    ("Kosovo", "XKX"), ("XK", "XKX"),
    ("Österreich", "AUT"), ("Polska", "POL"), ("Sverige", "SWE"), ("Suomi", "FIN"),
    ("Magyarország", "HUN"), ("România", "ROU"), ("България", "BGR"), ("Κύπρος", "CYP"),
    ("Éire", "IRL"), ("Schweiz", "CHE"), ("Norge", "NOR"), ("Congo", "COG"),
    # codes, any case
    ("BE", "BEL"), ("be", "BEL"), ("BEL", "BEL"), ("bel", "BEL"), ("de", "DEU"), ("GB", "GBR"),
    ("US", "USA"), ("CHN", "CHN"), ("jpn", "JPN"),
]

# fmt: on


@pytest.mark.parametrize(("name", "expected"), COUNTRY_CASES)
def test_map_country(name: str, expected: str) -> None:
    assert map_country(name) == expected


@pytest.mark.parametrize("value", ["Atlantis", "Korea", "Europe", "EU", "XYZ", "Q", *BLANKS])
def test_map_country_unknown_or_blank_is_none(value: object) -> None:
    assert map_country(value) is None


def test_every_eu_country_name_in_every_eu_language_maps() -> None:
    eu = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
          "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
          "SVN", "ESP", "SWE"]  # fmt: skip
    translators = taxonomy._gettext_translators("iso3166-1")
    assert len(translators) == len(taxonomy._EU_LANGUAGES) - 1
    for alpha_3 in eu:
        country = pycountry.countries.get(alpha_3=alpha_3)
        assert map_country(country.name) == alpha_3
        for translate in translators:
            assert map_country(translate(country.name)) == alpha_3, translate(country.name)


# --------------------------------------------------------------------------------------------
# Languages
# --------------------------------------------------------------------------------------------

# fmt: off
LANGUAGE_CASES = [
    ("en", "en"), ("EN", "en"), ("eng", "en"), ("ger", "de"), ("deu", "de"), ("fre", "fr"),
    ("fra", "fr"), ("dut", "nl"), ("gre", "el"), ("pt-BR", "pt"), ("en_GB", "en"),
    ("German", "de"), ("French", "fr"), ("Greek", "el"), ("Dutch", "nl"), ("Irish", "ga"),
    ("Norwegian", "no"), ("Ukrainian", "uk"), ("Russian", "ru"), ("Catalan", "ca"),
    ("Bulgarian", "bg"), ("Croatian", "hr"), ("Maltese", "mt"),
    # native names of the 24 EU official languages
    ("Български", "bg"), ("Čeština", "cs"), ("Dansk", "da"), ("Deutsch", "de"),
    ("Ελληνικά", "el"), ("English", "en"), ("Español", "es"), ("Eesti", "et"), ("Suomi", "fi"),
    ("Français", "fr"), ("Gaeilge", "ga"), ("Hrvatski", "hr"), ("Magyar", "hu"),
    ("Italiano", "it"), ("Lietuvių", "lt"), ("Latviešu", "lv"), ("Malti", "mt"),
    ("Nederlands", "nl"), ("Polski", "pl"), ("Português", "pt"), ("Română", "ro"),
    ("Slovenčina", "sk"), ("Slovenščina", "sl"), ("Svenska", "sv"),
    # names in other EU languages (pycountry translations)
    ("Allemand", "de"), ("Alemán", "de"), ("Tedesco", "de"), ("niemiecki", "de"),
    ("Duits", "de"), ("Alemão", "de"), ("Tyska", "de"), ("Néerlandais", "nl"),
    ("Niederländisch", "nl"), ("Grec", "el"), ("Griechisch", "el"), ("Anglais", "en"),
    ("Englisch", "en"), ("Französisch", "fr"), ("Spanisch", "es"), ("Polnisch", "pl"),
]

# fmt: on


@pytest.mark.parametrize(("name", "expected"), LANGUAGE_CASES)
def test_map_language(name: str, expected: str) -> None:
    assert map_language(name) == expected


@pytest.mark.parametrize("value", ["Klingon", "Elvish", "xx", "zzz", *BLANKS])
def test_map_language_unknown_or_blank_is_none(value: object) -> None:
    assert map_language(value) is None


# --------------------------------------------------------------------------------------------
# Organisation size and publication
# --------------------------------------------------------------------------------------------

# fmt: off
SIZE_CASES = [
    ("Micro (< 10 employees)", "micro"), ("Small (< 50 employees)", "small"),
    ("Medium (< 250 employees)", "medium"), ("Large (250 or more)", "large"),
    ("MICRO", "micro"), ("SMALL", "small"), ("MEDIUM", "medium"), ("LARGE", "large"),
    ("micro", "micro"), ("small", "small"), ("medium", "medium"), ("large", "large"),
    ("Kleinstunternehmen (< 10 Beschäftigte)", "micro"), ("Kleinunternehmen", "small"),
    ("Mittleres Unternehmen", "medium"), ("Großunternehmen (250 oder mehr)", "large"),
    ("Micro (< 10 salariés)", "micro"), ("Petite (< 50 salariés)", "small"),
    ("Moyenne (< 250 salariés)", "medium"), ("Grand (250 ou plus)", "large"),
    ("Microempresa", "micro"), ("Pequeña (< 50 empleados)", "small"),
    ("Mediana (< 250 empleados)", "medium"), ("Grande (250 o más)", "large"),
    ("Microimpresa", "micro"), ("Piccola", "small"), ("Media", "medium"), ("Grande", "large"),
    ("Mikroprzedsiębiorstwo", "micro"), ("Małe", "small"), ("Średnie", "medium"),
    ("Duże", "large"), ("Micro-onderneming", "micro"), ("Klein", "small"),
    ("Middelgroot", "medium"), ("Groot", "large"), ("Pequena", "small"), ("Média", "medium"),
]

# fmt: on


@pytest.mark.parametrize(("label", "expected"), SIZE_CASES)
def test_map_organisation_size(label: str, expected: str) -> None:
    assert map_organisation_size(label) == expected


@pytest.mark.parametrize("value", ["Huge", "SME", "250", *BLANKS])
def test_map_organisation_size_unknown_or_blank_is_none(value: object) -> None:
    assert map_organisation_size(value) is None


# fmt: off
PUBLICATION_CASES = [
    ("The feedback can be published with your personal information", "public"),
    ("withinfo", "public"), ("WITHINFO", "public"),
    ("The feedback can be published in an anonymous way", "anonymous"),
    ("anonymous", "anonymous"), ("ANONYMOUS", "anonymous"),
    ("Anonymous: only your type of respondent and contribution will be published", "anonymous"),
    ("Public - your personal details will be published", "public"),
    ("Der Beitrag kann anonym veröffentlicht werden", "anonymous"),
    ("Anonym", "anonymous"), ("Öffentlich", "public"),
    ("La contribution peut être publiée de manière anonyme", "anonymous"),
    ("La contribution peut être publiée avec vos informations personnelles", "public"),
    ("La contribución puede publicarse de forma anónima", "anonymous"),
    ("Il contributo può essere pubblicato in forma anonima", "anonymous"),
    ("Opinia może zostać opublikowana anonimowo", "anonymous"),
    ("De feedback mag anoniem worden gepubliceerd", "anonymous"),
    ("De feedback mag met uw persoonsgegevens worden gepubliceerd", "public"),
    ("O contributo pode ser publicado de forma anónima", "anonymous"),
    ("O contributo pode ser publicado com os seus dados pessoais", "public"),
]

# fmt: on


@pytest.mark.parametrize(("label", "expected"), PUBLICATION_CASES)
def test_map_publication(label: str, expected: str) -> None:
    assert map_publication(label) == expected


@pytest.mark.parametrize("value", ["Maybe", "Private", "Published", *BLANKS])
def test_map_publication_unknown_or_blank_is_none(value: object) -> None:
    assert map_publication(value) is None


@pytest.mark.parametrize(
    ("mapper", "tables"),
    [
        (map_organisation_size, taxonomy._SIZE_LABELS),
        (map_publication, taxonomy._PUBLICATION_LABELS),
    ],
)
def test_every_size_and_publication_table_label_round_trips(mapper, tables) -> None:
    for canonical, by_language in tables.items():
        for language, labels in by_language.items():
            for label in labels:
                assert mapper(label) == canonical, (language, label)


def test_every_us_table_label_round_trips() -> None:
    for canonical, labels in taxonomy._US_CATEGORY_LABELS.items():
        for label in labels:
            assert map_us_category(label) == canonical, label


# --------------------------------------------------------------------------------------------
# Real Have Your Say data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hys_feedbacks() -> pd.DataFrame:
    path = HYS_DIR / "feedbacks.csv"
    if not path.is_file():
        pytest.skip(f"shared data not found at {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("column", "mapper"),
    [
        ("user_type", map_stakeholder_type),
        ("country", map_country),
        ("company_size", map_organisation_size),
        ("publication", map_publication),
        ("language", map_language),
    ],
)
def test_every_real_hys_value_maps(hys_feedbacks: pd.DataFrame, column: str, mapper) -> None:
    values = hys_feedbacks[column].dropna().unique()
    assert len(values) > 0
    assert sorted(v for v in values if mapper(v) is None) == []


@pytest.mark.shared_data
def test_hys_values_map_to_expected_codes(hys_feedbacks: pd.DataFrame) -> None:
    # The scraper writes ISO codes already: the mappers must keep them.
    for code in hys_feedbacks["country"].dropna().unique():
        assert map_country(code) == code
    for code in hys_feedbacks["language"].dropna().unique():
        assert map_language(code) == code
    assert set(hys_feedbacks["publication"].map(map_publication)) == {"public", "anonymous"}


@pytest.mark.shared_data
def test_hys_canonical_counts_equal_raw_counts(hys_feedbacks: pd.DataFrame) -> None:
    raw = hys_feedbacks["user_type"].value_counts(dropna=False)
    canonical = hys_feedbacks["user_type"].map(map_stakeholder_type).value_counts(dropna=False)
    expected = Counter()
    for label, n in raw.items():
        expected[map_stakeholder_type(label)] += int(n)
    assert dict(canonical) == dict(expected)
    assert int(canonical.sum()) == len(hys_feedbacks)
    assert canonical["academic_research_institution"] == raw["academic_research_instittution"]
    assert canonical["company"] == raw["company"]
    assert len(canonical) == len(raw)  # no two raw labels collapse, none is lost

    # categories.csv is the scraper's own tally of the published feedback, by raw label.
    categories = pd.read_csv(HYS_DIR / "categories.csv")
    tallied = {map_stakeholder_type(c): int(n) for c, n in categories.itertuples(index=False)}
    published = hys_feedbacks[hys_feedbacks["status"] == "PUBLISHED"]
    assert tallied == dict(published["user_type"].map(map_stakeholder_type).value_counts())


@pytest.mark.shared_data
def test_hys_country_table_maps() -> None:
    path = HYS_DIR / "countries.csv"
    if not path.is_file():
        pytest.skip(f"shared data not found at {path}")
    countries = pd.read_csv(path, dtype={"country": str})
    assert all(map_country(c) == c for c in countries["country"])


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

ALLOWED = {
    map_stakeholder_type: set(STAKEHOLDER_TYPES),
    map_us_category: set(STAKEHOLDER_TYPES),
    map_country: ALL_COUNTRIES,
    map_language: ALL_LANGUAGES,
    map_organisation_size: set(ORGANISATION_SIZES),
    map_publication: {"public", "anonymous"},
}

ANY_CELL = st.one_of(
    st.text(),
    st.none(),
    st.floats(allow_nan=True),
    st.integers(),
    st.binary(max_size=20),
    st.booleans(),
    st.lists(st.text(max_size=3), max_size=2),
    st.sampled_from([pd.NA, pd.NaT, np.nan]),
)


@settings(max_examples=300, deadline=None)
@given(raw=st.text())
def test_mappers_never_raise_on_text(raw: str) -> None:
    for mapper, allowed in ALLOWED.items():
        result = mapper(raw)
        assert result is None or result in allowed


@settings(max_examples=200, deadline=None)
@given(raw=ANY_CELL)
def test_mappers_never_raise_on_any_cell(raw: object) -> None:
    for mapper, allowed in ALLOWED.items():
        result = mapper(raw)
        assert result is None or result in allowed
    assert isinstance(is_organisation(map_stakeholder_type(raw)), bool)


@settings(max_examples=500, deadline=None)
@given(raw=st.text())
def test_normalise_label_is_idempotent(raw: str) -> None:
    once = normalise_label(raw)
    assert normalise_label(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(label=st.sampled_from([label for label, _ in STAKEHOLDER_PAIRS]), pad=st.text(" \t_-/"))
def test_stakeholder_mapping_ignores_case_and_padding(label: str, pad: str) -> None:
    expected = map_stakeholder_type(label)
    assert map_stakeholder_type(pad + label.swapcase() + pad) == expected


@given(value=st.sampled_from(sorted(ALL_COUNTRIES - {"XKX"})))
def test_every_iso_country_code_and_name_maps(value: str) -> None:
    country = pycountry.countries.get(alpha_3=value)
    assert map_country(country.alpha_3) == value
    assert map_country(country.alpha_2) == value
    assert map_country(country.name) == value


def test_nan_blanks_are_not_cached_as_text() -> None:
    assert math.isnan(float("nan"))
    assert map_stakeholder_type(float("nan")) == "not_disclosed"
    assert map_stakeholder_type("nan") is None
