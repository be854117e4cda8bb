"""Swedish sentence bank, small (format: see bank_en.py). Many Swedish-declared respondents write in English."""

SENTENCES = r"""
## barriers
D2+ :: Korta kurser går att kombinera med ett heltidsjobb, det gör inte en hel utbildning.
R8+ [I] :: Jag hade läst fler kurser om de varit avgiftsfria.
P10+ :: Vuxna behöver bättre studie- och yrkesvägledning.
 :: Tiden är det största hindret för de flesta.
## definition
D1+ :: Det är rätt att utgå från läranderesultat och inte från antal timmar.
D6+ :: Det saknas att mikromeriter ska kunna kombineras till större examina.
 :: Begreppet är svårt att översätta till svenska.
## qa
D7+ P01+ :: Mikromeriter måste omfattas av samma kvalitetssäkring som andra utbildningar.
R1~ :: Europeiska standarder är bra, så länge de är frivilliga.
## recognition
P06+ :: Mikromeriter bör kunna tillgodoräknas i högre utbildning och erkännas av arbetsgivare.
## portability
R6+ :: Europass är den naturliga lösningen för att lagra och dela intyg.
## credits
S07+ R4+ :: Högskolepoäng eller ECTS bör anges där det är möjligt, även utanför högskolan.
R4- :: ECTS hör hemma i högskolan och bör inte utvidgas till yrkesutbildning.
## providers
R3- :: Vi ser inget behov av en lista över betrodda anordnare.
## funding
R8~ :: EU-stöd är välkommet, förutsatt att det även når folkbildningen.
## general
P08+ :: Den som lär sig måste stå i centrum.
 :: Tack för möjligheten att svara.
"""

OPENERS = {"I": ["Kort sagt:"], "we": ["<ORG> tackar för möjligheten att lämna synpunkter."]}
CLOSERS = {"I": ["Tack."], "we": ["Med vänliga hälsningar."]}
CONNECTIVES = []
SHORT = ["Ja.", "Nej.", "Håller med.", "Ingen åsikt."]
SEE_ATTACHED = ["Se bifogat dokument."]
OFFTOPIC = ["Enkäten är alldeles för lång."]
BARRIER_OTHER = ["Brist på barnomsorg"]
PROVIDER_OTHER = ["Folkhögskolor och studieförbund"]
PD_TEMPLATES = ["Jag heter {PERSON}.", "Med vänlig hälsning,\n{PERSON}"]
PAPER = None
