"""Personal-data redaction: typed placeholders for names, e-mails, phones, addresses and ids.

Before the text of a contribution can appear in a quote, table or report, personal data in it
is replaced by ``[PERSON]``, ``[EMAIL]``, ``[PHONE]``, ``[ADDRESS]`` or ``[ID]``. Everything
runs offline and needs no trained model. Detection is layered; each layer can be switched off
with ``methods=`` (the evaluation in the issue note measures what each adds):

``presidio``
    Presidio's pattern recognizers called directly (no NLP engine needed): e-mail (with an
    offline public-suffix list), phone (libphonenumber, strict), IBAN, credit card and the
    EU national-id recognizers that validate a checksum (PESEL, NIF/NIE, codice fiscale,
    NINO, Finnish HETU).
``phonenumbers``
    libphonenumber again, region-aware (the respondent's country, then the regions of the
    text's language): ``POSSIBLE`` leniency right after a phone cue ("Tel.", "téléphone",
    "móvil", …) or for numbers written with an international prefix, ``VALID`` elsewhere,
    so that bare numbers ("52", "2021", "20 000") are never flagged.
``cues``
    Rules in en de fr es it pl nl pt sv el: names after cue phrases ("my name is", "ich
    heiße", "je m'appelle", "nazywam się", …), after honorifics ("Dr", "Frau", "Mme", "Pan"),
    after relations ("my colleague", "ma fille"), in signature blocks ("Best regards,\\nAnna
    Kowalski", "Mit freundlichen Grüßen", "Pozdrawiam", …) and contact blocks ("Contact:",
    "Ansprechpartner:", a name line next to an e-mail/phone/address); id numbers after id
    cues ("passport", "Matrikelnummer", "DNI", "PESEL", …), ORCID iDs; the respondent's own
    first name / surname and ``extra_names`` (exact, case-insensitive, word boundaries).
``addresses``
    Street addresses (house number + street word: Street/Road/Avenue, Straße/Weg/Platz,
    rue/boulevard, calle/avenida, via/piazza/corso, ul./ulica, straat/laan/plein,
    rua/travessa, gatan/vägen), extended over a following postcode + city; post-office
    boxes; lines holding only a postcode and a city.
``jobs``
    First-person "job title at employer" phrases ("I work as a teacher at the Lycée Jean
    Moulin in Lyon", "pracuję jako nauczycielka w Szkole Podstawowej nr 5"). They are tagged
    ``PERSON`` (an indirect identifier of the writer, so the publication policy treats it like
    the writer's name), method ``job``.
``gazetteer``
    A built-in list of common European first names followed by a capitalised surname.

With ``cues`` on (or Presidio off) a plain e-mail regex also runs: Presidio drops addresses
whose top-level domain it does not know (``anna@mail.example``). EU Transparency Register
numbers (``123456789012-34``) identify organisations, not persons, and are never flagged; nor
are dates, act numbers ("2019/1020") and page ranges that libphonenumber would accept.

>>> r = Redactor()
>>> r.redact("Mit freundlichen Grüßen\\nAnna Kowalski, Tel. 030 1234567", "de")[0]
'Mit freundlichen Grüßen\\n[PERSON], Tel. [PHONE]'

The stage :func:`redact_answers` applies a publication policy: by default everything is
replaced for anonymous respondents, and everything but names for respondents who chose
publication with their personal information (their name is published anyway).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import pandas as pd

from .. import schema as sch
from ..errors import ParameterError, bounded_list

__all__ = [
    "LANGUAGES",
    "METHODS",
    "POLICIES",
    "TYPES",
    "Redactor",
    "Span",
    "apply_spans",
    "merge_spans",
    "redact_answers",
]

log = logging.getLogger(__name__)

TYPES = ("PERSON", "EMAIL", "PHONE", "ADDRESS", "ID")
METHODS = ("presidio", "phonenumbers", "cues", "addresses", "jobs", "gazetteer")
POLICIES = ("anonymous_all", "public_own_name", "all")
LANGUAGES = ("en", "de", "fr", "es", "it", "pl", "nl", "pt", "sv", "el")
# when two spans of different types overlap, the union gets the first type in this order
_TYPE_PRIORITY = {t: i for i, t in enumerate(("EMAIL", "PHONE", "ID", "ADDRESS", "PERSON"))}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A found piece of personal data: ``text[start:end]``, its type, who found it, a score."""

    start: int
    end: int
    type: str
    method: str
    score: float = 1.0


# -- character classes and name tokens ----------------------------------------------------------
def _chars(pred: Callable[[str], bool]) -> str:
    """A compact regex character class body (ranges) of the letters satisfying ``pred``.

    Latin (with Latin-1 and Extended-A), Romanian comma letters, Greek and basic Cyrillic.
    """
    codes = [c for a, b in ((0x41, 0x250), (0x370, 0x400), (0x400, 0x460))
             for c in range(a, b) if chr(c).isalpha() and pred(chr(c))]
    out, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) if i == j
                   else f"{re.escape(chr(codes[i]))}-{re.escape(chr(codes[j]))}")
        i = j + 1
    return "".join(out)


_UP = _chars(str.isupper)
_LO = _chars(str.islower)
_L = _chars(lambda c: True)
_NOT_LETTER = rf"(?![{_L}])"
_WORD_START = rf"(?<![{_L}\d])"
_TOK = (rf"(?:(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?"  # DeWeese
        rf"(?:[-'’][{_UP}]?[{_LO}]+)*{_NOT_LETTER}"
        rf"|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?{_NOT_LETTER}|[{_UP}]\.)")
_PARTICLES = ("van|von|de|der|den|del|della|delle|dei|degli|di|da|das|do|dos|du|la|le|les|"
              "ter|ten|zu|zum|zur|y|i|e|af|av|bin|ibn|al|el|st\\.|'t|d'|d’")
_NAME = rf"{_TOK}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,3}}{_TOK}|-{_TOK}){{0,3}}"
_PARTICLE_SET = frozenset(p.replace("\\", "") for p in _PARTICLES.split("|"))

# Common European first names (for the gazetteer layer and to accept one-word names after weak
# cues). Deliberately modest: the layer only fires when a capitalised surname follows.
_FIRST_NAMES = frozenset("""
aaron adam adrian adriana agata agnieszka agnes ahmed aidan aino aitor alba albert alberto
aleksandra alessandra alessandro alessia alex alexander alexandra alexandre alfonso alice
alicia alina amelia ana anastasia andrea andreas andrei andrzej andré andrés ane angela
angelika anja anke ann anna anne anneke annika antoine anton antonia antonio antónio arnaud
arthur astrid aurélie barbara bart bartosz beata beatriz benedikt benjamin bernard bernd
bertrand bianca birgit bogdan bruno camille carla carlo carlos carmen carolina caroline
catarina caterina catherine cecilia celine charlotte chiara christian christina christine
christoph claire clara claudia clément constantin cristina damian daniel daniela dariusz
david davide dimitris diego dirk dominik dorota edith eduardo elena eleni elisa elisabeth
elise eliza elizabeth ellen emil emilia emily emma emmanuel enrico erik esther eva ewa fabian
fabio fatima federica federico felix fernando filip filipa florian francesca francesco
francisco françois frank franz frederik gabriel gabriela georg george georgios gerhard gert
gianluca giorgia giorgos giovanni giulia giuseppe grzegorz guillaume gustav hanna hannah
hans harald heike helen helena helmut henrik henri hugo ilse ingrid ioannis irene isabel
isabella isabelle ivan jacek jacques jakub jan jana janina javier jean jens jeroen joanna
joana joao joão johan johanna johannes john jonas jorge josé josef joseph juan judith julia
julian julie julien justyna jürgen karen karin karl karolina katarzyna katharina kathrin
katrin kevin kim klaus konstantinos krzysztof laura laurent lea lena leon leonie lisa lorenzo
louis louise luc luca lucas lucia lucy ludovic luis luisa lukas łukasz maciej magdalena
malgorzata małgorzata manuel manuela marc marcel marco marcin marek margarita maria marie
mariana marina mario marion mark marta martin martina mateusz mathias matteo matthias
maximilian mercedes michael michał michel michelle miguel mikael mohamed monika natalia
nathalie nicolas niels nikolaos nina nuno olga oliver olivier pablo paola patricia patrick
paul paula paulina paulo pawel paweł pedro peter petra philipp philippe piet pieter piotr
pierre rafael rafał raquel rebecca ricardo richard rita robert roberto rosa ruben rui sabine
sandra sara sarah sebastian sebastián sergio silvia simon simone sofia sophie stefan stefano
stephan susana susanne sven sylvie szymon tatiana teresa thomas tiago tim tobias tomasz
tomás ursula valentina valérie vasileios vera veronica victor vincent virginie wim wojciech
wolfgang xavier yannick yves zofia zuzanna
""".split())

