"""Polish sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Krótkie kursy da się pogodzić z pracą na pełen etat, kilkuletnich studiów już nie.
D2+ D6+ :: Możliwość uczenia się małymi krokami i późniejszego łączenia efektów bardzo obniża próg wejścia.
R7+ P10+ :: Ludzie nie wiedzą, które szkolenie jest warte ich czasu; potrzebne jest niezależne doradztwo oparte na rzetelnych danych z rynku pracy.
D8+ :: {Mikropoświadczenia|Mikrokwalifikacje} pozwalają szybko reagować na nowe potrzeby w zakresie umiejętności, zwłaszcza w transformacji cyfrowej i ekologicznej.
D8~ [we union] :: Krótkie formy kształcenia są przydatne, pod warunkiem że nie zastąpią pełnych kwalifikacji.
P08+ :: W centrum musi być osoba ucząca się: elastyczne godziny, zajęcia online i treści dopasowane do tego, co już umie.
R8+ [I] :: Zrobiłabym dużo więcej kursów, gdyby były bezpłatne albo chociaż dofinansowane.
P06+ :: Dopóki pracodawcy nie uznają takich zaświadczeń, wiele osób nie zobaczy sensu w dalszej nauce.
 :: Wielu dorosłych ma złe wspomnienia ze szkoły.
 :: Największą barierą jest brak czasu: praca, dojazdy, opieka nad dziećmi.
 :: Na wsi dostęp do szybkiego internetu wciąż jest problemem.
 :: Osoby o najniższych kwalifikacjach najrzadziej uczestniczą w szkoleniach.

## definition
D1+ :: Słusznie akcent położono na efekty uczenia się, a nie na liczbę godzin spędzonych na sali.
D1~ :: Efekty uczenia się są w porządku, o ile zostaną opisane w sposób zrozumiały dla pracodawców.
D2~ :: Należałoby doprecyzować, co oznacza „krótkie” doświadczenie edukacyjne, bo każdy dostawca zinterpretuje to inaczej.
D3+ :: Ocena według przejrzystych kryteriów decyduje o wiarygodności mikropoświadczenia.
D4+ D5+ [I] :: Zaświadczenie musi należeć do mnie i muszę móc je pokazać każdemu pracodawcy, w każdym kraju.
D6+ :: Brakuje informacji, że mikropoświadczenia mogą być samodzielne albo łączone w większe kwalifikacje.
D7+ P01+ :: Zapewnianie jakości powinno być częścią definicji.
D7~ :: Wzmianka o zapewnianiu jakości tak, ale pod warunkiem, że nie zamknie to drogi podmiotom spoza uczelni.
D8- :: Definicja nie musi wymieniać celów; to tylko otworzy niekończącą się dyskusję.
 :: Angielski termin trudno przetłumaczyć na polski.
 :: Nie jest jasne, czym mikropoświadczenie różni się od kwalifikacji rynkowej w ZSK.

## elements
S01~ :: Identyfikacja osoby uczącej się jest potrzebna, o ile ogranicza się do niezbędnego minimum danych osobowych.
S06+ :: Efekty uczenia się to najważniejszy element i trzeba je opisać prostym językiem.
S07+ :: Nakład pracy powinien być wyrażony w punktach ECTS wszędzie tam, gdzie to możliwe.
S08~ :: Poziom PRK/ERK warto podawać, ale tylko jeśli jest nadawany w ramach krajowego systemu, a nie deklarowany przez dostawcę.
S09+ :: Trzeba podać formę oceny: egzamin nadzorowany to nie to samo co test online.
S13- :: Weryfikacja tożsamości podczas egzaminów online budzi poważne wątpliwości co do ochrony danych.
S04+ S05+ :: Instytucja wydająca i data wydania to oczywiste minimum.
 :: Lista elementów jest długa; prostszy zestaw podstawowy byłby łatwiejszy do wdrożenia.

## qa
D7+ P01+ :: Mikropoświadczenia muszą podlegać takiemu samemu wewnętrznemu i zewnętrznemu zapewnianiu jakości jak inne programy.
D7~ :: Zapewnianie jakości tak, ale proporcjonalne: dwudniowy kurs nie może przechodzić tej samej procedury co studia magisterskie.
R1+ :: Wspólne europejskie standardy jakości i przejrzystości to najważniejsze działanie z całego planu.
R1~ :: Europejskie standardy są mile widziane, o ile pozostaną dobrowolne i będą szanować kompetencje krajowe.
R1- [we pub] :: Edukacja należy do kompetencji państw członkowskich; standardy powinny być ustalane na poziomie krajowym.
P04+ :: Ocena musi być rzetelna i wiarygodna, inaczej cały system straci zaufanie.
P09+ :: Każde zaświadczenie powinno być odporne na fałszerstwa i możliwe do sprawdzenia online.
 :: Agencje jakości powinny być zaangażowane od samego początku.
 :: W Polsce mamy już doświadczenia Zintegrowanego Systemu Kwalifikacji.

## recognition
P06+ :: Mikropoświadczenia powinny być uznawane zarówno przy dalszej nauce, jak i przez pracodawców.
R5+ :: Procedury uznawania trwają zbyt długo; potrzebne są wytyczne, które je przyspieszą.
R2+ :: Włączenie do krajowej ramy kwalifikacji nadałoby im realną wagę.
R2~ :: Włączenie do Zintegrowanego Systemu Kwalifikacji ma sens tylko wtedy, gdy będzie otwarte także dla kształcenia pozaformalnego.
P06~ [we hei] :: Jesteśmy gotowi uznawać mikropoświadczenia innych uczelni, pod warunkiem że podlegają zapewnianiu jakości zgodnemu z ESG.
 :: Pracodawców interesują umiejętności, a nie papiery.

## portability
D4+ :: Zaświadczenie musi pozostać własnością osoby uczącej się, nawet jeśli dostawca zniknie z rynku.
R6+ :: Europass i jego cyfrowe poświadczenia to naturalna infrastruktura; nie trzeba tworzyć niczego nowego.
R6~ :: Europass tak, ale pod warunkiem, że będzie współpracował z krajowymi rozwiązaniami, np. z aplikacją mObywatel.
D5+ P07+ :: Trzeba móc przechowywać zaświadczenia w formie cyfrowej i udostępniać je za granicą.
 :: Wielu małych dostawców nie stać na infrastrukturę do wydawania cyfrowych poświadczeń.

## credits
S07+ R4+ :: ECTS powinien być stosowany we wszystkich sektorach, bo to jedyna wspólna „waluta”, jaką mamy.
R4- :: ECTS stworzono dla szkolnictwa wyższego i tam powinien pozostać.
S08+ R2+ :: Powiązanie z ERK poprzez krajowe ramy kwalifikacji zapewniłoby porównywalność w całej Europie.
S07~ :: Punkty ECTS należy podawać tam, gdzie to możliwe, ale nie powinny być obowiązkowe.
 :: Punkty ECTS mogą u nas przyznawać tylko uczelnie.

## providers
R3+ :: Lista zaufanych dostawców dałaby pewność zarówno uczącym się, jak i pracodawcom.
R3~ :: Taka lista jest do przyjęcia tylko wtedy, gdy będzie otwarta dla wszystkich dostawców spełniających kryteria jakości, również prywatnych.
R3- :: Nie widzimy potrzeby tworzenia listy zaufanych dostawców; liczy się jakość konkretnego poświadczenia.
 :: Kto miałby prowadzić taką listę i według jakich kryteriów?

## funding
R8+ :: Erasmus+ i EFS+ powinny finansować rozwój mikropoświadczeń, zwłaszcza w mniejszych instytucjach.
R8~ :: Środki unijne są mile widziane, pod warunkiem że nie trafią wyłącznie do uczelni.
R8- :: Nie widzimy tu roli dla unijnych dotacji; finansować powinien rynek.
 :: Baza Usług Rozwojowych pokazała, że dofinansowanie działa, ale też jak łatwo o nadużycia.

## general
R1+ :: Europejskie podejście jest potrzebne i długo wyczekiwane.
R1- :: Obawiamy się, że inicjatywa przyniesie więcej biurokracji niż korzyści.
P03+ :: Mikropoświadczenia trzeba projektować razem z pracodawcami, żeby były przydatne.
P08+ :: W centrum powinna być osoba ucząca się.
P10+ :: Lepsza informacja i doradztwo dla uczących się są niezbędne.
 :: Dziękujemy za możliwość udziału w konsultacjach.
 :: Mikropoświadczenia powinny uzupełniać dyplomy, a nie je zastępować.
"""

