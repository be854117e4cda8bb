"""Canonical vocabularies for respondent profiles, and mappers from raw export labels to them.

Consultation exports describe respondents with labels that differ by source, by interface
language and by spelling: ``"Wirtschaftsverband"``, ``"Business Association"``,
``BUSINESS_ASSOCIATION`` and ``business_association`` all mean the same Commission category.
This module holds the canonical values and one mapper per profile field:

==========================  ====================================================================
``map_stakeholder_type``    EU labels (EUSurvey, Have Your Say API / scraper), 24 EU languages
``map_us_category``         regulations.gov submitter ``category``
``map_country``             ISO 3166-1 alpha-3, from codes and names in the EU languages
``map_language``            ISO 639-1, from codes and names (English, native, EU languages)
``map_organisation_size``   ``micro`` | ``small`` | ``medium`` | ``large``
``map_publication``         ``public`` | ``anonymous``
==========================  ====================================================================

Matching is exact on :func:`normalise_label` of the raw value (case, accents and punctuation
ignored); a label that does not match is **not guessed**: the mapper returns ``None`` and the
caller reports it. Blank stakeholder labels (anonymous contributions) are ``"not_disclosed"``.

The label tables below are plain data, one table per canonical value, keyed by language (ISO
639-1; ``"api"`` for machine enums). A label that normalises to the same key as a label of
another canonical value is a programming error and fails at import.

All mappers are pure and memoised, so calling them once per row on millions of rows is cheap.
"""

from __future__ import annotations

import gettext
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from numbers import Real

import pycountry

__all__ = [
    "ORGANISATION_SIZES",
    "ORGANISATION_TYPES",
    "STAKEHOLDER_TYPES",
    "is_organisation",
    "map_country",
    "map_language",
    "map_organisation_size",
    "map_publication",
    "map_stakeholder_type",
    "map_us_category",
    "normalise_label",
]

logger = logging.getLogger(__name__)

STAKEHOLDER_TYPES: tuple[str, ...] = (
    "eu_citizen",
    "non_eu_citizen",
    "academic_research_institution",
    "business_association",
    "company",
    "consumer_organisation",
    "environmental_organisation",
    "ngo",
    "public_authority",
    "trade_union",
    "other",
    "not_disclosed",
)
"""Canonical stakeholder types: the Commission's Better Regulation categories."""

ORGANISATION_TYPES: frozenset[str] = frozenset(STAKEHOLDER_TYPES) - {
    "eu_citizen",
    "non_eu_citizen",
    "not_disclosed",
}
"""Stakeholder types that are organisations (``other`` included: it is an organisation type)."""

ORGANISATION_SIZES: tuple[str, ...] = ("micro", "small", "medium", "large")
"""Canonical organisation sizes (EU SME definition: < 10, < 50, < 250, 250 or more staff)."""

_CACHE_SIZE = 1 << 16
_EU_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[\W_]+")
_TRAILING_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]][\W_]*$")
_NA_TYPE_NAMES = frozenset({"NAType", "NaTType"})