# Capitalised words that are never (part of) a personal name in this setting.
_NOT_NAME = frozenset("""
european europe commission union council parliament member states state eu europass erasmus
ects esg eqf university universität université universidad università uniwersytet
universiteit universidade universitet institute institut instituto istituto school schule
école escuela scuola szkoła school college hochschule foundation stiftung fondation fundación
fondazione fundacja stichting fundação association verband asociación associazione
stowarzyszenie vereniging associação centre center zentrum centro centrum hospital klinikum
ministry ministerium ministère ministerio ministero ministerstwo ministerie agency agentur
agence agencia agenzia department office team group network board committee programme
program actions action chair chairs award prize fellowship scholarship network ltd gmbh
sa srl spa bv nv ag plc inc regards grüßen grüssen greetings thanks thank dear hello
sincerely cordialement saludos saluti pozdrawiam groet groeten atenciosamente hälsningar
january february march april may june july august september october november december
januar februar märz juni juli oktober dezember janvier février mars avril mai juin juillet
août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio
settembre ottobre dicembre monday tuesday wednesday thursday friday saturday sunday
german germany french france spanish spain italian italy polish poland dutch netherlands
portuguese portugal swedish sweden greek greece english british irish belgian austrian
senior junior lecturer professor teacher director head manager student students member
coordinator officer researcher president secretary adviser advisor expert engineer
doctor nurse trainer consultant citizen parent mother father lehrer lehrerin professorin
studentin student direktor direktorin leiter leiterin mitglied bürger bürgerin professeur
professeure enseignant enseignante directeur directrice étudiant étudiante citoyen citoyenne
profesor profesora estudiante director directora ciudadano ciudadana professore
professoressa insegnante studente studentessa direttore direttrice cittadino cittadina
nauczyciel nauczycielka student studentka dyrektor obywatel obywatelka leraar lerares
docent directeur burger professor estudante diretor diretora cidadão cidadã lärare
mr mrs ms mx miss dr prof herr frau mme mlle monsieur madame sr sra dott sig pan pani dhr mevr
associate policy chief executive ceo cto cfo coo founder co-founder partner counsel lawyer
phd llb llm ll.m mba msc bsc ma ba md mep i ii iii iv vi vii viii ix xi xii
analyst specialist assistant general deputy vice principal lead legal public affairs
regulatory government relations communications project programme officer manager affairs
submitted email e-mail phone tel telephone address name date signature title position
organisation organization company country city american canadian australian
""".split())