OPENERS = {
    "I": ["Z mojego doświadczenia:", "Odpowiadam jako osoba dorosła, która wróciła do nauki.", "Krótko:"],
    "we": ["<ORG> dziękuje za możliwość zabrania głosu.", "Z perspektywy <ORG>:"],
}
CLOSERS = {"I": ["Dziękuję.", "Pozdrawiam."], "we": ["Pozostajemy do dyspozycji.", "Z poważaniem."]}
CONNECTIVES = ["Ponadto ", "Co więcej, ", "Wreszcie ", "W praktyce "]
SHORT = ["Tak.", "Nie.", "Zgadzam się.", "Brak zdania.", "Nie mam nic do dodania.", "Jak wyżej."]
SEE_ATTACHED = ["Patrz załącznik.", "Szczegółowe stanowisko w załączonym dokumencie."]
OFFTOPIC = ["Ankieta jest za długa i zbyt techniczna.", "Dlaczego nie można zapisać odpowiedzi i wrócić później?"]
BARRIER_OTHER = ["Brak opieki nad dziećmi", "Utrata dochodu w czasie szkolenia", "Dojazdy do miasta"]
PROVIDER_OTHER = ["Biblioteki", "Organizacje pozarządowe", "Cechy rzemieślnicze"]

BARRIER_OTHER_MORE = [" – zwłaszcza dla samotnych rodziców", " na wsi", ", o czym nikt nie mówi"]
PROVIDER_OTHER_MORE = [" – mają duże doświadczenie w pracy z dorosłymi", " w mniejszych miejscowościach"]

