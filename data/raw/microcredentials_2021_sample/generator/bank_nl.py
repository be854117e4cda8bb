"""Dutch sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Korte modules zijn veel beter te combineren met een volle baan dan een complete opleiding.
D2+ D6+ :: Als je in kleine stappen kunt leren en die later kunt stapelen, is de drempel om te beginnen een stuk lager.
R7+ P10+ :: Mensen weten niet welke cursus de moeite waard is; onafhankelijk loopbaanadvies op basis van actuele arbeidsmarktinformatie zou echt helpen.
D8+ :: Microcredentials kunnen snel inspelen op nieuwe vaardigheden die nodig zijn, bijvoorbeeld voor de energietransitie en digitalisering.
D8~ [we union] :: Korte trainingen zijn nuttig, mits ze geen vervanging worden voor volwaardige diploma's.
P08+ :: De lerende moet centraal staan: flexibele tijden, online aanbod en inhoud die aansluit op wat iemand al kan.
R8+ [I] :: Ik had al lang meer cursussen gevolgd als ze gratis of gesubsidieerd waren.
R7+ :: Het gaat vooral om doorstroom tussen mbo, hbo en universiteit.
 :: Veel volwassenen hebben slechte herinneringen aan school.
 :: Tijd is het grootste probleem: werk, reizen, zorg voor kinderen of ouders.
 :: Laagopgeleiden doen het minst aan scholing, terwijl ze het het hardst nodig hebben.
 :: Met STAP-budget wordt in Nederland al geëxperimenteerd.

## definition
D1+ :: Terecht staat het aangetoonde leerresultaat centraal en niet het aantal contacturen.
D2~ :: Wat „kort” betekent, moet concreter, anders legt elke aanbieder het anders uit.
D3+ :: Toetsing aan transparante standaarden maakt een microcredential geloofwaardig.
D3~ :: Transparante toetsing prima, zolang ook toetsing op de werkplek en erkenning van eerder verworven competenties mogelijk blijven.
D4+ D5+ [I] :: Het certificaat moet van mij zijn en ik moet het aan elke werkgever kunnen laten zien, in elk land.
D6+ :: Er ontbreekt dat microcredentials op zichzelf kunnen staan of gestapeld kunnen worden tot grotere kwalificaties.
D7+ P01+ :: Kwaliteitszorg hoort in de definitie thuis.
D8+ :: De definitie zou het doel moeten noemen: inspelen op maatschappelijke, persoonlijke, culturele en arbeidsmarktbehoeften.
 :: De Engelse term is lastig te vertalen.
 :: Het verschil met een certificaat in het mbo is niet duidelijk.

## elements
S06+ :: De leerresultaten zijn de kern en moeten in begrijpelijke taal beschreven worden.
S07+ :: De studielast moet waar mogelijk in EC worden uitgedrukt.
S08~ :: Een NLQF/EQF-niveau is nuttig, op voorwaarde dat het via het nationale kader wordt toegekend.
S13- :: Identiteitscontrole bij online toetsen roept grote privacyvragen op.
S14- :: Wij zijn tegen cijfers op microcredentials; behaald/niet behaald is genoeg.
S04+ S05+ :: De uitgevende instelling en de datum van uitgifte zijn vanzelfsprekend.
 :: De lijst met elementen is lang; een kleinere kern is makkelijker in te voeren.

## qa
D7+ P01+ :: Microcredentials moeten onder dezelfde interne en externe kwaliteitszorg vallen als andere opleidingen.
P01~ [we hei] :: Kwaliteitszorg moet via de bestaande instellingstoets lopen; een aparte accreditatie per module wijzen we af.
R1+ :: Gemeenschappelijke Europese standaarden voor kwaliteit en transparantie zijn het belangrijkste onderdeel van de routekaart.
R1~ :: Europese standaarden zijn welkom, mits ze vrijwillig blijven.
P04+ :: Toetsing moet valide en betrouwbaar zijn, anders verliest het hele systeem zijn geloofwaardigheid.
P09+ :: Elk certificaat moet fraudebestendig en online verifieerbaar zijn.
 :: De NVAO zou vanaf het begin betrokken moeten worden.

## recognition
P06+ :: Microcredentials moeten erkend worden voor verder leren én door werkgevers.
R5+ :: Erkenningsprocedures duren veel te lang; richtlijnen voor snellere erkenning zijn hard nodig.
R2~ :: Opname in het NLQF is alleen zinvol als ook niet-formeel en privaat aanbod in aanmerking komt.
P06~ [we hei] :: Wij erkennen microcredentials van andere instellingen, op voorwaarde dat ze onder kwaliteitszorg volgens de ESG vallen.
 :: Werkgevers kijken naar vaardigheden, niet naar papiertjes.

## portability
D4+ :: Het certificaat moet van de lerende blijven, ook als de aanbieder ophoudt te bestaan.
R6+ :: Europass Digital Credentials zijn de logische infrastructuur; er hoeft niets nieuws gebouwd te worden.
R6- :: De Europese studentenkaart is voor volwassenenonderwijs niet relevant.
D5+ P07+ :: Lerenden moeten hun certificaten digitaal kunnen bewaren en over de grens kunnen delen.
 :: Edubadges worden in Nederland al op verschillende instellingen gebruikt.

## credits
S07+ R4+ :: EC's zouden in alle sectoren gebruikt moeten worden; het is de enige gemeenschappelijke munt die we hebben.
R4- :: ECTS is bedoeld voor het hoger onderwijs en moet daar blijven.
S08+ R2+ :: Koppeling aan het EQF via de nationale kaders maakt microcredentials in heel Europa vergelijkbaar.
 :: In Nederland mogen alleen geaccrediteerde instellingen EC's toekennen.

## providers
R3+ :: Een lijst van betrouwbare aanbieders zou lerenden en werkgevers houvast geven.
R3~ :: Zo'n lijst is alleen aanvaardbaar als alle aanbieders die aan de kwaliteitseisen voldoen erop kunnen, ook private.
R3- :: Wij zien geen noodzaak voor een lijst van betrouwbare aanbieders; het gaat om de kwaliteit van het certificaat zelf.
 :: Wie houdt die lijst bij, en hoe vaak?

## funding
R8+ :: Erasmus+ en ESF+ moeten de ontwikkeling van microcredentials ondersteunen, vooral bij kleinere instellingen.
R8~ :: Europees geld is welkom, mits het niet alleen naar het hoger onderwijs gaat.
R8- :: Wij zien geen rol voor Europese subsidies; de markt moet dit betalen.
 :: De administratieve lasten van EU-projecten schrikken kleine organisaties af.

## general
R1+ :: Een Europese aanpak is welkom en hard nodig.
R1- :: Wij vrezen dat het initiatief meer bureaucratie dan waarde oplevert.
P03+ :: Microcredentials moeten samen met werkgevers ontwikkeld worden om relevant te blijven.
P08+ :: Zet de lerende centraal.
P05+ :: Microcredentials moeten leerroutes openen en niet op een doodlopend spoor eindigen.
 :: Dank voor de mogelijkheid om te reageren.
"""