# Words that make a whole capitalised sequence an organisation, award or programme.
_ORG_MARKERS = frozenset("""
llp ltd limited inc incorporated corp corporation gmbh ag kg ohg ev e.v sa sas sarl srl spa
bv nv plc oy ab asbl aisbl vzw ngo foundation stiftung fondation fundación fondazione fundacja
university universität université universidad università uniwersytet universiteit
universidade universitet institute institut instituto istituto college school academy
akademie académie hochschule group groep gruppe groupe grupo gruppo international associates
association associazione asociación verband vereniging partners consulting solutions
technologies systems services award awards prize prizes actions action fellowship
fellowships programme program chair chairs centre center zentrum centro hospital clinic
klinik council committee commission agency network alliance federation federación
confederation union society gesellschaft société sociedad società bank banque banca
insurance holding holdings labs lab media energy telecom capital ventures hub bundestag
bundesrat senate sénat assemblée parlament
""".split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # load spacy/lang/<xx>/stop_words.py alone: importing spacy.lang.<xx> itself would build
    # the tokenizer exceptions (seconds for French)
    words: set[str] = set()
    spec = importlib.util.find_spec("spacy")
    root = Path(spec.origin).parent / "lang" if spec and spec.origin else None
    for lang in LANGUAGES:
        path = root / lang / "stop_words.py" if root else None
        if path is None or not path.is_file():  # pragma: no cover - spaCy ships these
            continue
        mod_spec = importlib.util.spec_from_file_location(f"_stop_words_{lang}", path)
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
        words |= {w.lower() for w in module.STOP_WORDS}
    return frozenset(w for w in words if w not in _FIRST_NAMES)


def _trim_name(text: str, start: int, end: int, *, min_tokens: int = 1,
               first_known: bool = False) -> tuple[int, int] | None:
    """Cut a candidate name at the first common word; None if too little is left.

    ``min_tokens`` counts real name words (not particles or initials); ``first_known`` accepts
    a single word when it is a known first name.
    """
    stop = _stop_words()
    words = [w.lower().strip(".,;:&") for w in text[start:end].split()]
    if any(w in _ORG_MARKERS for w in words):
        return None  # "Hogan Lovells International LLP", "Marie Curie Actions"
    kept_end, n_real, first = start, 0, None
    for m in re.finditer(r"\S+", text[start:end]):
        tok = m.group()
        low = tok.lower().strip(".,;:")
        if low in _PARTICLE_SET:
            if n_real:
                continue
            break
        if low in stop or low in _NOT_NAME:
            break
        if not re.fullmatch(rf"[{_UP}]\.", tok):
            n_real += 1
            if first is None:
                first = low
        kept_end = start + m.end()
    if n_real == 0:
        return None
    if n_real < min_tokens and not (first_known and first in _FIRST_NAMES):
        return None
    if n_real == 1 and text[start:kept_end].isupper():
        return None  # a lone acronym: "Regards, CCS"
    # drop a trailing full stop, unless it closes an initial ("J.")
    if text[kept_end - 1] == "." and not re.search(rf"(?:^|\s)[{_UP}]\.$", text[start:kept_end]):
        kept_end -= 1
    return start, kept_end


# -- cue data -----------------------------------------------------------------------------------
def _alt(words: Iterable[str]) -> str:
    """Regex matching any of the literal phrases (a trie, so long lists stay fast).

    A space matches any run of blanks and an apostrophe matches ' or ’.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in _units(w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _units(word: str) -> list[str]:
    out = []
    for ch in word.replace("’", "'"):
        if ch == " ":
            if out and out[-1] == r"[ \t]+":
                continue
            out.append(r"[ \t]+")
        elif ch == "'":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return out


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [k + _trie_regex(v) for k, v in sorted(node.items()) if k]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_NAME_CUES = {
    "en": ["my name is", "my name's", "i am called", "i'm called", "name is", "signed by",
           "submitted by", "written by"],
    "de": ["mein name ist", "mein name lautet", "ich heiße", "ich heisse", "mein vorname ist"],
    "fr": ["je m'appelle", "mon nom est", "je me nomme", "je me prénomme", "mon prénom est"],
    "es": ["me llamo", "mi nombre es", "mi nombre completo es"],
    "it": ["mi chiamo", "il mio nome è", "il mio nome e'", "mi chiamano"],
    "pl": ["nazywam się", "mam na imię", "moje imię to", "moje nazwisko to",
           "moje imię i nazwisko to"],
    "nl": ["mijn naam is", "ik heet", "mijn voornaam is"],
    "pt": ["chamo-me", "o meu nome é", "meu nome é", "me chamo", "eu me chamo", "chamo me"],
    "sv": ["jag heter", "mitt namn är"],
    "el": ["με λένε", "ονομάζομαι", "το όνομά μου είναι", "λέγομαι"],
}
_WEAK_CUES = {
    "en": ["i am", "i'm", "this is"], "de": ["ich bin", "hier ist"], "fr": ["je suis", "c'est"],
    "es": ["soy", "yo soy"], "it": ["sono", "io sono"], "pl": ["jestem"], "nl": ["ik ben"],
    "pt": ["sou", "eu sou"], "sv": ["jag är"], "el": ["είμαι"],
}
_RELATION_CUES = {
    "en": ["my " + w for w in ("colleague", "friend", "son", "daughter", "husband", "wife",
                               "partner", "mother", "father", "brother", "sister", "student",
                               "teacher", "supervisor", "manager", "boss", "neighbour",
                               "neighbor", "mentor", "tutor", "child", "grandson",
                               "granddaughter")],
    "de": [f"{p} {w}" for p in ("mein", "meine", "meinem", "meiner", "meinen")
           for w in ("kollege", "kollegin", "freund", "freundin", "sohn", "tochter", "mann",
                     "frau", "mutter", "vater", "bruder", "schwester", "chef", "chefin",
                     "betreuer", "betreuerin", "nachbar", "nachbarin")],
    "fr": [f"{p} {w}" for p in ("mon", "ma") for w in (
        "collègue", "ami", "amie", "fils", "fille", "mari", "femme", "mère", "père", "frère",
        "sœur", "soeur", "voisin", "voisine", "directeur", "directrice", "tuteur", "tutrice")],
    "es": ["mi " + w for w in ("colega", "amigo", "amiga", "hijo", "hija", "marido", "esposo",
                               "esposa", "mujer", "madre", "padre", "hermano", "hermana",
                               "jefe", "jefa", "vecino", "vecina", "tutor", "tutora")],
    "it": [f"{p} {w}" for p in ("mio", "mia", "il mio", "la mia") for w in (
        "collega", "amico", "amica", "figlio", "figlia", "marito", "moglie", "madre", "padre",
        "fratello", "sorella", "capo", "vicino", "vicina", "tutor")],
    "pl": [f"{p} {w}" for p in ("mój", "moja", "mojego", "mojej", "moim", "moją") for w in (
        "kolega", "koleżanka", "kolegą", "koleżanką", "syn", "córka", "mąż", "żona", "przyjaciel",
        "przyjaciółka", "brat", "siostra", "szef", "szefowa", "sąsiad", "sąsiadka")],
    "nl": ["mijn " + w for w in ("collega", "vriend", "vriendin", "zoon", "dochter", "man",
                                 "vrouw", "moeder", "vader", "broer", "zus", "baas", "buurman",
                                 "buurvrouw", "begeleider")],
    "pt": [f"{p} {w}" for p in ("meu", "minha", "o meu", "a minha") for w in (
        "colega", "amigo", "amiga", "filho", "filha", "marido", "mulher", "esposa", "mãe", "pai",
        "irmão", "irmã", "chefe", "vizinho", "vizinha", "orientador", "orientadora")],
    "sv": [f"{p} {w}" for p in ("min", "mitt") for w in (
        "kollega", "vän", "son", "dotter", "man", "fru", "mamma", "pappa", "bror", "syster",
        "chef")],
    "el": [],
}
_CLOSINGS = {
    "en": ["best regards", "kind regards", "warm regards", "regards", "best wishes",
           "yours sincerely", "sincerely", "yours faithfully", "yours truly", "many thanks",
           "thank you", "thanks", "cheers", "all the best", "respectfully", "best"],
    "de": ["mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß",
           "mit freundlichem gruss", "freundliche grüße", "freundliche grüsse", "viele grüße",
           "viele grüsse", "beste grüße", "beste grüsse", "herzliche grüße", "liebe grüße",
           "mit besten grüßen", "hochachtungsvoll", "mfg", "lg", "vielen dank", "danke"],
    "fr": ["cordialement", "bien cordialement", "très cordialement", "bien à vous",
           "sincères salutations", "salutations distinguées", "meilleures salutations",
           "avec mes salutations", "respectueusement", "merci", "amicalement"],
    "es": ["saludos", "saludos cordiales", "un saludo", "un cordial saludo", "atentamente",
           "cordialmente", "muchas gracias", "gracias", "reciba un cordial saludo"],
    "it": ["cordiali saluti", "distinti saluti", "saluti", "un saluto", "cordialmente",
           "grazie", "i migliori saluti", "con i migliori saluti", "un caro saluto"],
    "pl": ["pozdrawiam", "z poważaniem", "serdecznie pozdrawiam", "z wyrazami szacunku",
           "łączę pozdrowienia", "dziękuję", "pozdrawiam serdecznie"],
    "nl": ["met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groeten",
           "vriendelijke groet", "groeten", "hoogachtend", "met hartelijke groet", "mvg",
           "bedankt"],
    "pt": ["atenciosamente", "cumprimentos", "com os melhores cumprimentos",
           "melhores cumprimentos", "saudações", "abraços", "cordialmente", "obrigado",
           "obrigada", "com os meus cumprimentos"],
    "sv": ["med vänliga hälsningar", "med vänlig hälsning", "vänliga hälsningar",
           "vänlig hälsning", "hälsningar", "hälsning", "mvh", "tack"],
    "el": ["με εκτίμηση", "φιλικά", "ευχαριστώ", "με φιλικούς χαιρετισμούς"],
}
_CONTACT_CUES = {
    "en": ["contact", "contact person", "contact details", "name", "full name", "author",
           "signed", "signature", "respondent", "submitted by", "contact info"],
    "de": ["kontakt", "kontaktperson", "ansprechpartner", "ansprechpartnerin", "kontaktdaten",
           "name", "vorname", "nachname", "autor", "autorin", "unterschrift"],
    "fr": ["contact", "personne de contact", "coordonnées", "nom", "prénom", "nom et prénom",
           "auteur", "signé", "signature"],
    "es": ["contacto", "persona de contacto", "datos de contacto", "nombre", "apellido",
           "nombre y apellidos", "autor", "firmado"],
    "it": ["contatto", "contatti", "referente", "persona di contatto", "nome", "cognome",
           "nome e cognome", "autore", "firmato"],
    "pl": ["kontakt", "osoba kontaktowa", "dane kontaktowe", "imię", "nazwisko",
           "imię i nazwisko", "autor", "podpis"],
    "nl": ["contact", "contactpersoon", "contactgegevens", "naam", "voornaam", "achternaam",
           "auteur", "ondertekend", "handtekening"],
    "pt": ["contacto", "contato", "pessoa de contacto", "dados de contacto", "nome",
           "nome completo", "apelido", "autor", "assinado", "assinatura"],
    "sv": ["kontakt", "kontaktperson", "namn", "författare", "underskrift"],
    "el": ["επικοινωνία", "όνομα", "ονοματεπώνυμο"],
}
_HONORIFICS = ("Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Frau|Mme|Mlle|Monsieur|Madame|Mademoiselle|M|"
               "Sr|Sra|Srta|Señor|Señora|Dña|Doña|Dott|Dott\\.ssa|Dr\\.ssa|Sig|Sig\\.ra|Sig\\.na|"
               "Signor|Signora|Pan|Pani|Panem|Panią|Dhr|Mevr|Mw|Senhor|Senhora|Ing|Mag|Mgr|"
               "Dipl\\.-Ing|Prof\\.\\s*Dr|Κος|Κα|κ")
_PHONE_CUES = [
    *"""tel tél tele phone telephone téléphone telefon telefono teléfono telefone telefoon mobile
    mobil móvil movil cellulare cell cellphone portable handy gsm mob fax tlf tfno tlfno
    telemóvel telemovel komórka kom whatsapp τηλ τηλέφωνο κινητό""".split(),
    "tel no", "tel nr", "call me", "call me on", "ring me", "rufen sie mich an unter",
    "appelez-moi", "llámame", "chiamami", "zadzwoń", "bel me", "ligue-me", "numer telefonu",
    "phone number", "mobile number", "nr tel", "numéro de téléphone", "número de teléfono",
    "numero di telefono", "telefoonnummer", "telefonnummer", "número de telefone",
    "erreichbar unter", "joignable au"]
_ID_CUES = [
    "passport", "passport number", "passport no", "id card", "id card number", "identity card",
    "identity card number", "national id", "national id number", "id number", "id no",
    "personal id", "personal id number", "personal identification number",
    "social security number", "national insurance number", "tax id", "tax number",
    "student id", "student number", "student card number", "matriculation number",
    "employee number", "staff number", "membership number", "customer number",
    "personalausweis", "personalausweisnummer", "ausweisnummer", "reisepass",
    "reisepassnummer", "sozialversicherungsnummer", "steuer-id", "steuerid",
    "steueridentifikationsnummer", "matrikelnummer", "personalnummer",
    "numéro de sécurité sociale", "numéro d'étudiant", "numéro fiscal", "carte d'identité",
    "numéro de passeport", "número de identificación", "número de estudiante",
    "número de pasaporte", "número de la seguridad social", "codice fiscale",
    "carta d'identità", "numero di matricola", "matricola", "numer dowodu",
    "numer legitymacji", "nr albumu", "numer albumu", "numer paszportu",
    "burgerservicenummer", "studentnummer", "paspoortnummer", "cartão de cidadão",
    "número de contribuinte", "personnummer"]
# acronyms count only when written in capitals
_ID_ACRONYMS = frozenset(
    "NIR DNI NIE NIF NUSS PESEL NIP BSN NISS AMKA AFM ΑΦΜ ΑΜΚΑ SSN NINO CPF".split())

# -- addresses --------------------------------------------------------------------------------
_HOUSE = r"\d{1,4}(?:[ ]?[A-Za-z](?![A-Za-z]))?(?:[/-]\d{1,4}[A-Za-z]?)?(?![.,]?\d)"
_STREET_AFTER = (  # "12 Baker Street", "3 High St."
    "Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Close|Way|Place|Square|"
    "Terrace|Crescent|Court|Gardens|Row|Boulevard|Blvd\\.?|Walk|Grove|Hill|Mews|Quay")
# street words written before the name; the second list counts only when capitalised
_STREET_WORDS = """rue avenue av. boulevard bd bd. chemin allée impasse calle c/ avenida avda avda.
paseo carrer travesía viale piazza piazzale corso vicolo ul. ulica ulicy aleja alei osiedle rua
travessa praça praceta bld. blvd blvd. bvd""".split()
_STREET_WORDS_CAP = """via place route cours quai largo plaza camino ronda strada contrada estrada
alameda al. pl. plac os.""".split()
_STREET_SUFFIX = (  # compounds: "Hauptstraße 5", "Kerkstraat 12", "Storgatan 3"
    "straße|strasse|str\\.|weg|gasse|platz|allee|damm|ufer|chaussee|steig|"
    "straat|laan|plein|gracht|kade|singel|dijk|"
    "gatan|vägen|väg|gränd|torget")
_STREET_SUFFIX_WORDS = frozenset(
    "straße strasse str. weg platz allee gasse ring markt damm".split())
_PO_BOXES = ["po box", "p.o. box", "p. o. box", "p.o.box", "postfach", "boîte postale",
             "apartado de correos", "casella postale", "skrytka pocztowa", "postbus",
             "caixa postal"]
_POSTCODE = (r"(?:[A-Z]{1,2}[- ])?(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{4}[ ]?[A-Z]{2}(?![A-Za-z])|"
             r"\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2})")
_CITY = (rf"[{_UP}][{_L}'’-]+(?:[ \t-]+(?:(?:sur|am|an|der|de|la|le|en|im)[ \t-]+)?"
         rf"[{_UP}][{_L}'’-]+){{0,2}}")
_STREET_NAME_WORD = (rf"(?:[{_UP}][{_L}'’.-]*|(?:de|del|della|da|do|dos|das|di|du|des|la|le|"
                     rf"les|l['’]|d['’]|degli|delle|van|von|der|den|het|dei|y|e|i)(?![{_L}]))")
_STREET_NAME = rf"{_STREET_NAME_WORD}(?:[ \t]*{_STREET_NAME_WORD}){{0,4}}"
# "12 Baker Street", "221B Baker St.", "10 rue de la Paix" (a digit first: a fast scan)
_ANY_DIGIT_RE = re.compile(r"\d")
_ADDRESS_NUMBER_FIRST_RE = re.compile(
    rf"{_WORD_START}{_HOUSE},?[ \t]+(?:(?:[{_UP}][{_L}'’-]+[ \t]+){{1,3}}(?:{_STREET_AFTER})"
    rf"{_NOT_LETTER}|(?i:{_alt(_STREET_WORDS + _STREET_WORDS_CAP)})[ \t]+{_STREET_NAME})")
# after a street word: "Via Roma 10", "ul. Długa 5", "Calle Mayor, 5", "Rue de la Loi 200"
_STREET_TAIL_RE = re.compile(
    rf"[ \t]*{_STREET_NAME},?[ \t]*(?:n\.?[º°o]?\.?[ \t]*)?{_HOUSE}{_NOT_LETTER}")
# compounds, found from their suffix in the lower-cased text: "Hauptstraße 5", "Kerkstraat 12"
_STREET_SUFFIX_RE = re.compile(rf"(?:{_STREET_SUFFIX})(?=[ \t]*\d)")
_HOUSE_RE = re.compile(rf"[ \t]*{_HOUSE}{_NOT_LETTER}")
_PO_BOX_TAIL_RE = re.compile(r"[ \t]*\d{1,6}(?:[ \t]\d{1,4})?")
_YEAR_RE = re.compile(r"(?:19|20)\d\d(?!\d)")
_POSTCODE_TAIL_RE = re.compile(
    rf"[ \t]*(?:,[ \t]*|\r?\n[ \t]*|[ \t]*[-–|][ \t]*|[ \t]+)(?:(?:{_POSTCODE})(?:[ \t]+{_CITY})?"
    rf"|{_CITY},?[ \t]+[A-Z]{{1,2}}\d[A-Z\d]?[ ]?\d[A-Z]{{2}}(?![A-Za-z]))")
_POSTCODE_LINE_RE = re.compile(
    rf"(?m)^[ \t]*(?P<pc>{_POSTCODE}[ \t]+{_CITY})[ \t]*(?:,[ \t]*[{_UP}][{_L}]+)?[ \t]*$")
_TR_NUMBER_RE = re.compile(r"(?<!\d)\d{9,13}-\d{2}(?!\d)")
_ORCID_RE = re.compile(r"(?<![\d-])\d{4}-\d{4}-\d{4}-\d{3}[\dX](?![\d-])")
_LINKEDIN_RE = re.compile(r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[\w%-]+/?")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_DIGITS_RE = re.compile(r"\d[\d ()./-]{5,}\d")
_PHONE_CAND_RE = re.compile(r"\+?\(?\d[\d \t()./–-]{4,26}\d")
_NOT_PHONE_RE = re.compile(  # dates, act numbers, page ranges that libphonenumber accepts
    r"\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d[/-]\d{1,5}|"
    r"\d{1,5}/(?:19|20)\d\d|(?P<a>\d{2,5})\s?[-–]\s?(?P<b>\d{2,5}))\s*$")
_PHONE_RUN_RE = re.compile(r"\+?\(?\d[\d ()./-]{5,18}\d")

# -- job phrases ----------------------------------------------------------------------------
_JOB_CUES = {
    "en": [("i work as", "at|for|in|with"), ("i am working as", "at|for|in|with"),
           ("i'm working as", "at|for|in|with"), ("i am employed as", "at|by|in|with"),
           ("i am a|i am an|i'm a|i'm an|i am the|i'm the", "at|with"),
           ("i work at|i work for", ""),
           ("i teach at|i study at|i am employed at|i am employed by", "")],
    "de": [("ich arbeite als|arbeite als", "bei|an|am|im|in|für"),
           ("ich bin als", "bei|an|am|im|in"),
           ("ich bin", "bei|an der|an einer|am|im"), ("ich arbeite bei|ich arbeite an|"
                                                      "ich arbeite am|ich arbeite im|"
                                                      "ich unterrichte an|ich studiere an", "")],
    "fr": [("je travaille comme|je travaille en tant que", "à|au|aux|chez|dans|pour"),
           ("je suis", "à|au|chez|à la|à l'|dans"),
           ("je travaille à|je travaille au|je travaille chez|j'enseigne à|j'enseigne au|"
            "j'étudie à|j'étudie au", "")],
    "es": [("trabajo como", "en|para"), ("soy", "en|de la|del"),
           ("trabajo en|trabajo para|enseño en|estudio en", "")],
    "it": [("lavoro come", "presso|al|alla|all'|in|nel|nella|per"),
           ("sono", "presso|al|alla|all'|nel|nella"),
           ("lavoro presso|lavoro al|lavoro alla|lavoro nel|lavoro nella|insegno presso|"
            "insegno al|insegno alla|studio presso|studio al|studio alla", "")],
    "pl": [("pracuję jako", "w|we|na|dla"), ("jestem", "w|we|na"),
           ("pracuję w|pracuję we|pracuję na|pracuję dla|uczę w|studiuję na|studiuję w", "")],
    "nl": [("ik werk als|werk als", "bij|op|aan|in|voor"), ("ik ben", "bij|op|aan"),
           ("ik werk bij|ik werk op|ik werk aan|ik werk voor|ik studeer aan|ik geef les op|"
            "ik geef les aan", "")],
    "pt": [("trabalho como", "na|no|em|para|nos|nas"), ("sou", "na|no|da|do"),
           ("trabalho na|trabalho no|trabalho em|trabalho para|ensino na|ensino no|estudo na|"
            "estudo no", "")],
    "sv": [("jag arbetar som|jag jobbar som", "på|vid|i|hos"), ("jag är", "på|vid|hos"),
           ("jag arbetar på|jag arbetar vid|jag jobbar på|jag studerar vid|jag studerar på", "")],
    "el": [("εργάζομαι ως|δουλεύω ως", "στο|στη|στην|σε"), ("είμαι", "στο|στη|στην"),
           ("εργάζομαι στο|εργάζομαι στη|εργάζομαι στην|δουλεύω στο|δουλεύω στη", "")],
}
_ARTICLES = ("the|a|an|der|die|das|dem|den|des|einer|einem|eines|la|le|les|l'|l’|el|los|las|"
             "il|lo|o|os|as|een|het|de|ein|eine|un|una|uno|une|um|uma|τον|την|το|της|του")
_ORG_CONNECT = ("of|for|and|de|du|des|la|le|les|für|der|die|das|di|del|della|dei|degli|delle|"
                "van|voor|do|da|dos|das|im|am|y|e|et|und|i|och|&|zu|zum|zur|en|op|aan|het|"
                "imienia|im\\.|w|we|för|på|in|d['’]|l['’]|dell['’]|dello")
_INSTITUTION_NOUNS = (
    "office|school|hospital|clinic|company|agency|centre|center|department|university|college|"
    "library|council|firm|bank|factory|plant|branch|ministry|academy|institute|foundation|"
    "association|cooperative|warehouse|store|shop|team|unit|lab|laboratory|museum|"
    "schule|klinik|firma|verwaltung|école|lycée|collège|hôpital|entreprise|mairie|escuela|"
    "empresa|ayuntamiento|scuola|azienda|comune|szkoła|firmie|szkole|firma|school|gemeente|"
    "bedrijf|escola|empresa|câmara|skola|företag|kommun")
_ORG_WORD = rf"(?:St|Ste|Sta|Sto|Mt|Dr)\.|[{_UP}][{_L}'’&-]*|[{_UP}]{{2,}}"
_EMPLOYER = (rf"(?:(?P<art>{_ARTICLES})[ \t]+|(?:[lLdD]|[dD]ell|[aA]ll|[nN]ell|[sS]ull)['’])?"
             rf"(?:{_ORG_WORD})"
             rf"(?:[ \t]+(?:(?:{_ORG_CONNECT})[ \t]*)?(?:{_ORG_WORD})"
             rf"|[ \t]+(?:nr|no|n[°º.])\.?[ \t]*\d{{1,4}}[a-z]?(?![\d.,]\d)){{0,7}}"
             rf"(?:(?:[ \t]+[{_LO}]+){{0,2}}[ \t]+(?:{_INSTITUTION_NOUNS}){_NOT_LETTER})?")
_CITY_TAIL = (rf"(?:,?[ \t]+(?:in|à|en|a|w|we|im|na|no|em|i|te|στην|στο)[ \t]+"
              rf"[{_UP}][{_L}'’-]+(?:[ \t-]+[{_UP}][{_L}'’-]+)?)?")
_JOB_WORDS = rf"(?:[{_L}'’-]+)(?:[ \t]+[{_L}'’-]+){{0,4}}?"


class _Presidio:
    """Presidio pattern recognizers, built once and called without an NLP engine."""

    ENTITY_TYPES: ClassVar[dict[str, str]] = {
        "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "IBAN_CODE": "ID",
        "CREDIT_CARD": "ID", "PL_PESEL": "ID", "ES_NIF": "ID", "ES_NIE": "ID",
        "IT_FISCAL_CODE": "ID", "UK_NINO": "ID", "FI_PERSONAL_IDENTITY_CODE": "ID"}
    MIN_SCORE = 0.4
    REGIONS: ClassVar[tuple[str, ...]] = (
        "GB", "IE", "DE", "FR", "ES", "IT", "PL", "NL", "PT", "BE", "AT", "SE", "GR", "US")

    def __init__(self, *, phone: bool) -> None:
        import tldextract
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            EmailRecognizer,
            EsNieRecognizer,
            EsNifRecognizer,
            FiPersonalIdentityCodeRecognizer,
            IbanRecognizer,
            ItFiscalCodeRecognizer,
            PhoneRecognizer,
            PlPeselRecognizer,
            UkNinoRecognizer,
        )

        # tldextract would try to download the public-suffix list: use its bundled snapshot
        extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

        class OfflineEmailRecognizer(EmailRecognizer):
            def validate_result(self, pattern_text: str) -> bool:
                return extract(pattern_text).fqdn != ""

        self.email = OfflineEmailRecognizer()
        self.phone = PhoneRecognizer(supported_regions=self.REGIONS) if phone else None
        gates = {  # a necessary condition for each recognizer's patterns
            "iban": r"[A-Z]{2}\d{2}[ -]?[A-Z\d]{4}", "card": r"(?:\d[ -]?){13}",
            "pesel": r"\d{11}", "nif": r"\d{8}-?[A-Z]", "nie": r"[XYZ]-?\d{7}",
            "cf": r"[A-Z]{6}\d{2}[A-Z]\d{2}", "nino": r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2}",
            "hetu": r"\d{6}[-+A-Y]\d{3}"}
        self.ids = [(rec, re.compile(gates[g])) for rec, g in (
            (IbanRecognizer(), "iban"), (CreditCardRecognizer(), "card"),
            (PlPeselRecognizer(), "pesel"), (EsNifRecognizer(), "nif"),
            (EsNieRecognizer(), "nie"), (ItFiscalCodeRecognizer(), "cf"),
            (UkNinoRecognizer(), "nino"), (FiPersonalIdentityCodeRecognizer(), "hetu"))]

    def analyze(self, text: str) -> list[Span]:
        results = []
        if "@" in text:  # only the blank-free tokens around "@" (the regex is slow)
            for lo, hi in _at_windows(text):
                for r in self.email.analyze(text[lo:hi], ["EMAIL_ADDRESS"], None):
                    r.start, r.end = r.start + lo, r.end + lo
                    results.append(r)
        if self.phone is not None and _DIGITS_RE.search(text):
            results += self.phone.analyze(text, ["PHONE_NUMBER"], None)
        for rec, gate in self.ids:
            if gate.search(text):  # cheap test before the (slow) recognizer
                results += rec.analyze(text, rec.supported_entities, None)
        out = []
        for r in results:
            kind = self.ENTITY_TYPES.get(r.entity_type)
            if kind and r.score >= self.MIN_SCORE:
                out.append(Span(r.start, r.end, kind, f"presidio:{r.entity_type.lower()}",
                                round(float(r.score), 3)))
        return out


def _at_windows(text: str) -> list[tuple[int, int]]:
    """The blank-free stretches around each "@" (plus one character each side), merged."""
    out: list[tuple[int, int]] = []
    pos = text.find("@")
    while pos >= 0:
        lo = pos
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = pos + 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        lo, hi = max(0, lo - 1), min(len(text), hi + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
        pos = text.find("@", hi)
    return out


# language -> regions tried for phone numbers (after the respondent's own country)
_LANG_REGIONS = {
    "en": ("GB", "IE", "MT", "US"), "de": ("DE", "AT", "CH"), "fr": ("FR", "BE", "LU"),
    "es": ("ES",), "it": ("IT",), "pl": ("PL",), "nl": ("NL", "BE"), "pt": ("PT",),
    "sv": ("SE", "FI"), "el": ("GR", "CY"), "da": ("DK",), "fi": ("FI",), "cs": ("CZ",),
    "sk": ("SK",), "hu": ("HU",), "ro": ("RO",), "bg": ("BG",), "hr": ("HR",),
    "sl": ("SI",), "et": ("EE",), "lv": ("LV",), "lt": ("LT",), "ga": ("IE",), "mt": ("MT",),
}


@lru_cache(maxsize=512)
def _alpha2(country: str | None) -> str | None:
    """ISO 3166-1 alpha-3 (or alpha-2) -> alpha-2 phone region, None if unknown."""
    if not country or not isinstance(country, str):
        return None
    code = country.strip().upper()
    if len(code) == 2:
        return code
    import pycountry

    hit = pycountry.countries.get(alpha_3=code)
    return hit.alpha_2 if hit else None


def _validate_choice(name: str, value: object, options: Sequence[str]) -> None:
    if value not in options:
        raise ParameterError(
            f"The {name!r} parameter must be a str among {{{', '.join(map(repr, options))}}}. "
            f"Got {value!r} instead")


class Redactor:
    """Find and replace personal data in free text (offline, deterministic).

    Parameters
    ----------
    types : placeholder types to look for, a subset of ``TYPES``.
    languages : languages whose cue phrases are used (``None``: all of ``LANGUAGES``). Cues of
        every configured language are tried on every text, since declared languages are often
        wrong; the text's own language picks the phone regions.
    use_presidio : use Presidio's pattern recognizers (e-mail, phone, IBAN, national ids);
        without it a plain e-mail regex stands in.
    extra_names : names to find everywhere (exact, case-insensitive, word boundaries).
    methods : detection layers to use, a subset of ``METHODS`` (``None``: all).
    """

    def __init__(self, *, types: Iterable[str] = TYPES, languages: Iterable[str] | None = None,
                 use_presidio: bool = True, extra_names: Iterable[str] = (),
                 methods: Iterable[str] | None = None) -> None:
        if isinstance(types, str):
            types = (types,)
        types = tuple(types)
        bad = [t for t in types if t not in TYPES]
        if bad or not types:
            raise ParameterError(
                f"The 'types' parameter must be a non-empty subset of {TYPES}. Got {types!r} "
                "instead")
        if isinstance(languages, str):
            languages = (languages,)
        langs = tuple(LANGUAGES if languages is None else languages)
        bad = [lang for lang in langs if lang not in LANGUAGES]
        if bad:
            raise ParameterError(
                f"The 'languages' parameter must be a subset of {LANGUAGES}. Got "
                f"{bounded_list(bad)} instead")
        if not isinstance(use_presidio, bool):
            raise ParameterError(
                f"The 'use_presidio' parameter must be a bool. Got {use_presidio!r} instead")
        if isinstance(extra_names, str):
            extra_names = (extra_names,)
        names = tuple(sorted({str(n).strip() for n in extra_names if str(n).strip()}))
        if isinstance(methods, str):
            methods = (methods,)
        meth = tuple(METHODS if methods is None else methods)
        bad = [m for m in meth if m not in METHODS]
        if bad:
            raise ParameterError(
                f"The 'methods' parameter must be a subset of {METHODS}. Got "
                f"{bounded_list(bad)} instead")
        self.types = types
        self.languages = langs
        self.use_presidio = use_presidio
        self.extra_names = names
        self.methods = meth
        self._built = False

    def __repr__(self) -> str:
        return (f"Redactor(types={self.types!r}, languages={self.languages!r}, "
                f"use_presidio={self.use_presidio!r}, methods={self.methods!r})")

    # -- construction (lazy, once) ---------------------------------------------------------------
    def _build(self) -> None:
        if self._built:
            return
        langs = self.languages
        m = set(self.methods)
        self._presidio = (_Presidio(phone="phonenumbers" not in m)
                          if self.use_presidio and "presidio" in m else None)
        # every cue phrase, lower-cased, in one trie scanned once over the lower-cased text
        kinds: dict[str, set[str]] = {}

        def add(words: Iterable[str], kind: str) -> None:
            for w in words:
                kinds.setdefault(_norm_cue(w), set()).add(kind)

        if "cues" in m:
            for table, kind in ((_NAME_CUES, "strong"), (_WEAK_CUES, "weak"),
                                (_RELATION_CUES, "relation"), (_CLOSINGS, "closing"),
                                (_CONTACT_CUES, "contact")):
                add((w for lang in langs for w in table.get(lang, [])), kind)
            add(_ID_CUES, "id")
            add((a.lower() for a in _ID_ACRONYMS), "id_acronym")
        if "phonenumbers" in m:
            add(_PHONE_CUES, "phone")
        if "addresses" in m:
            add(_STREET_WORDS, "street")
            add(_STREET_WORDS_CAP, "street_cap")
            add(_PO_BOXES, "pobox")
        self._job_tails: dict[str, list[re.Pattern]] = {}
        if "jobs" in m:
            for lang in langs:
                for cue, preps in _JOB_CUES.get(lang, []):
                    if preps:
                        body = (rf"{_JOB_WORDS}[ \t]+(?i:{_alt(preps.split('|'))})"
                                rf"(?:[ \t]+|(?<=['’])){_EMPLOYER}{_CITY_TAIL}")
                    else:
                        body = rf"{_EMPLOYER}{_CITY_TAIL}"
                    tail = re.compile(rf"[ \t]+(?P<name>{body})")
                    for c in cue.split("|"):
                        self._job_tails.setdefault(_norm_cue(c), []).append(tail)
                        kinds.setdefault(_norm_cue(c), set()).add("job")
        if "gazetteer" in m:
            add(_FIRST_NAMES, "first")
        self._cue_kinds = kinds
        # a lookahead, so that overlapping cues of different kinds are all seen ("my student
        # number": a relation and an id cue)
        self._cue_re = (re.compile(rf"{_WORD_START}(?=(?P<cue>{_alt(kinds)}){_NOT_LETTER})")
                        if kinds else None)
        hon = rf"(?:(?:{_HONORIFICS})\.?[ \t]+)?"
        name = rf"(?P<name>{_NAME})"
        self._tails = {  # matched right after a cue
            "strong": re.compile(rf"[ \t]*[:,–-]?[ \t]*{hon}{name}"),
            "weak": re.compile(rf"[ \t]+{hon}{name}"),
            "relation": re.compile(rf"[ \t]*,?[ \t]+{name}"),
            "closing": re.compile(rf"[ \t]*[,!.;:]?[ \t]*(?:-[ \t]*)?(?:\r?\n[ \t]*){{0,2}}"
                                  rf"(?:[-–—][ \t]*)?{hon}{name}"),
            "contact": re.compile(rf"[ \t]*(?::|[–-]|\r?\n)[ \t]*(?:\r?\n[ \t]*)?{hon}{name}"),
            "id": re.compile(
                rf"[ \t]*(?:\([{_L}.]{{1,8}}\)[ \t]*)?"
                rf"(?:(?i:is|was|are|ist|war|lautet|est|était|es|era|è|jest|był|brzmi|är|var|é|"
                rf":|no\.?|nr\.?|number|nummer|numéro|número|numero|numer|n°|nº|#|=|-|–)"
                rf"[ \t]*){{0,3}}"
                rf"(?P<name>[A-Z0-9](?:[A-Z0-9]|[./-](?=[A-Z0-9])|[ ](?=\d)){{3,24}})"
                rf"(?![A-Za-z0-9])"),
            "first": re.compile(rf"(?P<name>(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,3}}{_TOK}"
                                rf"|-{_TOK}){{1,3}})"),
        }
        self._honorific_re = re.compile(rf"(?<![{_L}\d.])(?:{_HONORIFICS})\.?[ \t]+{name}")
        self._name_line_re = re.compile(
            rf"[ \t]*(?:[-–—•*][ \t]*)?{hon}(?P<name>{_NAME})[ \t]*[,;]?[ \t]*")
        self._extra_re = _names_regex(self.extra_names)
        self._built = True

    # -- detection ---------------------------------------------------------------------------
    def find(self, text: str, lang: str | None = None, *, region: str | None = None,
             names: Sequence[str] = ()) -> list[Span]:
        """Personal-data spans of ``text``: sorted, non-overlapping, merged.

        ``region`` is the respondent's country (ISO alpha-2 or alpha-3) for phone numbers;
        ``names`` are the respondent's own names, found by exact match.
        """
        if not isinstance(text, str) or not text.strip():
            return []
        spans = self._raw_spans(text, lang, region)
        if names:
            spans += _find_names(text, _names_regex(tuple(names)), "own_name")
        return merge_spans(self._finalise(text, spans))

    def redact(self, text: str, lang: str | None = None, *, region: str | None = None,
               names: Sequence[str] = ()) -> tuple[str, list[Span]]:
        """``text`` with every found span replaced by its placeholder, and the spans."""
        spans = self.find(text, lang, region=region, names=names)
        return apply_spans(text, spans), spans

    def _raw_spans(self, text: str, lang: str | None, region: str | None) -> list[Span]:
        """All candidate spans (overlapping, unfiltered) for text + language + region."""
        self._build()
        m = set(self.methods)
        spans: list[Span] = []
        if self._presidio is not None:
            spans += self._presidio.analyze(text)
        if "@" in text and ("cues" in m or self._presidio is None):
            # any syntactically valid address, whatever its top-level domain (Presidio drops
            # unknown ones such as ``.example``)
            spans += [Span(x.start(), x.end(), "EMAIL", "email_regex", 0.9)
                      for x in _EMAIL_RE.finditer(text)]
        phone_cues: list[int] = []
        scanned: list[Span] = []
        if self._cue_re is not None:
            scanned = self._scan_cues(text, phone_cues)
        spans += [s for s in scanned if s.type != "ADDRESS"]
        if "phonenumbers" in m and _DIGITS_RE.search(text):
            spans += self._phones(text, lang, region, phone_cues)
        if "cues" in m:
            spans += [Span(x.start(), x.end(), "PERSON", "honorific", 0.75)
                      for x in self._names_in(self._honorific_re, text, 1)]
            if "-" in text:
                spans += [Span(*x.span(), "ID", "orcid", 0.9) for x in _ORCID_RE.finditer(text)]
            if "linkedin" in text.lower():
                spans += [Span(*x.span(), "ID", "linkedin", 0.8)
                          for x in _LINKEDIN_RE.finditer(text)]
            if self._extra_re is not None:
                spans += _find_names(text, self._extra_re, "extra_name")
        if "addresses" in m:
            spans += self._addresses(text, [s for s in scanned if s.type == "ADDRESS"])
        if "cues" in m:
            spans += self._contact_lines(text, spans)
        return spans

    def _finalise(self, text: str, spans: list[Span]) -> list[Span]:
        """Keep the configured types; drop ids/phones that are Transparency Register numbers."""
        keep = set(self.types)
        tr = [x.span() for x in _TR_NUMBER_RE.finditer(text)] if "-" in text else []
        out = []
        for s in spans:
            if s.type not in keep or s.end <= s.start:
                continue
            if s.type in ("ID", "PHONE") and any(a < s.end and s.start < b for a, b in tr):
                continue  # Transparency Register numbers identify organisations
            out.append(s)
        return out

    def _names_in(self, rx: re.Pattern, text: str, min_tokens: int):
        """Trimmed name spans (as ``re.Match``-like spans) of a regex with a ``name`` group."""
        for x in rx.finditer(text):
            if _famous(x.group("name")):
                continue
            cut = _trim_name(text, *x.span("name"), min_tokens=min_tokens, first_known=True)
            if cut:
                yield _Cut(*cut)

    def _scan_cues(self, text: str, phone_cues: list[int]) -> list[Span]:
        """One pass of the cue trie over the lower-cased text; rules run after each hit."""
        low = text.lower()
        if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep offsets
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        out: list[Span] = []
        for hit in self._cue_re.finditer(low):
            start, end = hit.span("cue")
            phrase = _norm_cue(hit.group("cue"))
            for kind in sorted(self._cue_kinds.get(phrase, ())):
                if kind == "phone":
                    phone_cues.append(end)
                elif kind in ("street", "street_cap", "pobox"):
                    if kind == "street_cap" and not (
                            text[start].isupper() or phrase in ("al.", "pl.", "os.")):
                        continue
                    if phrase == "al." and text[max(0, start - 3):start] == "et ":
                        continue
                    tail = _PO_BOX_TAIL_RE if kind == "pobox" else _STREET_TAIL_RE
                    x = tail.match(text, end)
                    if x and not (kind != "pobox" and _ends_with_year(x.group())):
                        out.append(Span(start, x.end(), "ADDRESS", "address", 0.7))
                elif kind == "first":
                    word = text[start:end]
                    if (word[:1].isupper() and word[1:].islower()
                            and not _SAINT_RE.search(text, max(0, start - 7), start)):
                        x = self._tails["first"].match(text, end)
                        if x and not _famous(word + x.group("name")):
                            cut = _trim_name(text, start, x.end("name"), min_tokens=2)
                            if cut:
                                out.append(Span(*cut, "PERSON", "gazetteer", 0.5))
                elif kind in ("id", "id_acronym"):
                    if kind == "id_acronym" and not text[start:end].isupper():
                        continue
                    x = self._tails["id"].match(text, end)
                    if x:
                        val = x.group("name")
                        digits = sum(c.isdigit() for c in val)
                        if digits >= 5 or (digits >= 3 and any(c.isalpha() for c in val)):
                            s, e = x.span("name")
                            out.append(Span(s, _strip_trailing(text, s, e), "ID", "id_cue",
                                            0.7))
                elif kind == "job":
                    for tail in self._job_tails.get(phrase, ()):
                        x = tail.match(text, end)
                        if x and (x.group("art") or "").lower() not in _INDEFINITE:
                            # "at a vocational school" does not identify anyone
                            s, e = x.span("name")
                            e = _trim_org_tail(text, s, e)
                            if e - s >= 4 and _names_something(text[s:e]):
                                out.append(Span(s, e, "PERSON", "job", 0.6))
                                break
                else:
                    if kind == "contact" and not _line_start(text, start):
                        continue
                    x = self._tails[kind].match(text, end)
                    if x is None or _famous(x.group("name")):
                        continue
                    cut = _trim_name(text, *x.span("name"), min_tokens=2 if kind == "weak" else 1,
                                     first_known=True)
                    if cut:
                        method = {"strong": "cue", "weak": "cue_weak",
                                  "closing": "signature"}.get(kind, kind)
                        out.append(Span(*cut, "PERSON", method, _CUE_SCORES[kind]))
        return out

    def _phones(self, text: str, lang: str | None, region: str | None,
                cue_ends: Sequence[int]) -> list[Span]:
        from phonenumbers import Leniency, PhoneNumberMatcher

        regions = []
        for r in (_alpha2(region), *_LANG_REGIONS.get((lang or "").lower(), ())):
            if r and r not in regions:
                regions.append(r)
        if not regions:
            regions = ["GB", "US", "DE", "FR"]
        out: list[Span] = []
        # libphonenumber only looks at windows around digit runs (it is slow on long texts)
        windows: list[list[int]] = []
        for x in _PHONE_CAND_RE.finditer(text):
            if sum(c.isdigit() for c in x.group()) < 7:
                continue
            lo, hi = max(0, x.start() - 4), min(len(text), x.end() + 4)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        for lo, hi in windows:
            part = text[lo:hi]
            # strict everywhere (short valid numbers, e.g. Luxembourg's, only after a cue)
            for r in regions:
                for x in PhoneNumberMatcher(part, r, leniency=Leniency.VALID):
                    if (sum(c.isdigit() for c in x.raw_string) >= 8
                            and not _not_phone(x.raw_string)
                            and not _in_url(text, lo + x.start, lo + x.end)):
                        out.append(Span(lo + x.start, lo + x.end, "PHONE", "phonenumbers:valid",
                                        0.8))
            # lenient where the number is written internationally (+49 …, 0049 …)
            for x in PhoneNumberMatcher(part, regions[0], leniency=Leniency.POSSIBLE):
                raw = x.raw_string.lstrip("( ")
                before = text[:lo + x.start].rstrip(" (")
                if (raw.startswith(("+", "00")) and sum(c.isdigit() for c in raw) >= 8
                        and not before[-1:].isdigit()):
                    out.append(Span(lo + x.start, lo + x.end, "PHONE",
                                    "phonenumbers:international", 0.7))
        # lenient right after a phone cue
        for end in cue_ends:
            window = text[end: end + 60]
            gap = re.match(r"[ \t:.\-–()/#]*(?:[A-Za-zº°.]{1,8}[ \t:.\-–()/#]+){0,2}", window)
            limit = gap.end() if gap else 0
            if not window[limit:limit + 2].lstrip("+(").startswith(tuple("0123456789")):
                continue
            best: tuple[int, int, str] | None = None
            for r in regions:
                for x in PhoneNumberMatcher(window, r, leniency=Leniency.POSSIBLE):
                    if x.start <= limit + 1:
                        best = (x.start, x.end, "phonenumbers:context")
                    break
                if best:
                    break
            # or a phone-like digit run right after the cue, if longer
            x = _PHONE_RUN_RE.match(window, limit)
            if (x and sum(c.isdigit() for c in x.group()) >= 7
                    and (best is None or x.end() - x.start() > best[1] - best[0])):
                best = (x.start(), _strip_trailing(window, x.start(), x.end()), "phone_cue")
            if best:
                out.append(Span(end + best[0], end + best[1], "PHONE", best[2], 0.7))
        return out

    def _addresses(self, text: str, scanned: list[Span]) -> list[Span]:
        """Street addresses, extended over a following postcode and city; postcode lines."""
        if not _ANY_DIGIT_RE.search(text):
            return []
        found = [(s.start, s.end) for s in scanned]
        for x in _ADDRESS_NUMBER_FIRST_RE.finditer(text):
            if not _YEAR_RE.match(x.group()):
                found.append(x.span())
        low = None
        for x in _STREET_SUFFIX_RE.finditer(text if text.islower() else
                                            (low := low or text.lower())):
            start = x.start()
            while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
                start -= 1
            if start == x.start():  # the suffix is a word: "Berliner Straße 12", "Am Weg 3"
                if text[start:x.end()].lower() not in _STREET_SUFFIX_WORDS:
                    continue
                prev = re.search(rf"[{_UP}][{_L}-]+[ \t]+$", text[max(0, start - 40):start])
                if not prev or not text[start].isupper():
                    continue
                start -= len(prev.group())
            elif not text[start].isupper() or x.start() - start < 2:
                continue
            h = _HOUSE_RE.match(text, x.end())
            if h and not _YEAR_RE.match(h.group().strip()):
                found.append((start, h.end()))
        out = []
        for s, e in found:
            tail = _POSTCODE_TAIL_RE.match(text, e)
            if tail:
                e = tail.end()
            out.append(Span(s, _strip_trailing(text, s, e), "ADDRESS", "address", 0.7))
        for x in _POSTCODE_LINE_RE.finditer(text):
            s, e = x.span("pc")
            if not _YEAR_RE.fullmatch(text[s:e].split()[0]):
                out.append(Span(s, e, "ADDRESS", "postcode_line", 0.6))
        return out

    def _contact_lines(self, text: str, spans: list[Span]) -> list[Span]:
        """A name alone on a line (or segment) next to an e-mail, phone or address."""
        anchors = [s for s in spans if s.type in ("EMAIL", "PHONE", "ADDRESS")]
        if not anchors:
            return []
        cue_starts = {s.start for s in spans if s.type == "PERSON"}
        out, seen = [], set()
        for a in anchors:
            # up to three lines before the anchor, and the anchor's own line
            lo = a.start
            for _ in range(4):
                lo = text.rfind("\n", 0, max(lo - 1, 0))
                if lo < 0:
                    lo = 0
                    break
            hi = text.find("\n", a.end)
            hi = len(text) if hi < 0 else hi
            for seg in re.finditer(r"[^\n,;|]+", text[lo:hi]):
                seg_s, seg_e = lo + seg.start(), lo + seg.end()
                if (seg_s, seg_e) in seen or (seg_s >= a.start and seg_e <= a.end):
                    continue
                seen.add((seg_s, seg_e))
                x = self._name_line_re.fullmatch(text, seg_s, seg_e)
                if not x or _famous(x.group("name")):
                    continue
                if self._has_name_cue(text[seg_s:seg_e]):
                    continue  # "Chamo-me João Silva": the cue rule has it
                cut = _trim_name(text, *x.span("name"), min_tokens=2, first_known=True)
                if (cut and cut[1] - cut[0] == len(x.group("name").rstrip(". "))
                        and cut[0] not in cue_starts):
                    out.append(Span(*cut, "PERSON", "contact_block", 0.6))
        return out


    def _has_name_cue(self, segment: str) -> bool:
        if self._cue_re is None:
            return False
        return any(self._cue_kinds.get(_norm_cue(h.group("cue")), set()) & _NAME_KINDS
                   for h in self._cue_re.finditer(segment.lower()))


_INDEFINITE = frozenset("a an ein eine einer einem eines un une una uno um uma een".split())
_NAME_KINDS = frozenset({"strong", "weak", "relation", "closing", "contact"})


@dataclass(frozen=True, slots=True)
class _Cut:
    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


_SAINT_RE = re.compile(r"(?:\bSt\.?|Saint|Sankt|San|Santa|São|Sainte)[ \t]+$")
_CUE_SCORES = {"strong": 0.85, "weak": 0.6, "relation": 0.7, "closing": 0.8, "contact": 0.8}


def _norm_cue(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _not_phone(raw: str) -> bool:
    """Dates, act numbers ("2019/1020") and page ranges ("3145-3153") are no phones."""
    m = _NOT_PHONE_RE.match(raw)
    if not m:
        return False
    if m.group("a"):  # a range: same width, increasing
        a, b = m.group("a"), m.group("b")
        return len(a) == len(b) and int(b) > int(a)
    return True


def _in_url(text: str, start: int, end: int) -> bool:
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    token = text[lo:hi].lower()
    return "://" in token or "www." in token or (start > 0 and text[start - 1] in "/=?&#")


def _ends_with_year(house: str) -> bool:
    m = re.search(r"(\d+)\D*$", house)
    return bool(m and _YEAR_RE.fullmatch(m.group(1)))


def _line_start(text: str, pos: int) -> bool:
    """A contact cue counts at the start of a line, a list item or a sentence."""
    before = text[max(0, pos - 80):pos].rstrip(" \t")
    if not before:
        return True
    return before[-1] in "\n;|(" or (before[-1] in ".!?" and pos > 0 and text[pos - 1] in " \t")


def _names_something(phrase: str) -> bool:
    """True if a phrase holds a capitalised word that is not a common or institutional word."""
    stop = _stop_words()
    return any(w.lower() not in stop and w.lower() not in _NOT_NAME
               for w in re.findall(rf"[{_UP}][{_L}'’&-]+", phrase))


def _trim_org_tail(text: str, start: int, end: int) -> int:
    """Drop trailing connectors and common words ("… in Lyon and I") from a phrase."""
    stop = _stop_words()
    end = _strip_trailing(text, start, end)
    while end > start:
        m = re.search(r"(\S+)$", text[start:end])
        if not m or (m.group(1).lower() not in stop and m.group(1).lower() not in _NOT_NAME):
            break
        end = _strip_trailing(text, start, start + m.start(1))
    return end


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,.;:":
        end -= 1
    return end


_FAMOUS = frozenset(
    "jean monnet|marie curie|marie skłodowska-curie|marie sklodowska-curie|robert schuman|"
    "altiero spinelli|ursula von der leyen|mariya gabriel|nicolas schmit|margrethe vestager|"
    "thierry breton|charles michel|emmanuel macron|angela merkel|olaf scholz|leonardo da vinci|"
    "maria montessori|alan turing|jacques delors|simone veil|david sassoli|roberta metsola".split(
        "|"))


def _famous(name: str) -> bool:
    low = " ".join(name.lower().split())
    return any(low.startswith(f) or (f.startswith(low) and " " in low) for f in _FAMOUS)


@lru_cache(maxsize=4096)
def _names_regex(names: tuple[str, ...]) -> re.Pattern | None:
    """One regex for exact names, case-insensitive, on word boundaries (longest first)."""
    parts = []
    for n in names:
        if not isinstance(n, str):
            continue
        words = n.split()
        if not words or len("".join(words)) < 2:
            continue
        parts.append(r"[ \t]+".join(re.escape(w) for w in words))
    if not parts:
        return None
    parts.sort(key=lambda p: (-len(p), p))
    return re.compile(rf"(?<![{_L}\d])(?:{'|'.join(parts)})(?![{_L}\d])", re.IGNORECASE)


def _find_names(text: str, rx: re.Pattern | None, method: str) -> list[Span]:
    if rx is None:
        return []
    stop = _stop_words()
    out = []
    for x in rx.finditer(text):
        word = x.group()
        if word.islower() and word in stop:  # "will", "may" written as ordinary words
            continue
        out.append(Span(x.start(), x.end(), "PERSON", method, 0.95))
    return out


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge overlapping ones.

    The merged span covers the union. Its type: never PERSON when another type takes part (so
    that a policy keeping names never keeps an e-mail that a name rule also touched), else the
    type of the longer part (ties: EMAIL > PHONE > ID > ADDRESS). Its method is the parts'
    methods joined by ``+``, its score the highest.
    """
    spans = sorted(spans, key=lambda s: (s.start, -s.end, _TYPE_PRIORITY[s.type], s.method))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            prev = out[-1]
            kind = _merged_type(prev, s)
            methods = prev.method.split("+")
            if s.method not in methods:
                methods.append(s.method)
            out[-1] = Span(prev.start, max(prev.end, s.end), kind, "+".join(methods),
                           max(prev.score, s.score))
        else:
            out.append(s)
    return out


def _merged_type(a: Span, b: Span) -> str:
    if a.type == b.type:
        return a.type
    if "PERSON" in (a.type, b.type):  # a policy that keeps names must not keep the rest
        return b.type if a.type == "PERSON" else a.type
    la, lb = a.end - a.start, b.end - b.start
    if la != lb:
        return a.type if la > lb else b.type
    return min(a.type, b.type, key=_TYPE_PRIORITY.__getitem__)


def apply_spans(text: str, spans: Sequence[Span]) -> str:
    """Replace non-overlapping, sorted spans by ``[TYPE]`` placeholders."""
    parts, pos = [], 0
    for s in spans:
        parts.append(text[pos:s.start])
        parts.append(f"[{s.type}]")
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


# -- stage ----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _default_redactor() -> Redactor:
    """One shared default Redactor per process (its compiled rules are read-only)."""
    return Redactor()


def _applies(policy: str, publication: object, span: Span) -> bool:
    if policy == "all":
        return True
    anonymous = not isinstance(publication, str) or publication != "public"
    if anonymous or span.type != "PERSON":
        return True
    if policy == "anonymous_all":
        return False
    # public_own_name: a public respondent's own name stays, other persons are redacted
    return "own_name" not in span.method.split("+")


def redact_answers(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    languages: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
    policy: str = "anonymous_all",
    redactor: Redactor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Replace personal data in free-text answers (and documents) by typed placeholders.

    Parameters
    ----------
    answers, questions, responses : ingest tables; free-text answers are those whose question
        ``kind`` is ``free_text``.
    languages : the ``languages`` table; else each text uses the declared language.
    documents : attached documents to redact too (their spans use question_id
        ``document:<document_id>``).
    policy : ``anonymous_all`` (default: every type for anonymous respondents; for those who
        chose publication with personal information e-mails, phones, addresses and ids but not
        names), ``public_own_name`` (as before, but for public respondents only their own
        name stays: names of other persons are redacted), ``all`` (everything, everyone).
    redactor : a configured :class:`Redactor` (default: all types and layers).
    progress : called with ``(done, total)`` over the distinct texts.

    Returns
    -------
    dict with

    ``redacted_answers``
        response_id, question_id, text (with placeholders), n_redactions (spans replaced),
        types (placeholder types used), publication.
    ``redactions``
        response_id, question_id, start, end, type, method, score, applied (spans into the
        original text; no personal text is stored).
    ``redacted_documents``
        document_id, response_id, text, n_redactions.
    """
    _validate_choice("policy", policy, POLICIES)
    if redactor is None:
        redactor = _default_redactor()
    elif not isinstance(redactor, Redactor):
        raise ParameterError(
            f"The 'redactor' parameter must be a Redactor or None. Got "
            f"{type(redactor).__name__} instead")
    if progress is not None and not callable(progress):
        raise ParameterError("The 'progress' parameter must be a callable or None. Got "
                             f"{type(progress).__name__} instead")
    sch.require(answers, "answers", ["response_id", "question_id", "value"],
                stage="redact_answers")
    sch.require(questions, "questions", ["question_id", "kind"], stage="redact_answers")
    sch.require(responses, "responses", ["response_id"], stage="redact_answers")
    if languages is not None:
        sch.require(languages, "languages", ["response_id", "question_id", "language"],
                    stage="redact_answers")
    if documents is not None:
        sch.require(documents, "documents", ["document_id", "response_id", "text"],
                    stage="redact_answers")

    free = set(questions.loc[questions["kind"].astype("string") == "free_text", "question_id"]
               .astype(str))
    ans = answers.loc[answers["question_id"].astype(str).isin(free),
                      ["response_id", "question_id", "value"]]
    ans = ans[ans["value"].notna()]
    items = pd.DataFrame({"response_id": ans["response_id"].astype(str).to_numpy(),
                          "question_id": ans["question_id"].astype(str).to_numpy(),
                          "text": ans["value"].astype(str).to_numpy()})
    n_answers = len(items)
    if documents is not None and len(documents):
        docs = documents[documents["text"].notna()]
        items = pd.concat([items, pd.DataFrame({
            "response_id": docs["response_id"].astype(str).to_numpy(),
            "question_id": ("document:" + docs["document_id"].astype(str)).to_numpy(),
            "text": docs["text"].astype(str).to_numpy()})], ignore_index=True)

    # respondent attributes: publication, country, own names, declared language
    resp = responses.drop_duplicates("response_id").set_index(
        responses.drop_duplicates("response_id")["response_id"].astype(str))

    def col(name: str) -> pd.Series:
        if name in resp.columns:
            return resp[name].reindex(items["response_id"]).reset_index(drop=True)
        return pd.Series([None] * len(items), dtype=object)

    publication = col("publication").astype(object).where(col("publication").notna(), None)
    region = col("country").astype(object).where(col("country").notna(), None)
    lang = col("language").astype(object).where(col("language").notna(), None)
    if languages is not None and len(languages):
        det = languages.drop_duplicates(["response_id", "question_id"]).set_index(
            [languages.drop_duplicates(["response_id", "question_id"])["response_id"]
             .astype(str),
             languages.drop_duplicates(["response_id", "question_id"])["question_id"]
             .astype(str)])["language"]
        key = pd.MultiIndex.from_arrays([items["response_id"], items["question_id"]])
        detected = det.reindex(key).reset_index(drop=True)
        lang = detected.astype(object).where(detected.notna(), lang)
    firsts, lasts = col("first_name"), col("surname")
    own: list[tuple[str, ...]] = []
    for f, s in zip(firsts, lasts, strict=True):
        parts = [str(v).strip() for v in (f, s) if isinstance(v, str) and str(v).strip()]
        own.append(tuple(sorted(set(parts + ([" ".join(parts)] if len(parts) == 2 else [])))))

    # distinct (text, language, region) triples are analysed once
    keys = list(zip(items["text"], lang, region, strict=True))
    uniq = list(dict.fromkeys(keys))
    total = len(uniq)
    found: dict[tuple, list[Span]] = {}
    for i, k in enumerate(uniq):
        found[k] = redactor._raw_spans(k[0], k[1], k[2])
        if progress is not None and (i % 100 == 0 or i + 1 == total):
            progress(i + 1, total)
    log.info("redaction: %d texts (%d distinct), policy %s", len(items), total, policy)

    red_rows, span_rows = [], []
    rids, qids, texts = (items[c].tolist() for c in ("response_id", "question_id", "text"))
    pubs = publication.tolist()
    for i in range(len(items)):
        text, rid, qid = texts[i], rids[i], qids[i]
        spans = list(found[keys[i]])
        if own[i]:
            spans += _find_names(text, _names_regex(own[i]), "own_name")
        spans = merge_spans(redactor._finalise(text, spans))
        pub = pubs[i]
        applied = [_applies(policy, pub, s) for s in spans]
        kept = [s for s, a in zip(spans, applied, strict=True) if a]
        red_rows.append((rid, qid, apply_spans(text, kept), len(kept),
                         sorted({s.type for s in kept}), pub))
        for s, a in zip(spans, applied, strict=True):
            span_rows.append((rid, qid, s.start, s.end, s.type, s.method, s.score, a))

    red = pd.DataFrame(red_rows, columns=["response_id", "question_id", "text", "n_redactions",
                                          "types", "publication"])
    spans_df = pd.DataFrame(span_rows, columns=["response_id", "question_id", "start", "end",
                                                "type", "method", "score", "applied"])
    redacted_answers = sch.conform(red.iloc[:n_answers].reset_index(drop=True),
                                   "redacted_answers")
    doc_part = red.iloc[n_answers:].reset_index(drop=True)
    redacted_documents = pd.DataFrame({
        "document_id": doc_part["question_id"].str.removeprefix("document:").astype("string"),
        "response_id": doc_part["response_id"].astype("string"),
        "text": doc_part["text"].astype("string"),
        "n_redactions": doc_part["n_redactions"].astype("Int64"),
    })
    return {
        "redacted_answers": redacted_answers,
        "redactions": sch.conform(spans_df, "redactions"),
        "redacted_documents": redacted_documents,
    }