PD_TEMPLATES = [
    "Nazywam się {PERSON} i pracuję {w szpitalu|w szkole|w biurze rachunkowym}.",
    "Z poważaniem,\n{PERSON}",
    "Kontakt: {EMAIL}, tel. {PHONE}.",
    "Mój adres: {ADDRESS}.",
    "Pracuję jako {ROLE}.",
    "Mój PESEL to {ID}.",
]

PAPER = {
    "title": ["Stanowisko <ORG> w sprawie mikropoświadczeń",
              "Uwagi do konsultacji publicznych dotyczących europejskiego podejścia do mikropoświadczeń"],
    "date": "{city}, {day} {month} 2021 r.",
    "months": ["kwietnia", "maja", "czerwca", "lipca"],
    "about_heading": "O nas",
    "about": {
        "hei": ["<ORG> jest publiczną uczelnią kształcącą około {n} studentów i rozwijającą ofertę kształcenia ustawicznego."],
        "emp": ["<ORG> jest przedsiębiorstwem z branży {sector}, które co roku szkoli około {n} pracowników.",
                "<ORG> zrzesza {n} firm z branży {sector}."],
        "union": ["<ORG> jest związkiem zawodowym zrzeszającym około {n} pracowników branży {sector}."],
        "pub": ["<ORG> jest instytucją publiczną odpowiedzialną za kształcenie zawodowe i edukację dorosłych w regionie."],
        "ngo": ["<ORG> jest organizacją pozarządową działającą na rzecz dostępu dorosłych do edukacji."],
        "other": ["<ORG> jest siecią ośrodków kształcenia zawodowego."],
        "cit": ["Dokument przedstawia opinię osoby prywatnej."],
    },
    "about_extra": ["Uczestniczymy w kilku projektach Erasmus+ dotyczących uznawania kompetencji."],
    "intro": ["<ORG> z zadowoleniem przyjmuje inicjatywę Komisji i przedstawia poniższe uwagi."],
    "headings": {"barriers": "Dostęp do uczenia się przez całe życie", "definition": "Proponowana definicja",
                 "elements": "Elementy standardowe", "qa": "Zapewnianie jakości", "recognition": "Uznawanie",
                 "portability": "Przenoszalność i Europass", "credits": "ECTS i ramy kwalifikacji",
                 "providers": "Zaufani dostawcy", "funding": "Finansowanie", "general": "Pozostałe uwagi"},
    "summary_heading": "Podsumowanie",
    "conclusion": ["<ORG> pozostaje do dyspozycji Komisji w dalszych pracach."],
    "contact": "Kontakt: {email}",
    "sectors": ["IT", "przemysłu", "ochrony zdrowia", "budownictwa", "logistyki"],
    "lead_ins": [],
}