def _as_text(raw: object) -> str:
    """Return ``raw`` as text; missing values (None, NaN, pandas NA/NaT) become ``""``."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if type(raw).__name__ in _NA_TYPE_NAMES:
        return ""
    if isinstance(raw, bytes | bytearray):
        return bytes(raw).decode("utf-8", errors="replace")
    if isinstance(raw, Real):
        try:
            if math.isnan(raw):
                return ""
        except (TypeError, ValueError, OverflowError):
            pass
    try:
        return str(raw)
    except Exception:  # a broken __str__ must not stop a per-row mapper
        logger.debug("Cannot convert %r to text", type(raw))
        return ""


def _drop_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _normalise_once(text: str) -> str:
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    folded = _drop_marks(text).casefold()
    if not unicodedata.is_normalized("NFKD", folded):
        folded = _drop_marks(folded)
    return _NON_ALNUM.sub(" ", folded).strip()


@lru_cache(maxsize=_CACHE_SIZE)
def _normalise_text(text: str) -> str:
    # Repeat to a fixed point: a few compatibility characters only settle after two passes
    # (e.g. NFKD yielding capitals), and normalise_label must be idempotent.
    result = _normalise_once(text)
    for _ in range(8):
        if result.isascii():
            break  # ASCII output is already a fixed point
        again = _normalise_once(result)
        if again == result:
            break
        result = again
    return result


def normalise_label(raw: object) -> str:
    """Normalise a label for matching.

    Parameters
    ----------
    raw : object
        Any cell value.

    Returns
    -------
    str
        Casefolded, accents removed (NFKD, combining marks dropped), every run of
        non-alphanumeric characters replaced by one space, stripped. ``""`` for None, NaN,
        pandas NA and blank strings.
    """
    text = raw if type(raw) is str else _as_text(raw)
    if not text:
        return ""
    return _normalise_text(text)


def _without_trailing_parens(text: str) -> str:
    """``"NGO (Non-governmental organisation)"`` -> ``"NGO"``; unchanged without a suffix."""
    return _TRAILING_PARENS.sub("", text)


# --------------------------------------------------------------------------------------------
# Lookup construction
# --------------------------------------------------------------------------------------------

LabelTable = Mapping[str, Iterable[str]]  # language -> labels


def _build_lookup(tables: Mapping[str, LabelTable], what: str) -> dict[str, str]:
    """Flatten ``{canonical: {language: labels}}`` to ``{normalised label: canonical}``.

    Raises ``ValueError`` when one normalised label belongs to two canonical values.
    """
    lookup: dict[str, str] = {}
    for canonical, by_language in tables.items():
        for labels in by_language.values():
            for label in labels:
                for variant in {label, _without_trailing_parens(label)}:
                    key = normalise_label(variant)
                    if not key:
                        continue
                    known = lookup.setdefault(key, canonical)
                    if known != canonical:
                        raise ValueError(
                            f"{what} label {label!r} (normalised {key!r}) maps to both "
                            f"{known!r} and {canonical!r}; fix the table in taxonomy.py."
                        )
    return lookup


def _lookup_candidates(text: str) -> tuple[str, ...]:
    """Normalised keys to try for one raw label, most specific first."""
    key = _normalise_text(text) if text else ""
    stripped = _without_trailing_parens(text)
    if stripped != text:
        return (key, normalise_label(stripped))
    return (key,)


# --------------------------------------------------------------------------------------------
# Stakeholder types: EU labels (Have Your Say API enums, scraper forms, EUSurvey / portal
# interface labels in the EU official languages). One table per canonical type.
# --------------------------------------------------------------------------------------------

# fmt: off
_EU_CITIZEN_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("EU_CITIZEN", "eu_citizen"),
    "en": ("EU Citizen", "EU citizen", "Citizen of the EU", "EU national", "European citizen"),
    "de": ("EU-Bürgerin/EU-Bürger", "EU-Bürger/EU-Bürgerin", "EU-Bürger", "EU-Bürgerin",
           "EU-Bürger/-in", "EU-Bürger/in", "EU-Bürger*in", "EU-Bürger:in", "EU-Bürger(in)"),
    "fr": ("Citoyen de l'UE", "Citoyen·ne de l'UE", "Citoyenne de l'UE",
           "Citoyen/Citoyenne de l'UE", "Citoyen(ne) de l'UE", "Citoyen européen",
           "Citoyen de l'Union européenne"),
    "es": ("Ciudadano/a de la UE", "Ciudadano de la UE", "Ciudadana de la UE",
           "Ciudadano/Ciudadana de la UE", "Ciudadano de la Unión Europea"),
    "it": ("Cittadino/a dell'UE", "Cittadino dell'UE", "Cittadina dell'UE", "Cittadino UE",
           "Cittadino/Cittadina dell'UE", "Cittadino dell'Unione europea"),
    "pl": ("Obywatel UE", "Obywatelka UE", "Obywatel/obywatelka UE", "Obywatel(ka) UE"),
    "nl": ("EU-burger", "Burger van de EU", "Burger van de Europese Unie"),
    "pt": ("Cidadão/Cidadã da UE", "Cidadão da UE", "Cidadã da UE", "Cidadão/ã da UE",
           "Cidadão da União Europeia"),
    "sv": ("EU-medborgare", "Medborgare i EU"),
    "da": ("EU-borger", "Borger i EU"),
    "fi": ("EU-kansalainen", "EU:n kansalainen"),
    "cs": ("Občan EU", "Občanka EU", "Občan/občanka EU"),
    "sk": ("Občan EÚ", "Občianka EÚ", "Občan/občianka EÚ"),
    "sl": ("Državljan EU", "Državljanka EU", "Državljan/državljanka EU"),
    "hr": ("Građanin EU-a", "Građanka EU-a", "Građanin/građanka EU-a"),
    "hu": ("Uniós polgár", "EU-polgár", "Uniós állampolgár"),
    "ro": ("Cetățean UE", "Cetățean al UE", "Cetățean/cetățeană UE"),
    "bg": ("Гражданин на ЕС", "Гражданка на ЕС"),
    "el": ("Πολίτης της ΕΕ", "Πολίτης ΕΕ"),
    "et": ("ELi kodanik",),
    "lv": ("ES pilsonis", "ES pilsone", "ES pilsonis/pilsone"),
    "lt": ("ES pilietis", "ES pilietė", "ES pilietis/pilietė"),
    "ga": ("Saoránach AE", "Saoránach den AE"),
    "mt": ("Ċittadin tal-UE", "Ċittadina tal-UE"),
}

_NON_EU_CITIZEN_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("NON_EU_CITIZEN", "non_eu_citizen"),
    "en": ("Non-EU Citizen", "Non-EU citizen", "Non EU citizen", "Citizen of a non-EU country",
           "Third-country national", "Third country citizen"),
    "de": ("Nicht-EU-Bürgerin/Nicht-EU-Bürger", "Nicht-EU-Bürger/Nicht-EU-Bürgerin",
           "Nicht-EU-Bürger", "Nicht-EU-Bürgerin", "Nicht-EU-Bürger/-in", "Nicht-EU-Bürger/in",
           "Nicht-EU-Bürger*in", "Bürger eines Nicht-EU-Landes", "Drittstaatsangehöriger",
           "Drittstaatsangehörige"),
    "fr": ("Citoyen d'un pays tiers", "Citoyen·ne d'un pays tiers", "Citoyen non-UE",
           "Citoyen·ne non-UE", "Citoyenne non-UE", "Citoyen hors UE",
           "Citoyen d'un pays non membre de l'UE", "Ressortissant d'un pays tiers"),
    "es": ("Ciudadano/a de un país no perteneciente a la UE",
           "Ciudadano de un país no perteneciente a la UE", "Ciudadano/a no perteneciente a la UE",
           "Ciudadano no perteneciente a la UE", "Ciudadano de fuera de la UE",
           "Ciudadano no UE", "Ciudadano de un tercer país"),
    "it": ("Cittadino/a non UE", "Cittadino non UE", "Cittadina non UE", "Cittadino extra UE",
           "Cittadino di un paese non UE", "Cittadino di un paese terzo"),
    "pl": ("Obywatel spoza UE", "Obywatelka spoza UE", "Obywatel/obywatelka spoza UE",
           "Obywatel państwa spoza UE", "Obywatel państwa trzeciego"),
    "nl": ("Niet-EU-burger", "Burger van buiten de EU", "Burger van een niet-EU-land",
           "Burger van een derde land"),
    "pt": ("Cidadão/Cidadã de um país terceiro", "Cidadão de um país terceiro",
           "Cidadão de país terceiro", "Cidadão/Cidadã não UE", "Cidadão não UE",
           "Cidadão de fora da UE", "Cidadão de um país não pertencente à UE"),
    "sv": ("Medborgare i ett land utanför EU", "Medborgare i land utanför EU",
           "Icke-EU-medborgare", "Tredjelandsmedborgare"),
    "da": ("Borger fra et land uden for EU", "Ikke-EU-borger", "Tredjelandsstatsborger"),
    "fi": ("EU:n ulkopuolisen maan kansalainen", "Muu kuin EU-kansalainen",
           "Kolmannen maan kansalainen"),
    "cs": ("Občan země mimo EU", "Občan/občanka země mimo EU", "Občan mimo EU",
           "Občan třetí země"),
    "sk": ("Občan krajiny mimo EÚ", "Občan mimo EÚ", "Občan tretej krajiny"),
    "sl": ("Državljan države nečlanice EU", "Državljan tretje države",
           "Državljan države, ki ni članica EU"),
    "hr": ("Građanin zemlje koja nije članica EU-a", "Građanin zemlje izvan EU-a",
           "Građanin treće zemlje", "Građanin/građanka zemlje izvan EU-a"),
    "hu": ("Nem uniós polgár", "Nem EU-polgár", "Harmadik országbeli állampolgár"),
    "ro": ("Cetățean din afara UE", "Cetățean non-UE", "Cetățean al unei țări terțe"),
    "bg": ("Гражданин на държава извън ЕС", "Гражданин извън ЕС",
           "Гражданин на трета държава"),
    "el": ("Πολίτης χώρας εκτός ΕΕ", "Πολίτης εκτός ΕΕ", "Πολίτης τρίτης χώρας"),
    "et": ("Kolmanda riigi kodanik", "Mitte-ELi kodanik", "ELi-väline kodanik"),
    "lv": ("Trešās valsts pilsonis", "Ne-ES pilsonis", "Pilsonis no valsts ārpus ES"),
    "lt": ("Ne ES pilietis", "Ne ES pilietė", "Trečiosios šalies pilietis"),
    "ga": ("Saoránach neamh-AE", "Saoránach tríú tír"),
    "mt": ("Ċittadin mhux tal-UE", "Ċittadin ta' pajjiż terz"),
}

_ACADEMIC_LABELS: dict[str, tuple[str, ...]] = {
    # The Have Your Say API misspells the enum (INSTITTUTION); both spellings are accepted.
    "api": ("ACADEMIC_RESEARCH_INSTITTUTION", "academic_research_instittution",
            "ACADEMIC_RESEARCH_INSTITUTION", "academic_research_institution"),
    "en": ("Academic/Research Institution", "Academic/research institution",
           "Academic research institution", "Academic / research", "Academic/Research",
           "Academic institution", "Research institution", "Research institute",
           "University", "Academia"),
    "de": ("Wissenschaftliche Einrichtung/Forschungseinrichtung",
           "Akademische Einrichtung/Forschungseinrichtung", "Hochschule/Forschungseinrichtung",
           "Wissenschaftliche Einrichtung", "Forschungseinrichtung", "Forschungsinstitut",
           "Hochschule", "Universität"),
    "fr": ("Établissement universitaire/de recherche", "Établissement universitaire",
           "Établissement de recherche", "Institution universitaire/de recherche",
           "Institut de recherche", "Université"),
    "es": ("Institución académica/de investigación", "Centro académico/de investigación",
           "Institución académica", "Centro de investigación", "Instituto de investigación",
           "Universidad"),
    "it": ("Istituto accademico/di ricerca", "Istituzione accademica/di ricerca",
           "Istituzione accademica", "Istituto di ricerca", "Ente di ricerca", "Università"),
    "pl": ("Instytucja akademicka/badawcza", "Instytucja naukowa/badawcza",
           "Instytucja naukowo-badawcza", "Instytucja badawcza", "Instytut badawczy",
           "Uczelnia", "Uniwersytet"),
    "nl": ("Academische/onderzoeksinstelling", "Academische of onderzoeksinstelling",
           "Academische instelling", "Onderzoeksinstelling", "Onderzoeksinstituut",
           "Universiteit"),
    "pt": ("Instituição académica/de investigação", "Instituição acadêmica/de pesquisa",
           "Instituição académica", "Instituição de investigação", "Instituto de investigação",
           "Universidade"),
    "sv": ("Akademisk institution/forskningsinstitution", "Akademisk institution",
           "Forskningsinstitution", "Forskningsinstitut", "Lärosäte", "Universitet"),
    "da": ("Akademisk institution/forskningsinstitution", "Forskningsinstitution",
           "Forskningsinstitut", "Universitet"),
    "fi": ("Korkeakoulu/tutkimuslaitos", "Tiedelaitos/tutkimuslaitos", "Tutkimuslaitos",
           "Yliopisto"),
    "cs": ("Akademická/výzkumná instituce", "Výzkumná instituce", "Výzkumný ústav",
           "Vysoká škola", "Univerzita"),
    "sk": ("Akademická/výskumná inštitúcia", "Výskumná inštitúcia", "Vysoká škola",
           "Univerzita"),
    "sl": ("Akademska/raziskovalna ustanova", "Raziskovalna ustanova", "Raziskovalni inštitut",
           "Univerza"),
    "hr": ("Akademska/istraživačka institucija", "Istraživačka institucija",
           "Istraživački institut", "Sveučilište"),
    "hu": ("Tudományos/kutatóintézet", "Tudományos/kutatási intézmény",
           "Felsőoktatási/kutatási intézmény", "Kutatóintézet", "Egyetem"),
    "ro": ("Instituție academică/de cercetare", "Institut de cercetare", "Universitate"),
    "bg": ("Академична/научноизследователска институция", "Академична институция",
           "Научноизследователска институция", "Научноизследователски институт",
           "Университет"),
    "el": ("Ακαδημαϊκό/ερευνητικό ίδρυμα", "Ερευνητικό ίδρυμα", "Ερευνητικό ινστιτούτο",
           "Πανεπιστήμιο"),
    "et": ("Akadeemiline/teadusasutus", "Teadusasutus", "Teadusinstituut", "Ülikool"),
    "lv": ("Akadēmiska/pētniecības iestāde", "Pētniecības iestāde", "Pētniecības institūts",
           "Universitāte"),
    "lt": ("Akademinė/mokslinių tyrimų įstaiga", "Mokslinių tyrimų įstaiga",
           "Mokslinių tyrimų institutas", "Universitetas"),
    "ga": ("Institiúid acadúil/taighde", "Institiúid taighde", "Ollscoil"),
    "mt": ("Istituzzjoni akkademika/ta' riċerka", "Istitut tar-riċerka", "Università"),
}

_BUSINESS_ASSOCIATION_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("BUSINESS_ASSOCIATION", "business_association"),
    "en": ("Business Association", "Business association", "Trade association",
           "Industry association", "Professional association", "Employers' organisation",
           "Employers' organization"),
    "de": ("Wirtschaftsverband", "Unternehmensverband", "Branchenverband", "Industrieverband",
           "Berufsverband", "Wirtschafts-/Berufsverband", "Arbeitgeberverband"),
    "fr": ("Association professionnelle", "Association d'entreprises",
           "Fédération professionnelle", "Organisation patronale"),
    "es": ("Asociación empresarial", "Asociación de empresas", "Asociación profesional",
           "Asociación sectorial", "Organización patronal"),
    "it": ("Associazione di imprese", "Associazione d'imprese", "Associazione imprenditoriale",
           "Associazione di categoria", "Associazione professionale"),
    "pl": ("Stowarzyszenie przedsiębiorców", "Stowarzyszenie biznesowe",
           "Stowarzyszenie branżowe", "Związek przedsiębiorców", "Organizacja przedsiębiorców",
           "Organizacja pracodawców"),
    "nl": ("Brancheorganisatie", "Branchevereniging", "Bedrijfsvereniging",
           "Beroepsvereniging", "Ondernemersorganisatie", "Werkgeversorganisatie"),
    "pt": ("Associação empresarial", "Associação comercial", "Associação profissional",
           "Associação setorial"),
    "sv": ("Näringslivsorganisation", "Branschorganisation", "Företagarorganisation",
           "Arbetsgivarorganisation"),
    "da": ("Erhvervssammenslutning", "Brancheorganisation", "Brancheforening",
           "Arbejdsgiverorganisation"),
    "fi": ("Elinkeinoelämän järjestö", "Toimialajärjestö", "Yritysjärjestö",
           "Työnantajajärjestö"),
    "cs": ("Podnikatelské sdružení", "Obchodní sdružení", "Profesní sdružení",
           "Svaz podnikatelů"),
    "sk": ("Podnikateľské združenie", "Obchodné združenie", "Profesijné združenie"),
    "sl": ("Poslovno združenje", "Gospodarsko združenje", "Panožno združenje"),
    "hr": ("Poslovno udruženje", "Strukovno udruženje", "Udruga poslodavaca"),
    "hu": ("Üzleti szövetség", "Vállalkozói szövetség", "Szakmai szövetség",
           "Gazdasági szövetség"),
    "ro": ("Asociație de întreprinderi", "Asociație de afaceri", "Asociație profesională",
           "Asociație patronală"),
    "bg": ("Бизнес асоциация", "Стопанско сдружение", "Браншова организация",
           "Професионално сдружение"),
    "el": ("Επιχειρηματική ένωση", "Ένωση επιχειρήσεων", "Επαγγελματική ένωση"),
    "et": ("Ettevõtjate ühendus", "Ärialaliit", "Erialaliit"),
    "lv": ("Uzņēmēju apvienība", "Uzņēmējdarbības apvienība", "Nozares asociācija"),
    "lt": ("Verslo asociacija", "Verslo susivienijimas"),
    "ga": ("Comhlachas gnó", "Cumann gnó"),
    "mt": ("Assoċjazzjoni kummerċjali", "Assoċjazzjoni tan-negozju"),
}

_COMPANY_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("COMPANY", "company"),
    "en": ("Company/Business organisation", "Company/business organization",
           "Company/business", "Company", "Business organisation", "Business organization",
           "Business", "Enterprise"),
    "de": ("Unternehmen/Unternehmensorganisation", "Unternehmensorganisation",
           "Unternehmen", "Firma"),
    "fr": ("Entreprise/Organisation professionnelle", "Entreprise/organisation d'entreprise",
           "Entreprise"),
    "es": ("Empresa/Organización empresarial", "Empresa"),
    "it": ("Impresa/Organizzazione imprenditoriale", "Impresa/Organizzazione aziendale",
           "Impresa", "Azienda"),
    "pl": ("Przedsiębiorstwo/organizacja biznesowa", "Przedsiębiorstwo/organizacja gospodarcza",
           "Przedsiębiorstwo", "Firma"),
    "nl": ("Bedrijf/bedrijfsorganisatie", "Onderneming/bedrijfsorganisatie", "Bedrijf",
           "Onderneming"),
    "pt": ("Empresa/Organização empresarial", "Empresa/organização comercial", "Empresa"),
    "sv": ("Företag/företagsorganisation", "Företag"),
    "da": ("Virksomhed/erhvervsorganisation", "Virksomhed"),
    "fi": ("Yritys/liike-elämän organisaatio", "Yritys/yritysorganisaatio", "Yritys"),
    "cs": ("Společnost/podnikatelská organizace", "Podnik/podniková organizace", "Společnost",
           "Podnik"),
    "sk": ("Spoločnosť/podniková organizácia", "Spoločnosť", "Podnik"),
    "sl": ("Podjetje/poslovna organizacija", "Podjetje"),
    "hr": ("Poduzeće/poslovna organizacija", "Poduzeće", "Trgovačko društvo"),
    "hu": ("Vállalat/üzleti szervezet", "Vállalat", "Vállalkozás"),
    "ro": ("Întreprindere/organizație de afaceri", "Întreprindere", "Companie"),
    "bg": ("Дружество/стопанска организация", "Дружество", "Предприятие", "Компания"),
    "el": ("Εταιρεία/Επιχειρηματική οργάνωση", "Εταιρεία", "Επιχείρηση"),
    "et": ("Ettevõte/äriorganisatsioon", "Ettevõte"),
    "lv": ("Uzņēmums/uzņēmējdarbības organizācija", "Uzņēmums"),
    "lt": ("Įmonė/verslo organizacija", "Įmonė", "Bendrovė"),
    "ga": ("Cuideachta/eagraíocht ghnó", "Cuideachta", "Gnólacht"),
    "mt": ("Kumpanija/organizzazzjoni kummerċjali", "Kumpanija"),
}

_CONSUMER_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("CONSUMER_ORGANISATION", "consumer_organisation", "CONSUMER_ORGANIZATION",
            "CONSUMER_ORG"),
    "en": ("Consumer Organisation", "Consumer organization", "Consumer association",
           "Consumer group"),
    "de": ("Verbraucherorganisation", "Verbraucherverband", "Verbraucherschutzorganisation",
           "Konsumentenorganisation"),
    "fr": ("Organisation de consommateurs", "Organisation des consommateurs",
           "Association de consommateurs"),
    "es": ("Organización de consumidores", "Asociación de consumidores"),
    "it": ("Organizzazione dei consumatori", "Organizzazione di consumatori",
           "Associazione dei consumatori", "Associazione di consumatori"),
    "pl": ("Organizacja konsumencka", "Organizacja konsumentów", "Stowarzyszenie konsumentów"),
    "nl": ("Consumentenorganisatie", "Consumentenvereniging"),
    "pt": ("Organização de consumidores", "Associação de consumidores",
           "Organização de defesa do consumidor"),
    "sv": ("Konsumentorganisation",),
    "da": ("Forbrugerorganisation",),
    "fi": ("Kuluttajajärjestö",),
    "cs": ("Spotřebitelská organizace", "Organizace spotřebitelů"),
    "sk": ("Spotrebiteľská organizácia", "Organizácia spotrebiteľov"),
    "sl": ("Potrošniška organizacija", "Organizacija potrošnikov"),
    "hr": ("Organizacija potrošača", "Udruga potrošača"),
    "hu": ("Fogyasztói szervezet", "Fogyasztóvédelmi szervezet"),
    "ro": ("Organizație a consumatorilor", "Organizație de consumatori",
           "Asociație de consumatori"),
    "bg": ("Потребителска организация", "Организация на потребителите"),
    "el": ("Οργάνωση καταναλωτών", "Ένωση καταναλωτών"),
    "et": ("Tarbijaorganisatsioon", "Tarbijakaitseorganisatsioon"),
    "lv": ("Patērētāju organizācija",),
    "lt": ("Vartotojų organizacija",),
    "ga": ("Eagraíocht tomhaltóirí",),
    "mt": ("Organizzazzjoni tal-konsumaturi",),
}

_ENVIRONMENTAL_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("ENVIRONMENTAL_ORGANISATION", "environmental_organisation",
            "ENVIRONMENTAL_ORGANIZATION"),
    "en": ("Environmental Organisation", "Environmental organization", "Environmental group",
           "Environmental NGO"),
    "de": ("Umweltorganisation", "Umweltschutzorganisation", "Umweltverband"),
    "fr": ("Organisation environnementale", "Organisation de défense de l'environnement",
           "Organisation de protection de l'environnement",
           "Association de protection de l'environnement"),
    "es": ("Organización medioambiental", "Organización ambiental", "Organización ecologista"),
    "it": ("Organizzazione ambientalista", "Organizzazione ambientale",
           "Associazione ambientalista"),
    "pl": ("Organizacja ekologiczna", "Organizacja środowiskowa",
           "Organizacja ochrony środowiska"),
    "nl": ("Milieuorganisatie", "Milieuvereniging"),
    "pt": ("Organização ambiental", "Organização ambientalista",
           "Organização de defesa do ambiente"),
    "sv": ("Miljöorganisation",),
    "da": ("Miljøorganisation",),
    "fi": ("Ympäristöjärjestö",),
    "cs": ("Ekologická organizace", "Environmentální organizace",
           "Organizace na ochranu životního prostředí"),
    "sk": ("Environmentálna organizácia", "Ekologická organizácia"),
    "sl": ("Okoljska organizacija",),
    "hr": ("Organizacija za zaštitu okoliša", "Ekološka organizacija"),
    "hu": ("Környezetvédelmi szervezet",),
    "ro": ("Organizație de mediu", "Organizație ecologistă"),
    "bg": ("Природозащитна организация", "Екологична организация"),
    "el": ("Περιβαλλοντική οργάνωση",),
    "et": ("Keskkonnaorganisatsioon",),
    "lv": ("Vides organizācija", "Vides aizsardzības organizācija"),
    "lt": ("Aplinkosaugos organizacija",),
    "ga": ("Eagraíocht comhshaoil",),
    "mt": ("Organizzazzjoni ambjentali",),
}

_NGO_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("NGO", "ngo"),
    "en": ("NGO (Non-governmental organisation)", "Non-governmental organisation (NGO)",
           "Non-governmental organization (NGO)", "Non-governmental organisation",
           "Non-governmental organization", "Non governmental organisation"),
    "de": ("Nichtregierungsorganisation (NRO)", "Nichtregierungsorganisation (NGO)",
           "Nichtregierungsorganisation", "Nichtstaatliche Organisation", "NRO"),
    "fr": ("Organisation non gouvernementale (ONG)", "Organisation non gouvernementale", "ONG"),
    "es": ("Organización no gubernamental (ONG)", "Organización no gubernamental"),
    "it": ("Organizzazione non governativa (ONG)", "Organizzazione non governativa"),
    "pl": ("Organizacja pozarządowa (NGO)", "Organizacja pozarządowa"),
    "nl": ("Niet-gouvernementele organisatie (ngo)", "Niet-gouvernementele organisatie",
           "Non-gouvernementele organisatie"),
    "pt": ("Organização não governamental (ONG)", "Organização não governamental"),
    "sv": ("Icke-statlig organisation", "Enskild organisation"),
    "da": ("Ikke-statslig organisation (NGO)", "Ikke-statslig organisation"),
    "fi": ("Kansalaisjärjestö", "Valtiosta riippumaton järjestö"),
    "cs": ("Nevládní organizace (NGO)", "Nevládní organizace", "NNO"),
    "sk": ("Mimovládna organizácia (MVO)", "Mimovládna organizácia", "MVO"),
    "sl": ("Nevladna organizacija (NVO)", "Nevladna organizacija", "NVO"),
    "hr": ("Nevladina organizacija (NVO)", "Nevladina organizacija", "Nevladina udruga"),
    "hu": ("Nem kormányzati szervezet (NGO)", "Nem kormányzati szervezet", "Civil szervezet"),
    "ro": ("Organizație neguvernamentală (ONG)", "Organizație neguvernamentală"),
    "bg": ("Неправителствена организация (НПО)", "Неправителствена организация", "НПО"),
    "el": ("Μη κυβερνητική οργάνωση (ΜΚΟ)", "Μη κυβερνητική οργάνωση", "ΜΚΟ"),
    "et": ("Valitsusväline organisatsioon", "Vabaühendus"),
    "lv": ("Nevalstiska organizācija (NVO)", "Nevalstiskā organizācija"),
    "lt": ("Nevyriausybinė organizacija (NVO)", "Nevyriausybinė organizacija"),
    "ga": ("Eagraíocht neamhrialtasach (ENR)", "Eagraíocht neamhrialtasach", "ENR"),
    "mt": ("Organizzazzjoni mhux governattiva (NGO)", "Organizzazzjoni mhux governattiva"),
}

_PUBLIC_AUTHORITY_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("PUBLIC_AUTHORITY", "public_authority"),
    "en": ("Public authority", "Public authority (national/regional/local)",
           "Public administration", "Public body", "Government body", "Government"),
    "de": ("Behörde", "Öffentliche Behörde", "Behörde/öffentliche Verwaltung",
           "Öffentliche Verwaltung", "Öffentliche Stelle", "Staatliche Stelle"),
    "fr": ("Autorité publique", "Administration publique", "Pouvoirs publics",
           "Organisme public"),
    "es": ("Autoridad pública", "Administración pública", "Organismo público",
           "Poderes públicos"),
    "it": ("Autorità pubblica", "Amministrazione pubblica", "Pubblica amministrazione",
           "Ente pubblico"),
    "pl": ("Organ publiczny", "Organ władzy publicznej", "Władza publiczna",
           "Administracja publiczna", "Instytucja publiczna"),
    "nl": ("Overheidsinstantie", "Overheidsinstelling", "Overheidsorgaan", "Openbare instantie",
           "Publieke instantie", "Overheid"),
    "pt": ("Autoridade pública", "Administração pública", "Organismo público",
           "Entidade pública"),
    "sv": ("Offentlig myndighet", "Myndighet", "Offentlig förvaltning"),
    "da": ("Offentlig myndighed", "Myndighed", "Offentlig forvaltning"),
    "fi": ("Viranomainen", "Julkinen viranomainen", "Julkishallinto"),
    "cs": ("Orgán veřejné moci", "Orgán veřejné správy", "Veřejný orgán", "Veřejná správa"),
    "sk": ("Orgán verejnej moci", "Orgán verejnej správy", "Verejný orgán", "Verejná správa"),
    "sl": ("Javni organ", "Organ javne oblasti", "Javna uprava"),
    "hr": ("Tijelo javne vlasti", "Javno tijelo", "Javna uprava"),
    "hu": ("Hatóság", "Állami hatóság", "Közhatóság", "Közigazgatási szerv"),
    "ro": ("Autoritate publică", "Administrație publică"),
    "bg": ("Публичен орган", "Държавен орган", "Публична администрация", "Публична власт"),
    "el": ("Δημόσια αρχή", "Δημόσια διοίκηση", "Δημόσιος φορέας"),
    "et": ("Avaliku sektori asutus", "Avalik asutus", "Ametiasutus"),
    "lv": ("Valsts iestāde", "Publiska iestāde", "Publiskā iestāde", "Valsts pārvalde"),
    "lt": ("Valdžios institucija", "Viešoji institucija", "Valstybės institucija"),
    "ga": ("Údarás poiblí",),
    "mt": ("Awtorità pubblika",),
}

_TRADE_UNION_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("TRADE_UNION", "trade_union"),
    "en": ("Trade Union", "Trade union", "Labour union", "Labor union"),
    "de": ("Gewerkschaft", "Arbeitnehmerorganisation"),
    "fr": ("Syndicat", "Organisation syndicale"),
    "es": ("Sindicato", "Organización sindical"),
    "it": ("Sindacato", "Organizzazione sindacale"),
    "pl": ("Związek zawodowy",),
    "nl": ("Vakbond", "Vakvereniging", "Werknemersorganisatie"),
    "pt": ("Sindicato", "Organização sindical"),
    "sv": ("Fackförening", "Fackförbund", "Fackligt förbund"),
    "da": ("Fagforening", "Fagforbund"),
    "fi": ("Ammattiliitto", "Ammattijärjestö"),
    "cs": ("Odborová organizace", "Odborový svaz", "Odbory"),
    "sk": ("Odborová organizácia", "Odborový zväz", "Odbory"),
    "sl": ("Sindikat",),
    "hr": ("Sindikat",),
    "hu": ("Szakszervezet",),
    "ro": ("Sindicat", "Organizație sindicală"),
    "bg": ("Синдикат", "Синдикална организация", "Профсъюз"),
    "el": ("Συνδικαλιστική οργάνωση", "Συνδικάτο"),
    "et": ("Ametiühing",),
    "lv": ("Arodbiedrība",),
    "lt": ("Profesinė sąjunga",),
    "ga": ("Ceardchumann",),
    "mt": ("Trade unjin", "Unjin"),
}

_OTHER_LABELS: dict[str, tuple[str, ...]] = {
    # Exact "Other" only: a free-text follow-up header such as "Other, please specify:" is not
    # a stakeholder label and stays unmapped ("Other (please specify)" maps via its stem).
    "api": ("OTHER", "other"),
    "en": ("Other", "Others"),
    "de": ("Sonstiges", "Sonstige", "Andere", "Anderes"),
    "fr": ("Autre", "Autres"),
    "es": ("Otro", "Otra", "Otros", "Otro/a"),
    "it": ("Altro", "Altri"),
    "pl": ("Inne", "Inny", "Inna"),
    "nl": ("Overig", "Overige", "Anders"),
    "pt": ("Outro", "Outra", "Outros"),
    "sv": ("Annat", "Annan", "Övrigt"),
    "da": ("Andet", "Anden"),
    "fi": ("Muu", "Muut"),
    "cs": ("Jiné", "Jiný", "Ostatní"),
    "sk": ("Iné", "Iný", "Ostatné"),
    "sl": ("Drugo",),
    "hr": ("Ostalo", "Drugo"),
    "hu": ("Egyéb",),
    "ro": ("Altele", "Altul", "Altă"),
    "bg": ("Друго", "Други"),
    "el": ("Άλλο", "Άλλα"),
    "et": ("Muu", "Muud"),
    "lv": ("Cits", "Cita", "Citi"),
    "lt": ("Kita", "Kitas"),
    "ga": ("Eile",),
    "mt": ("Oħrajn", "Ieħor"),
}

_NOT_DISCLOSED_LABELS: dict[str, tuple[str, ...]] = {
    "api": ("NOT_DISCLOSED", "not_disclosed"),
    "en": ("Not disclosed", "Undisclosed", "Prefer not to say"),
}

_STAKEHOLDER_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "eu_citizen": _EU_CITIZEN_LABELS,
    "non_eu_citizen": _NON_EU_CITIZEN_LABELS,
    "academic_research_institution": _ACADEMIC_LABELS,
    "business_association": _BUSINESS_ASSOCIATION_LABELS,
    "company": _COMPANY_LABELS,
    "consumer_organisation": _CONSUMER_LABELS,
    "environmental_organisation": _ENVIRONMENTAL_LABELS,
    "ngo": _NGO_LABELS,
    "public_authority": _PUBLIC_AUTHORITY_LABELS,
    "trade_union": _TRADE_UNION_LABELS,
    "other": _OTHER_LABELS,
    "not_disclosed": _NOT_DISCLOSED_LABELS,
}
"""Raw stakeholder labels: ``{canonical type: {language or "api": labels}}``."""

# --------------------------------------------------------------------------------------------
# regulations.gov submitter categories. Matched on the whole string, then on the part before
# " - " (the agency's sub-code or sub-type: "Government - Federal", "Physician - HC005").
# Mapping decisions:
# * "Individual" -> non_eu_citizen: a private person writing to a US agency is, for the EU
#   taxonomy, a citizen of a non-EU country (the docket does not record nationality).
# * Individual practitioners (Physician, Nurse, Chiropractor, ...) -> other: a professional
#   writing in a professional capacity, neither clearly a private citizen nor an organisation.
# * "... Professional/Association", "... Provider/Association", "Health Plan or Association"
#   -> business_association: the category is shared by associations and their members, and
#   the association reading is the one the agency's label leads with for organisations.
# --------------------------------------------------------------------------------------------

_US_CATEGORY_LABELS: dict[str, tuple[str, ...]] = {
    "non_eu_citizen": ("Individual", "Individual Consumer", "Private Citizen", "Citizen",
                       "Private individual"),
    "academic_research_institution": ("Academic", "Other - Academic", "Academic Institution",
                                      "Academia", "University", "Research Institution"),
    "business_association": ("Association", "Other Association", "Trade Association",
                             "Professional Association", "Industry Association",
                             "Health Plan or Association", "Health Care Professional/Association",
                             "Health Care Professional or Association",
                             "Health Care Provider/Association",
                             "Health Care Provider or Association"),
    "company": ("Private Industry", "Health Care Industry", "Laboratory Industry",
                "Pharmaceutical Industry", "Device Industry", "Industry", "Business",
                "Small Business", "Corporation", "Hospital", "Employer", "Rural Health Clinic",
                "Long-term Care", "Long Term Care", "Home Health Facility", "Hospice",
                "Ambulatory Surgical Center", "Skilled Nursing Facility",
                "Comprehensive Outpatient Rehabilitation Facility",
                "Other Health Care Provider", "Health Plan", "Insurer"),
    "consumer_organisation": ("Consumer Group", "Consumer Organization",
                              "Consumer Advocacy Group"),
    "environmental_organisation": ("Environmental Group", "Environmental Organization"),
    "ngo": ("Non-Profit", "Nonprofit", "Nonprofit Organization", "Non-Profit Organization",
            "Non-Governmental Organization", "NGO", "Advocacy Group", "Public Interest Group"),
    "public_authority": ("Government", "Federal Government", "State Government",
                         "Local Government", "Tribal Government", "Foreign Government",
                         "Other Government", "Government Agency", "Federal Agency",
                         "Congressional", "Government - Federal", "Government - State",
                         "Government - Local", "Government - Tribal"),
    "trade_union": ("Labor Union", "Labour Union", "Union", "Labor Organization"),
    "other": ("Other", "Physician", "Nurse", "Nurse Practitioner", "Chiropractor",
              "Physician Assistant", "Pharmacist", "Dentist", "Social Worker",
              "Occupational Therapist", "Physical Therapist", "Psychologist", "Podiatrist",
              "Optometrist", "Other Practitioner", "Other Technician",
              "Other Health Care Professional", "Health Care Professional"),
    "not_disclosed": ("Not disclosed", "Undisclosed"),
}
"""regulations.gov ``category`` labels: ``{canonical type: labels}``."""

# --------------------------------------------------------------------------------------------
# Organisation sizes (EUSurvey "Micro (< 10 employees)" etc. match on the stem before the
# parenthesis; Have Your Say enums MICRO/SMALL/MEDIUM/LARGE).
# --------------------------------------------------------------------------------------------

_SIZE_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "micro": {
        "api": ("MICRO", "micro"),
        "en": ("Micro (< 10 employees)", "Micro enterprise", "Micro-enterprise",
               "Microenterprise", "Micro company", "1-9 employees", "Fewer than 10 employees"),
        "de": ("Kleinstunternehmen (< 10 Beschäftigte)", "Kleinstunternehmen", "Kleinst",
               "Mikrounternehmen"),
        "fr": ("Micro (< 10 salariés)", "Microentreprise", "Micro-entreprise",
               "Très petite entreprise"),
        "es": ("Micro (< 10 empleados)", "Microempresa"),
        "it": ("Micro (< 10 dipendenti)", "Microimpresa", "Micro impresa"),
        "pl": ("Mikro", "Mikroprzedsiębiorstwo"),
        "nl": ("Micro-onderneming", "Microonderneming"),
        "pt": ("Micro (< 10 trabalhadores)", "Microempresa"),
        "sv": ("Mikroföretag",),
        "da": ("Mikrovirksomhed",),
        "fi": ("Mikroyritys",),
        "cs": ("Mikropodnik",),
        "sk": ("Mikropodnik",),
        "sl": ("Mikro podjetje", "Mikropodjetje"),
        "hr": ("Mikropoduzeće", "Mikro poduzeće"),
        "hu": ("Mikrovállalkozás",),
        "ro": ("Microîntreprindere",),
        "bg": ("Микропредприятие",),
        "el": ("Πολύ μικρή επιχείρηση",),
        "et": ("Mikroettevõte",),
        "lv": ("Mikrouzņēmums",),
        "lt": ("Labai maža įmonė",),
        "mt": ("Intrapriża mikro",),
    },
    "small": {
        "api": ("SMALL", "small"),
        "en": ("Small (< 50 employees)", "Small enterprise", "Small company", "Small business",
               "10-49 employees"),
        "de": ("Kleinunternehmen (< 50 Beschäftigte)", "Kleinunternehmen", "Klein",
               "Kleines Unternehmen"),
        "fr": ("Petite (< 50 salariés)", "Petite", "Petit", "Petite entreprise"),
        "es": ("Pequeña (< 50 empleados)", "Pequeña", "Pequeño", "Pequeña empresa"),
        "it": ("Piccola (< 50 dipendenti)", "Piccola", "Piccolo", "Piccola impresa"),
        "pl": ("Małe", "Mały", "Mała", "Małe przedsiębiorstwo"),
        "nl": ("Klein", "Kleine onderneming"),
        "pt": ("Pequena (< 50 trabalhadores)", "Pequena", "Pequeno", "Pequena empresa"),
        "sv": ("Liten", "Litet", "Litet företag"),
        "da": ("Lille", "Lille virksomhed"),
        "fi": ("Pieni", "Pieni yritys"),
        "cs": ("Malý", "Malý podnik"),
        "sk": ("Malý", "Malý podnik"),
        "sl": ("Malo", "Malo podjetje"),
        "hr": ("Malo", "Malo poduzeće"),
        "hu": ("Kis", "Kisvállalkozás"),
        "ro": ("Mică", "Întreprindere mică"),
        "bg": ("Малко", "Малко предприятие"),
        "el": ("Μικρή", "Μικρή επιχείρηση"),
        "et": ("Väike", "Väikeettevõte"),
        "lv": ("Mazs", "Mazais uzņēmums"),
        "lt": ("Maža", "Maža įmonė"),
        "mt": ("Żgħir", "Intrapriża żgħira"),
    },
    "medium": {
        "api": ("MEDIUM", "medium"),
        "en": ("Medium (< 250 employees)", "Medium-sized", "Medium enterprise",
               "Medium-sized enterprise", "Medium company", "50-249 employees"),
        "de": ("Mittleres Unternehmen (< 250 Beschäftigte)", "Mittleres Unternehmen", "Mittel",
               "Mittelgroß", "Mittelgroßes Unternehmen"),
        "fr": ("Moyenne (< 250 salariés)", "Moyenne", "Moyen", "Moyenne entreprise"),
        "es": ("Mediana (< 250 empleados)", "Mediana", "Mediano", "Mediana empresa"),
        "it": ("Media (< 250 dipendenti)", "Media", "Medio", "Media impresa"),
        "pl": ("Średnie", "Średni", "Średnia", "Średnie przedsiębiorstwo"),
        "nl": ("Middelgroot", "Middelgrote onderneming"),
        "pt": ("Média (< 250 trabalhadores)", "Média", "Médio", "Média empresa"),
        "sv": ("Medelstort", "Medelstor", "Medelstort företag"),
        "da": ("Mellemstor", "Mellemstor virksomhed"),
        "fi": ("Keskisuuri", "Keskisuuri yritys"),
        "cs": ("Střední", "Střední podnik"),
        "sk": ("Stredný", "Stredný podnik"),
        "sl": ("Srednje", "Srednje podjetje", "Srednje veliko podjetje"),
        "hr": ("Srednje", "Srednje poduzeće"),
        "hu": ("Közepes", "Középvállalkozás"),
        "ro": ("Mijlocie", "Întreprindere mijlocie"),
        "bg": ("Средно", "Средно предприятие"),
        "el": ("Μεσαία", "Μεσαία επιχείρηση"),
        "et": ("Keskmine", "Keskmise suurusega ettevõte"),
        "lv": ("Vidējs", "Vidējais uzņēmums"),
        "lt": ("Vidutinė", "Vidutinė įmonė"),
        "mt": ("Medju", "Intrapriża medja"),
    },
    "large": {
        "api": ("LARGE", "large"),
        "en": ("Large (250 or more)", "Large enterprise", "Large company", "Large business",
               "250 or more employees", "250+ employees"),
        "de": ("Großunternehmen (250 oder mehr)", "Großunternehmen", "Groß",
               "Großes Unternehmen"),
        "fr": ("Grande (250 ou plus)", "Grand (250 ou plus)", "Grande", "Grand",
               "Grande entreprise"),
        "es": ("Grande (250 o más)", "Grande", "Gran empresa", "Grande empresa"),
        "it": ("Grande (250 o più)", "Grande", "Grande impresa"),
        "pl": ("Duże", "Duży", "Duża", "Duże przedsiębiorstwo"),
        "nl": ("Groot", "Grote onderneming"),
        "pt": ("Grande (250 ou mais)", "Grande", "Grande empresa"),
        "sv": ("Stort", "Stor", "Stort företag"),
        "da": ("Stor", "Stor virksomhed"),
        "fi": ("Suuri", "Suuri yritys"),
        "cs": ("Velký", "Velký podnik"),
        "sk": ("Veľký", "Veľký podnik"),
        "sl": ("Veliko", "Veliko podjetje"),
        "hr": ("Veliko", "Veliko poduzeće"),
        "hu": ("Nagy", "Nagyvállalat"),
        "ro": ("Mare", "Întreprindere mare"),
        "bg": ("Голямо", "Голямо предприятие"),
        "el": ("Μεγάλη", "Μεγάλη επιχείρηση"),
        "et": ("Suur", "Suurettevõte"),
        "lv": ("Liels", "Lielais uzņēmums"),
        "lt": ("Didelė", "Didelė įmonė"),
        "mt": ("Kbir", "Intrapriża kbira"),
    },
}
"""Raw organisation-size labels: ``{size: {language or "api": labels}}``."""

# --------------------------------------------------------------------------------------------
# Publication privacy settings
# --------------------------------------------------------------------------------------------

_PUBLICATION_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "public": {
        "api": ("WITHINFO", "withinfo", "with_info", "PUBLIC"),
        "en": ("The feedback can be published with your personal information",
               "The contribution can be published with your personal information",
               "Published with personal information", "With personal information"),
        "de": ("Öffentlich",
               "Das Feedback kann mit Ihren personenbezogenen Daten veröffentlicht werden",
               "Der Beitrag kann mit Ihren personenbezogenen Daten veröffentlicht werden",
               "Die Rückmeldung kann mit Ihren personenbezogenen Daten veröffentlicht werden",
               "Mit personenbezogenen Daten"),
        "fr": ("Publique",
               "La contribution peut être publiée avec vos informations personnelles",
               "La contribution peut être publiée avec vos données personnelles",
               "Le retour d'information peut être publié avec vos informations personnelles",
               "Avec vos informations personnelles"),
        "es": ("Público", "Pública",
               "La contribución puede publicarse con sus datos personales",
               "La contribución puede publicarse con su información personal",
               "Los comentarios pueden publicarse con sus datos personales",
               "Con sus datos personales"),
        "it": ("Pubblico", "Pubblica",
               "Il contributo può essere pubblicato con i suoi dati personali",
               "Il contributo può essere pubblicato con le sue informazioni personali",
               "Il riscontro può essere pubblicato con i suoi dati personali",
               "Con i suoi dati personali"),
        "pl": ("Publiczny", "Publicznie",
               "Opinia może zostać opublikowana wraz z Pana/Pani danymi osobowymi",
               "Opinia może zostać opublikowana wraz z danymi osobowymi",
               "Informacje zwrotne mogą zostać opublikowane wraz z danymi osobowymi",
               "Wraz z danymi osobowymi"),
        "nl": ("Openbaar", "Publiek",
               "De feedback mag met uw persoonsgegevens worden gepubliceerd",
               "De feedback kan met uw persoonsgegevens worden gepubliceerd",
               "De bijdrage mag met uw persoonsgegevens worden gepubliceerd",
               "Met uw persoonsgegevens"),
        "pt": ("O contributo pode ser publicado com os seus dados pessoais",
               "O feedback pode ser publicado com os seus dados pessoais",
               "As observações podem ser publicadas com os seus dados pessoais",
               "Com os seus dados pessoais"),
    },
    "anonymous": {
        "api": ("ANONYMOUS", "anonymous"),
        "en": ("The feedback can be published in an anonymous way",
               "The contribution can be published in an anonymous way",
               "Published anonymously", "Anonymously"),
        "de": ("Anonym",
               "Das Feedback kann anonym veröffentlicht werden",
               "Der Beitrag kann anonym veröffentlicht werden",
               "Die Rückmeldung kann anonym veröffentlicht werden"),
        "fr": ("Anonyme", "Anonymement",
               "La contribution peut être publiée de manière anonyme",
               "La contribution peut être publiée de façon anonyme",
               "Le retour d'information peut être publié de manière anonyme"),
        "es": ("Anónimo", "Anónima", "De forma anónima",
               "La contribución puede publicarse de forma anónima",
               "La contribución puede publicarse de manera anónima",
               "Los comentarios pueden publicarse de forma anónima"),
        "it": ("Anonimo", "Anonima", "In forma anonima",
               "Il contributo può essere pubblicato in forma anonima",
               "Il riscontro può essere pubblicato in forma anonima"),
        "pl": ("Anonimowy", "Anonimowa", "Anonimowo",
               "Opinia może zostać opublikowana anonimowo",
               "Opinia może zostać opublikowana w sposób anonimowy",
               "Informacje zwrotne mogą zostać opublikowane anonimowo"),
        "nl": ("Anoniem",
               "De feedback mag anoniem worden gepubliceerd",
               "De feedback kan anoniem worden gepubliceerd",
               "De bijdrage mag anoniem worden gepubliceerd"),
        "pt": ("Anónimo", "Anônimo", "Anónima", "De forma anónima",
               "O contributo pode ser publicado de forma anónima",
               "O feedback pode ser publicado de forma anónima",
               "As observações podem ser publicadas de forma anónima"),
    },
}
"""Raw publication labels: ``{public|anonymous: {language or "api": labels}}``."""

# fmt: on

_STAKEHOLDER_LOOKUP = _build_lookup(_STAKEHOLDER_LABELS, "Stakeholder")
_US_CATEGORY_LOOKUP = _build_lookup(
    {canonical: {"en": labels} for canonical, labels in _US_CATEGORY_LABELS.items()},
    "US category",
)
_SIZE_LOOKUP = _build_lookup(_SIZE_LABELS, "Organisation size")
_PUBLICATION_LOOKUP = _build_lookup(_PUBLICATION_LABELS, "Publication")
_US_PREFIX = re.compile(r"\s+[-–—]\s+")
_PUBLICATION_PREFIX = re.compile(r"\s*:\s+|\s+[-–—]\s+")

# --------------------------------------------------------------------------------------------
# Countries and languages: derived from pycountry (codes, English names, gettext translations
# into the EU languages) plus hand-written aliases. Built once, on first use.
# --------------------------------------------------------------------------------------------

# fmt: off
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "GBR": ("UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
            "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"),
    "USA": ("US", "U.S.", "U.S.A.", "United States of America"),
    "NLD": ("The Netherlands", "Holland"),
    "CZE": ("Czech Republic", "Česká republika", "Tschechische Republik",
            "République tchèque", "República Checa", "Repubblica Ceca", "Republika Czeska",
            "Tsjechische Republiek"),
    "RUS": ("Russia",),
    "KOR": ("South Korea", "Republic of Korea", "Korea, South"),
    "PRK": ("North Korea", "Korea, North"),
    "TUR": ("Turkey", "Türkiye", "Turkiye"),
    "XKX": ("Kosovo", "XK", "XKX", "Kosova", "Kosovo*"),
    "GRC": ("EL",),  # the EU's own code for Greece
    "MKD": ("Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"),
    "SWZ": ("Swaziland",),
    "MMR": ("Burma",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "CPV": ("Cape Verde",),
    "TLS": ("East Timor",),
    "VAT": ("Vatican", "Vatican City", "Holy See"),
    "PSE": ("Palestine", "State of Palestine", "Palestinian Territories"),
    "IRN": ("Iran",),
    "SYR": ("Syria",),
    "LAO": ("Laos",),
    "VNM": ("Vietnam",),
    "MDA": ("Moldova",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "TWN": ("Taiwan",),
    "BRN": ("Brunei",),
    "FSM": ("Micronesia",),
    "COD": ("DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville"),
    "IRL": ("Republic of Ireland", "Éire"),
    "DEU": ("Federal Republic of Germany",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "ARE": ("UAE", "Emirates"),
    "HKG": ("Hong Kong",),
    "MAC": ("Macau", "Macao"),
}
"""Country names and codes that pycountry does not list: ``{alpha-3: aliases}``."""

_LANGUAGE_ALIASES: dict[str, tuple[str, ...]] = {
    # Native names (endonyms) of the 24 EU official languages.
    "bg": ("Български", "Български език"),
    "cs": ("Čeština", "Český jazyk"),
    "da": ("Dansk",),
    "de": ("Deutsch",),
    "el": ("Ελληνικά", "Greek", "Modern Greek", "Griechisch", "Grec", "Griego", "Greco",
           "Grego", "Grieks", "Grecki", "Grekiska", "Græsk", "Kreikka", "Řečtina", "Gréčtina",
           "Grčki", "Görög", "Greacă", "Гръцки", "Kreeka", "Grieķu", "Graikų", "Grieg",
           "Gréigis"),
    "en": ("English",),
    "es": ("Español", "Castellano", "Castilian"),
    "et": ("Eesti", "Eesti keel"),
    "fi": ("Suomi", "Suomen kieli"),
    "fr": ("Français",),
    "ga": ("Gaeilge", "Irish Gaelic"),
    "hr": ("Hrvatski", "Hrvatski jezik"),
    "hu": ("Magyar", "Magyar nyelv"),
    "it": ("Italiano",),
    "lt": ("Lietuvių", "Lietuvių kalba"),
    "lv": ("Latviešu", "Latviešu valoda"),
    "mt": ("Malti",),
    "nl": ("Nederlands", "Vlaams", "Flemish"),
    "pl": ("Polski", "Język polski"),
    "pt": ("Português",),
    "ro": ("Română", "Limba română"),
    "sk": ("Slovenčina", "Slovenský jazyk"),
    "sl": ("Slovenščina", "Slovenski jezik"),
    "sv": ("Svenska",),
    # Frequent non-EU languages in EU consultations.
    "no": ("Norsk",),
    "uk": ("Українська",),
    "ru": ("Русский",),
    "tr": ("Türkçe",),
    "sq": ("Shqip",),
    "sr": ("Српски", "Srpski"),
    "mk": ("Македонски",),
    "is": ("Íslenska",),
    "zh": ("中文",),
    "ja": ("日本語",),
    "ar": ("العربية",),
    "fa": ("Farsi",),
}
"""Language names and codes that pycountry does not list: ``{ISO 639-1: aliases}``."""

# fmt: on


def _gettext_translators(domain: str) -> list[Callable[[str], str]]:
    translators: list[Callable[[str], str]] = []
    for language in _EU_LANGUAGES:
        if language == "en":
            continue
        try:
            translation = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            logger.debug("pycountry has no %s translation for %r", domain, language)
            continue
        translators.append(translation.gettext)
    return translators


def _name_variants(name: str) -> tuple[set[str], set[str]]:
    """Spellings of one name: ``(primary, derived)``.

    Primary: as given and without a trailing parenthesis (``"Holy See"``). Derived, weaker:
    each ``;``-separated part, and for ``"A, B"`` both ``"B A"`` and ``"A"`` (``"Korea,
    Republic of"`` -> ``"Republic of Korea"``, ``"Korea"``; the latter is then ambiguous).
    """
    stem = _without_trailing_parens(name).strip()
    primary = {name, stem}
    derived: set[str] = set()
    for text in primary:
        for part in re.split(r"\s*;\s*", text):
            derived.add(part)
            if ", " in part:
                head, _, tail = part.partition(", ")
                derived.update((f"{tail} {head}", head))
    return {v for v in primary if v}, {v for v in derived - primary if v}


def _tiered_lookup(tiers: list[dict[str, set[str]]], what: str) -> dict[str, str]:
    """Merge ``[{key: {codes}}]`` tiers: an earlier tier wins; ambiguous keys are dropped."""
    lookup: dict[str, str] = {}
    for tier in tiers:
        for key, codes in tier.items():
            if not key or key in lookup:
                continue
            if len(codes) == 1:
                lookup[key] = next(iter(codes))
            else:
                logger.debug("Ambiguous %s name %r (%s): left unmapped", what, key, sorted(codes))
    return lookup


def _add(tier: dict[str, set[str]], names: Iterable[str], code: str) -> None:
    for name in names:
        key = normalise_label(name)
        if key.startswith("the ") and len(key) > 4:
            tier.setdefault(key[4:], set()).add(code)
        tier.setdefault(key, set()).add(code)


def _add_names(
    primary: dict[str, set[str]], derived: dict[str, set[str]], names: Iterable[str], code: str
) -> None:
    for name in names:
        strong, weak = _name_variants(name)
        _add(primary, strong, code)
        _add(derived, weak, code)


def _tiers() -> tuple[dict[str, set[str]], ...]:
    """Empty tiers, strongest first: aliases, codes, English names, English derived names,
    translated names, translated derived names."""
    return ({}, {}, {}, {}, {}, {})


@cache
def _country_lookup() -> dict[str, str]:
    aliases, codes, english, english_derived, translated, translated_derived = tiers = _tiers()
    for alpha_3, names in _COUNTRY_ALIASES.items():
        _add(aliases, names, alpha_3)
    translators = _gettext_translators("iso3166-1")
    for country in pycountry.countries:
        alpha_3 = country.alpha_3
        _add(codes, (country.alpha_2, alpha_3), alpha_3)
        names = [
            n
            for n in (
                country.name,
                getattr(country, "official_name", None),
                getattr(country, "common_name", None),
            )
            if n
        ]
        _add_names(english, english_derived, names, alpha_3)
        for translate in translators:
            _add_names(translated, translated_derived, [translate(n) for n in names], alpha_3)
    return _tiered_lookup(list(tiers), "country")


@cache
def _language_lookup() -> dict[str, str]:
    aliases, codes, english, english_derived, translated, translated_derived = tiers = _tiers()
    for alpha_2, names in _LANGUAGE_ALIASES.items():
        _add(aliases, names, alpha_2)
    translators = _gettext_translators("iso639-3")
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", None)
        if not alpha_2:
            continue
        language_codes = (alpha_2, language.alpha_3, getattr(language, "bibliographic", None))
        _add(codes, [c for c in language_codes if c], alpha_2)
        names = [
            n
            for n in (
                language.name,
                getattr(language, "inverted_name", None),
                getattr(language, "common_name", None),
            )
            if n
        ]
        _add_names(english, english_derived, names, alpha_2)
        for translate in translators:
            _add_names(translated, translated_derived, [translate(n) for n in names], alpha_2)
    return _tiered_lookup(list(tiers), "language")


# --------------------------------------------------------------------------------------------
# Mappers
# --------------------------------------------------------------------------------------------


def _first_match(lookup: Mapping[str, str], keys: Iterable[str]) -> str | None:
    for key in keys:
        if key:
            value = lookup.get(key)
            if value is not None:
                return value
    return None


@lru_cache(maxsize=_CACHE_SIZE)
def _stakeholder_type(text: str) -> str | None:
    candidates = _lookup_candidates(text)
    if not candidates[0]:
        return "not_disclosed"
    return _first_match(_STAKEHOLDER_LOOKUP, candidates)


def map_stakeholder_type(raw: object) -> str | None:
    """Map an EU stakeholder label (any EU language, API enum or scraper form) to its type.

    Parameters
    ----------
    raw : object
        The exported label, e.g. ``"Wirtschaftsverband"`` or ``"ACADEMIC_RESEARCH_INSTITTUTION"``.

    Returns
    -------
    str or None
        A value of :data:`STAKEHOLDER_TYPES`; ``"not_disclosed"`` for a blank label; ``None``
        for an unknown label (report it, do not guess).
    """
    return _stakeholder_type(raw if type(raw) is str else _as_text(raw))


@lru_cache(maxsize=_CACHE_SIZE)
def _us_category(text: str) -> str | None:
    candidates = list(_lookup_candidates(text))
    if not candidates[0]:
        return "not_disclosed"
    head = _US_PREFIX.split(text, maxsplit=1)[0]
    if head != text:
        candidates.extend(_lookup_candidates(head))
    return _first_match(_US_CATEGORY_LOOKUP, candidates)


def map_us_category(raw: object) -> str | None:
    """Map a regulations.gov submitter ``category`` to a stakeholder type.

    Parameters
    ----------
    raw : object
        The category, e.g. ``"Health Care Industry - PI015"`` or ``"Government - Federal"``;
        matched as a whole, then on the part before ``" - "``.

    Returns
    -------
    str or None
        A value of :data:`STAKEHOLDER_TYPES`; ``"not_disclosed"`` when blank; ``None`` when
        unknown. ``"Individual"`` is ``"non_eu_citizen"`` (a private person outside the EU);
        individual practitioners (``"Physician - HC005"``) are ``"other"``.
    """
    return _us_category(raw if type(raw) is str else _as_text(raw))


@lru_cache(maxsize=_CACHE_SIZE)
def _country(text: str) -> str | None:
    candidates = list(_lookup_candidates(text))
    if not candidates[0]:
        return None
    candidates.extend(key[4:] for key in tuple(candidates) if key.startswith("the "))
    return _first_match(_country_lookup(), candidates)


def map_country(raw: object) -> str | None:
    """Map a country code or name to ISO 3166-1 alpha-3.

    Parameters
    ----------
    raw : object
        An alpha-2 or alpha-3 code (any case), an English short, official or common name, or
        the name in any EU official language (``"Allemagne"``, ``"Ελλάδα"``). ``"Kosovo"`` is
        ``"XKX"``, the EU's ``"EL"`` is Greece.

    Returns
    -------
    str or None
        The alpha-3 code; ``None`` when blank, unknown or ambiguous.
    """
    return _country(raw if type(raw) is str else _as_text(raw))


_LOCALE_TAG = re.compile(r"^([a-z]{2,3}) (?:[a-z]{2}|[a-z]{4}|\d{3})$")


@lru_cache(maxsize=_CACHE_SIZE)
def _language(text: str) -> str | None:
    candidates = _lookup_candidates(text)
    if not candidates[0]:
        return None
    lookup = _language_lookup()
    found = _first_match(lookup, candidates)
    if found is None:
        tag = _LOCALE_TAG.match(candidates[0])  # "en-GB", "pt_BR", "zh-Hant"
        if tag:
            found = lookup.get(tag.group(1))
    return found


def map_language(raw: object) -> str | None:
    """Map a language code or name to ISO 639-1.

    Parameters
    ----------
    raw : object
        An ISO 639-1/-2/-3 code (``"EN"``, ``"ger"``, ``"fra"``), a locale tag (``"pt-BR"``),
        an English name (``"German"``), a native name (``"Deutsch"``) or a name in another EU
        language.

    Returns
    -------
    str or None
        The two-letter code; ``None`` when blank, unknown or without an ISO 639-1 code.
    """
    return _language(raw if type(raw) is str else _as_text(raw))


@lru_cache(maxsize=_CACHE_SIZE)
def _organisation_size(text: str) -> str | None:
    candidates = _lookup_candidates(text)
    if not candidates[0]:
        return None
    return _first_match(_SIZE_LOOKUP, candidates)


def map_organisation_size(raw: object) -> str | None:
    """Map an organisation-size label to ``micro``, ``small``, ``medium`` or ``large``.

    Parameters
    ----------
    raw : object
        E.g. ``"Micro (< 10 employees)"``, ``"LARGE"``, ``"Grand (250 ou plus)"``.

    Returns
    -------
    str or None
        A value of :data:`ORGANISATION_SIZES`; ``None`` when blank or unknown.
    """
    return _organisation_size(raw if type(raw) is str else _as_text(raw))


@lru_cache(maxsize=_CACHE_SIZE)
def _publication(text: str) -> str | None:
    candidates = list(_lookup_candidates(text))
    if not candidates[0]:
        return None
    head = _PUBLICATION_PREFIX.split(text, maxsplit=1)[0]  # "Anonymous: only your type ..."
    if head != text:
        candidates.extend(_lookup_candidates(head))
    return _first_match(_PUBLICATION_LOOKUP, candidates)


def map_publication(raw: object) -> str | None:
    """Map a publication privacy setting to ``public`` or ``anonymous``.

    Parameters
    ----------
    raw : object
        E.g. ``"The feedback can be published in an anonymous way"``, ``"WITHINFO"``.

    Returns
    -------
    str or None
        ``"public"`` (published with personal information) or ``"anonymous"``; ``None`` when
        blank or unknown.
    """
    return _publication(raw if type(raw) is str else _as_text(raw))


def is_organisation(stakeholder_type: str | None) -> bool:
    """Tell whether a canonical stakeholder type is an organisation.

    Parameters
    ----------
    stakeholder_type : str or None
        A value of :data:`STAKEHOLDER_TYPES`.

    Returns
    -------
    bool
        True for the types in :data:`ORGANISATION_TYPES`; False for citizens, undisclosed
        profiles, ``None`` and unknown values.
    """
    return isinstance(stakeholder_type, str) and stakeholder_type in ORGANISATION_TYPES