OPENERS = {
    "I": ["Vanuit mijn eigen ervaring:", "Kort samengevat:"],
    "we": ["<ORG> dankt de Commissie voor de mogelijkheid om te reageren.", "Vanuit het perspectief van <ORG>:"],
}
CLOSERS = {"I": ["Dank u.", "Succes ermee."], "we": ["Wij zijn graag bereid tot nader overleg.", "Met vriendelijke groet."]}
CONNECTIVES = []  # Dutch word order (V2) does not allow simple prefixing
SHORT = ["Ja.", "Nee.", "Eens.", "Geen mening.", "Niets toe te voegen.", "Zie boven."]
SEE_ATTACHED = ["Zie bijlage.", "Zie ons bijgevoegde position paper."]
OFFTOPIC = ["De vragenlijst is veel te lang.", "Waarom kan ik mijn antwoorden niet tussentijds opslaan?"]
BARRIER_OTHER = ["Gebrek aan kinderopvang", "Inkomensverlies tijdens de opleiding", "Reistijd"]
PROVIDER_OTHER = ["Bibliotheken", "O&O-fondsen", "Brancheorganisaties"]

BARRIER_OTHER_MORE = [" – vooral voor alleenstaande ouders", " op het platteland", ", waar niemand het over heeft"]
PROVIDER_OTHER_MORE = [" – zij hebben veel ervaring met volwassenen", " in kleinere gemeenten"]

PD_TEMPLATES = [
    "Mijn naam is {PERSON} en ik werk als {verpleegkundige|docent|boekhouder}.",
    "Met vriendelijke groet,\n{PERSON}",
    "U kunt mij bereiken via {EMAIL} of {PHONE}.",
    "Mijn adres: {ADDRESS}.",
    "Ik ben {ROLE}.",
]

PAPER = {
    "title": ["Position paper van <ORG> over microcredentials",
              "Reactie van <ORG> op de openbare raadpleging over microcredentials"],
    "date": "{city}, {day} {month} 2021",
    "months": ["april", "mei", "juni", "juli"],
    "about_heading": "Over <ORG>",
    "about": {
        "hei": ["<ORG> is een bekostigde instelling voor hoger onderwijs met ongeveer {n} studenten en een groeiend aanbod voor volwassenen."],
        "emp": ["<ORG> is een bedrijf in de sector {sector} dat jaarlijks zo'n {n} medewerkers opleidt.",
                "<ORG> vertegenwoordigt {n} bedrijven in de sector {sector}."],
        "union": ["<ORG> is een vakbond met ongeveer {n} leden in de sector {sector}."],
        "pub": ["<ORG> is de publieke instantie die verantwoordelijk is voor beroepsonderwijs en volwasseneneducatie."],
        "ngo": ["<ORG> is een maatschappelijke organisatie die zich inzet voor de toegang van volwassenen tot onderwijs."],
        "other": ["<ORG> is een netwerk van opleidingsaanbieders."],
        "cit": ["Dit document geeft de mening weer van een particulier."],
    },
    "about_extra": ["Wij nemen deel aan verschillende Erasmus+-projecten over erkenning van vaardigheden."],
    "intro": ["<ORG> verwelkomt het initiatief van de Commissie en geeft graag zijn visie."],
    "headings": {"barriers": "Toegang tot leven lang ontwikkelen", "definition": "De voorgestelde definitie",
                 "elements": "Standaardelementen", "qa": "Kwaliteitszorg", "recognition": "Erkenning",
                 "portability": "Overdraagbaarheid en Europass", "credits": "ECTS en kwalificatiekaders",
                 "providers": "Betrouwbare aanbieders", "funding": "Financiering", "general": "Overige opmerkingen"},
    "summary_heading": "Samenvatting",
    "conclusion": ["<ORG> is graag bereid tot verder overleg met de Commissie."],
    "contact": "Contact: {email}",
    "sectors": ["ICT", "techniek", "zorg", "bouw", "logistiek"],
    "lead_ins": [],
}
