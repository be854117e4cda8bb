"""Invented people, places, organisations and personal-data values.

Every name, organisation, address, phone number, e-mail address and ID number here is
invented for the synthetic sample. E-mail domains use the reserved example.* names.
"""

import re
import unicodedata

LANG_NAME = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pl": "Polish", "nl": "Dutch", "pt": "Portuguese", "sv": "Swedish", "el": "Greek",
}

# declared language -> [(country, weight)]
COUNTRIES = {
    "en": [("Ireland", 22), ("Belgium", 26), ("Finland", 14), ("Denmark", 11), ("Czechia", 11), ("Romania", 14),
           ("Lithuania", 7), ("Estonia", 7), ("Latvia", 5), ("Croatia", 8), ("Slovenia", 7), ("Hungary", 10),
           ("Bulgaria", 8), ("Slovakia", 6), ("Malta", 6), ("Cyprus", 3), ("Germany", 9), ("Netherlands", 10),
           ("Austria", 4), ("Spain", 4), ("Italy", 4), ("France", 3), ("Greece", 4), ("Portugal", 3),
           ("Poland", 3), ("Luxembourg", 2), ("Sweden", 5)],
    "de": [("Germany", 70), ("Austria", 24), ("Luxembourg", 3), ("Belgium", 3)],
    "fr": [("France", 64), ("Belgium", 30), ("Luxembourg", 6)],
    "es": [("Spain", 100)],
    "it": [("Italy", 100)],
    "pl": [("Poland", 100)],
    "nl": [("Netherlands", 65), ("Belgium", 35)],
    "pt": [("Portugal", 100)],
    "sv": [("Sweden", 80), ("Finland", 20)],
    "el": [("Greece", 75), ("Cyprus", 25)],
}
NON_EU_COUNTRIES = [("United Kingdom", 4), ("Norway", 2), ("Switzerland", 2), ("Serbia", 1), ("Ukraine", 1),
                    ("Turkey", 1), ("United States", 1), ("North Macedonia", 1)]

FIRST = {
    "en": ["Aoife", "Ciaran", "Maria", "Tomas", "Elena", "Mihai", "Katarina", "Jonas", "Laura", "Peter", "Ioana",
           "Mark", "Sinead", "Andrej", "Eva", "Nikos", "Sara", "Daniel", "Ruta", "Matej", "Hanna", "Liam", "Zsofia"],
    "de": ["Anna", "Lukas", "Katrin", "Jürgen", "Sabine", "Felix", "Monika", "Tobias", "Ursula", "Stefan", "Lea", "Florian"],
    "fr": ["Camille", "Julien", "Sophie", "Mathieu", "Isabelle", "Nicolas", "Élodie", "Thierry", "Chloé", "Olivier"],
    "es": ["Lucía", "Javier", "Carmen", "Alejandro", "Marta", "Pablo", "Elena", "Sergio", "Nuria", "Raúl"],
    "it": ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Paola", "Davide", "Silvia", "Matteo"],
    "pl": ["Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Krzysztof", "Agnieszka", "Paweł", "Joanna", "Marcin"],
    "nl": ["Sanne", "Daan", "Eline", "Bram", "Femke", "Joost", "Lotte", "Pieter", "Marieke", "Thijs"],
    "pt": ["Ana", "João", "Inês", "Tiago", "Beatriz", "Rui", "Catarina", "Miguel", "Sofia", "Nuno"],
    "sv": ["Karin", "Erik", "Maja", "Anders", "Linnea", "Johan"],
    "el": ["Eleni", "Giorgos", "Maria", "Dimitris", "Katerina", "Nikos"],
}
SURNAMES = {
    "en": ["Byrne", "Novak", "Popescu", "Horvath", "Virtanen", "Jensen", "Dvořák", "Kask", "Kovač", "Petrov", "Borg",
           "Murphy", "Nagy", "Ozola", "Svoboda", "Walsh", "Kowalski", "Georgiou", "Lindholm", "Balogh", "Ionescu"],
    "de": ["Müller", "Schneider", "Weber", "Hofmann", "Becker", "Wagner", "Huber", "Schuster", "Krämer", "Brandt", "Lehner"],
    "fr": ["Martin", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Renard", "Peeters", "Lambert", "Fontaine"],
    "es": ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Ortega", "Castillo", "Molina"],
    "it": ["Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Conti"],
    "pl": ["Nowak", "Wiśniewska", "Kowalczyk", "Zieliński", "Wójcik", "Kamińska", "Lewandowski", "Dąbrowska", "Mazur", "Krawczyk"],
    "nl": ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Mulder", "de Boer", "van den Berg", "Hendriks"],
    "pt": ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Gonçalves"],
    "sv": ["Andersson", "Lindqvist", "Berg", "Nyström", "Holm", "Sandberg"],
    "el": ["Papadopoulou", "Nikolaou", "Georgiou", "Konstantinou", "Vlachou", "Dimitriou"],
}

PLACES = {
    "en": ["Valmora", "Eastmere", "Kelbridge", "Orvasto", "Lindqvar", "Maresund", "Teradon", "Pellaro", "Vintara",
           "Costavel", "Silverford", "Aldmoor", "Brennick", "Corlan", "Ashvale", "Northmarsh", "Redhollow",
           "Glenmarra", "Stoneharbour", "Westcliffe", "Holmbrook", "Larkspur", "Fennick", "Tavistrand", "Oakmere",
           "Drumvale", "Kirnova", "Baltavia", "Sorvik", "Medvena", "Rastelo", "Danubia Nova", "Carpathia West"],
    "de": ["Eichenstadt", "Rheinhagen", "Waldbrück", "Hohenmoor", "Brunnhausen", "Neuwaldau", "Kirchsee", "Sonnwiesen",
           "Talbach", "Birkenfelde", "Lindenhain", "Moosach-Süd"],
    "fr": ["Valbourg", "Clairfont", "Bellerive-sur-Orne", "Saint-Aubin-des-Prés", "Vauzelles", "Beaulac", "Montvallon", "Haute-Combe"],
    "es": ["Valdemora", "Sierra Alta", "Puerto Claro", "Monteluz", "Campoalto", "Riberalta", "Villaserena"],
    "it": ["Valdoro", "Montefiore Alto", "Borgo San Liberto", "Castelverde", "Pianoro Basso", "Rivalta Nuova"],
    "pl": ["Brzozów Wielki", "Nowodwór", "Lipowiec", "Dąbrowa Górna", "Zielonka Stara"],
    "nl": ["Westerhaven", "Zandvoorde", "Dijkerveen", "Oosterbroek", "Hoogmeer"],
    "pt": ["Vale do Sol", "Ribeira Alta", "Monte Claro", "Vila Serena"],
    "sv": ["Norrvik", "Åsbacka", "Sjöhamn"],
    "el": ["Kalithea Nea", "Ano Petra"],
}
BRANDS = ["Nortava", "Quillbright", "Veltrix", "Brightforge", "Keystride", "Lumenfield", "Arcwell", "Tesselate",
          "Openstep", "Corvano", "Mirelle", "Stratalink", "Halvorsen & Pike", "Orbisco", "Delmare", "Skyloom",
          "Fernhill", "Kobaltia", "Vireon", "Paxwell", "Trelis", "Solvana", "Granitec", "Novellis", "Baumfeld",
          "Ostraline", "Cedarpoint", "Zentrik", "Marquell", "Auralis", "Teknova", "Bluequay"]
SECTORS_EN = ["Metal and Electrical", "ICT", "Construction", "Logistics", "Hospitality", "Healthcare", "Energy",
              "Retail", "Chemical", "Food and Drink", "Automotive", "Textile"]

ORG_TEMPLATES = {
    "en": {
        "Academic/Research Institution": ["University of {P}", "{P} University of Applied Sciences", "{P} Institute of Technology",
                                          "{P} Business School", "Centre for Lifelong Learning, University of {P}", "{P} Polytechnic",
                                          "Institute for Skills Research {P}", "{P} College of Further Education",
                                          "{P} Open University", "School of Education, {P} University", "{P} Technical University"],
        "Company/Business organisation": ["{B} Learning Solutions", "{B} Digital Academy", "{B} Systems", "{B} Engineering",
                                          "{B} Consulting", "{B} Logistics", "{B} Health Services", "{B} Software",
                                          "{B} Training Group", "{B} EdTech"],
        "Business Association": ["{P} Chamber of Commerce and Industry", "Association of {S} Employers", "Federation of {S} Industries",
                                 "{S} Employers Forum", "Small Business Alliance {P}", "European {S} Training Platform",
                                 "{P} Chamber of Crafts"],
        "Trade Union": ["{P} Teachers' Union", "General Workers' Union of {P}", "{S} Workers' Federation",
                        "Union of Education Staff {P}", "{P} Nurses' Union"],
        "Public authority": ["Regional Education Authority of {P}", "{P} County Council", "Public Employment Service of {P}",
                             "Municipality of {P}", "{P} Qualifications Agency", "Regional Development Agency {P}",
                             "{P} Department for Skills and Lifelong Learning"],
        "NGO (Non-governmental organisation)": ["{P} Adult Education Network", "Learning for All {P}", "European Network for Inclusive Learning",
                                                "Youth Skills Alliance {P}", "{P} Volunteer Centre", "Digital Inclusion Foundation {P}",
                                                "Second Chance Education Association", "Open Learning Europe", "{P} Migrant Education Forum",
                                                "European Association for Non-formal Education", "Women in Tech {P}"],
        "Other": ["{P} Vocational Training Centre", "Agency for Quality in Continuing Education {P}",
                  "Network of Continuing Education Providers {P}", "{P} Regional Skills Council", "{P} Public Library Consortium",
                  "Association of Adult Education Centres of {P}", "{P} Guidance Centre", "European Learning Innovation Hub"],
        "Consumer Organisation": ["{P} Consumer Council", "Learners' Consumer Association {P}"],
        "Environmental Organisation": ["Green Skills Coalition {P}", "{P} Climate Education Network"],
    },
    "de": {
        "Academic/Research Institution": ["Hochschule {P}", "Universität {P}", "Technische Hochschule {P}",
                                          "Institut für Weiterbildungsforschung {P}", "Fachhochschule {P}", "Pädagogische Hochschule {P}"],
        "Company/Business organisation": ["{B} GmbH", "{B} Bildungswerk GmbH", "{B} AG", "{B} Technik GmbH"],
        "Business Association": ["Industrie- und Handelskammer {P}", "Handwerkskammer {P}", "Arbeitgeberverband Metall {P}",
                                 "Wirtschaftsverband Digitales {P}"],
        "Trade Union": ["Gewerkschaft Bildung {P}", "Bezirksverband {P} der Dienstleistungsgewerkschaft"],
        "Public authority": ["Landesamt für Weiterbildung {P}", "Stadt {P}", "Bezirksregierung {P}", "Arbeitsagentur {P}"],
        "NGO (Non-governmental organisation)": ["Bildung für alle {P} e.V.", "Netzwerk Weiterbildung {P} e.V.",
                                                "Verein für Grundbildung {P}", "Jugendbildungswerk {P} e.V."],
        "Other": ["Volkshochschule {P}", "Weiterbildungsverbund {P}", "Agentur für Qualitätssicherung {P}",
                  "Berufsbildungszentrum {P}"],
        "Consumer Organisation": ["Verbraucherverband {P}"],
        "Environmental Organisation": ["Bildungsnetzwerk Klima {P} e.V."],
    },
    "fr": {
        "Academic/Research Institution": ["Université de {P}", "Institut universitaire de {P}", "École supérieure de commerce de {P}",
                                          "Haute École de {P}", "Conservatoire des métiers de {P}"],
        "Company/Business organisation": ["{B} SAS", "{B} Formation", "{B} Conseil SARL"],
        "Business Association": ["Chambre de commerce et d'industrie de {P}", "Fédération des entreprises de {P}",
                                 "Chambre des métiers de {P}"],
        "Trade Union": ["Syndicat général de l'éducation de {P}", "Union syndicale des salariés de {P}"],
        "Public authority": ["Région {P}", "Ville de {P}", "Agence régionale pour la formation de {P}"],
        "NGO (Non-governmental organisation)": ["Association Apprendre Ensemble {P}", "Réseau Éducation pour Tous {P}",
                                                "Ligue pour la formation des adultes de {P}"],
        "Other": ["Centre de formation professionnelle de {P}", "Réseau des organismes de formation de {P}",
                  "Maison de l'emploi de {P}"],
        "Consumer Organisation": ["Union des consommateurs de {P}"],
        "Environmental Organisation": ["Collectif Éducation Climat {P}"],
    },
    "es": {
        "Academic/Research Institution": ["Universidad de {P}", "Universidad Politécnica de {P}", "Instituto de Investigación Educativa de {P}"],
        "Company/Business organisation": ["{B} S.L.", "{B} Formación S.A."],
        "Business Association": ["Cámara de Comercio de {P}", "Confederación de Empresarios de {P}"],
        "Trade Union": ["Federación de Enseñanza de {P}", "Sindicato de Trabajadores de {P}"],
        "Public authority": ["Consejería de Educación de {P}", "Ayuntamiento de {P}", "Servicio Regional de Empleo de {P}"],
        "NGO (Non-governmental organisation)": ["Fundación Aprender Juntos", "Asociación Educación de Adultos de {P}"],
        "Other": ["Centro Integrado de Formación Profesional de {P}", "Red de Centros de FP de {P}"],
        "Consumer Organisation": ["Asociación de Consumidores de {P}"],
        "Environmental Organisation": ["Red de Educación Ambiental de {P}"],
    },
    "it": {
        "Academic/Research Institution": ["Università degli Studi di {P}", "Politecnico di {P}", "Istituto di Ricerca sulla Formazione di {P}"],
        "Company/Business organisation": ["{B} S.r.l.", "{B} Formazione S.p.A."],
        "Business Association": ["Camera di Commercio di {P}", "Associazione Industriali di {P}"],
        "Trade Union": ["Sindacato Scuola di {P}", "Federazione Lavoratori della Conoscenza di {P}"],
        "Public authority": ["Regione {P}", "Comune di {P}", "Agenzia Regionale per il Lavoro di {P}"],
        "NGO (Non-governmental organisation)": ["Associazione Imparare Insieme {P}", "Rete per l'Educazione degli Adulti di {P}"],
        "Other": ["Centro di Formazione Professionale di {P}", "Consorzio Formazione {P}"],
        "Consumer Organisation": ["Unione Consumatori di {P}"],
        "Environmental Organisation": ["Rete Educazione Ambientale {P}"],
    },
    "pl": {
        "Academic/Research Institution": ["Uniwersytet Nowodworski", "Akademia Nauk Stosowanych w Lipowcu", "Politechnika Brzozowska",
                                          "Instytut Badań Edukacyjnych Lipowiec", "Wyższa Szkoła Zawodowa w Nowodworze"],
        "Company/Business organisation": ["{B} Sp. z o.o.", "{B} Polska S.A."],
        "Business Association": ["Izba Gospodarcza Regionu Nowodworskiego", "Związek Pracodawców Branży IT"],
        "Trade Union": ["Związek Nauczycielstwa Regionu Lipowieckiego"],
        "Public authority": ["Urząd Marszałkowski Województwa Lipowieckiego", "Wojewódzki Urząd Pracy w Nowodworze", "Urząd Miasta Brzozów Wielki"],
        "NGO (Non-governmental organisation)": ["Fundacja Edukacja dla Wszystkich", "Stowarzyszenie Uczących się Dorosłych"],
        "Other": ["Centrum Kształcenia Zawodowego w Lipowcu", "Sieć Ośrodków Szkoleniowych"],
        "Consumer Organisation": ["Stowarzyszenie Konsumentów Lipowiec"],
        "Environmental Organisation": ["Fundacja Zielone Kompetencje"],
    },
    "nl": {
        "Academic/Research Institution": ["Hogeschool {P}", "Universiteit {P}", "Kenniscentrum Leven Lang Ontwikkelen {P}"],
        "Company/Business organisation": ["{B} B.V.", "{B} Opleidingen B.V."],
        "Business Association": ["Werkgeversvereniging {P}", "Brancheorganisatie Techniek {P}"],
        "Trade Union": ["Onderwijsbond {P}"],
        "Public authority": ["Gemeente {P}", "Provincie {P}"],
        "NGO (Non-governmental organisation)": ["Stichting Leren voor Iedereen", "Stichting Tweede Kans {P}"],
        "Other": ["ROC {P}", "Opleidingsfonds {P}"],
        "Consumer Organisation": ["Consumentenplatform {P}"],
        "Environmental Organisation": ["Stichting Groene Vaardigheden {P}"],
    },
    "pt": {
        "Academic/Research Institution": ["Universidade de {P}", "Escola Superior de Tecnologia de {P}"],
        "Company/Business organisation": ["{B}, Lda.", "{B} Formação, S.A."],
        "Business Association": ["Associação Empresarial de {P}", "Confederação dos Industriais de {P}"],
        "Trade Union": ["Federação dos Professores de {P}"],
        "Public authority": ["Câmara Municipal de {P}", "Agência Regional para a Qualificação de {P}"],
        "NGO (Non-governmental organisation)": ["Associação Aprender Sempre", "Rede Educação para Todos {P}"],
        "Other": ["Escola Profissional de {P}", "Rede de Centros Qualifica de {P}"],
        "Consumer Organisation": ["Associação de Consumidores de {P}"],
        "Environmental Organisation": ["Associação Educação Verde {P}"],
    },
    "sv": {
        "Academic/Research Institution": ["Högskolan i {P}"],
        "Other": ["Folkhögskolan {P}"],
        "Public authority": ["Region {P}"],
        "NGO (Non-governmental organisation)": ["Studieförbundet {P}"],
    },
    "el": {
        "Academic/Research Institution": ["Panepistimio {P}"],
        "Public authority": ["Dimos {P}"],
    },
}

STREETS = {
    "de": ["Hauptstraße", "Lindenweg", "Bahnhofstraße", "Goethestraße", "Am Markt", "Schulstraße"],
    "at": ["Mariahilfer Gasse", "Lindengasse", "Hauptplatz"],
    "fr": ["rue des Lilas", "rue Victor-Hugo", "avenue de la République", "rue du Moulin"],
    "be": ["Rue de la Loi", "Avenue Louise", "Kerkstraat", "Rue du Midi"],
    "es": ["Calle Mayor", "Calle del Carmen", "Avenida de la Constitución", "Calle Real"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Italia", "Via dei Mille"],
    "pl": ["ul. Lipowa", "ul. Marszałkowska", "ul. Słoneczna", "ul. Kościuszki"],
    "nl": ["Keizersgracht", "Dorpsstraat", "Kerkweg", "Stationsplein"],
    "pt": ["Rua Augusta", "Rua da Liberdade", "Avenida da República", "Rua do Comércio"],
    "en": ["Church Road", "Main Street", "Station Road", "Mill Lane", "Harbour View"],
}
CITIES = {
    "de": [("10115", "Berlin"), ("80331", "München"), ("50667", "Köln"), ("04109", "Leipzig"), ("34117", "Kassel")],
    "at": [("1010", "Wien"), ("8010", "Graz"), ("4020", "Linz")],
    "fr": [("69003", "Lyon"), ("31000", "Toulouse"), ("44000", "Nantes"), ("59000", "Lille")],
    "be": [("1049", "Bruxelles"), ("1050", "Ixelles"), ("4000", "Liège"), ("9000", "Gent")],
    "es": [("28013", "Madrid"), ("41001", "Sevilla"), ("46001", "Valencia"), ("50001", "Zaragoza")],
    "it": [("00184", "Roma"), ("20121", "Milano"), ("40121", "Bologna"), ("80138", "Napoli")],
    "pl": [("00-001", "Warszawa"), ("30-001", "Kraków"), ("20-001", "Lublin"), ("50-001", "Wrocław")],
    "nl": [("1015 CX", "Amsterdam"), ("3511 AA", "Utrecht"), ("9711 AB", "Groningen")],
    "pt": [("1100-053", "Lisboa"), ("4000-322", "Porto"), ("3000-150", "Coimbra")],
    "en": [("D04 X2Y1", "Dublin"), ("VLT 1110", "Valletta"), ("T12 AB34", "Cork")],
}

PAPER_CITIES = {
    "en": ["Brussels", "Dublin", "Helsinki", "Prague", "Bucharest", "Valletta", "Ljubljana", "Tallinn"],
    "de": ["Berlin", "Wien", "Bonn", "Köln"], "fr": ["Paris", "Bruxelles", "Lyon"], "es": ["Madrid", "Sevilla"],
    "it": ["Roma", "Milano"], "pl": ["Warszawa", "Kraków"], "nl": ["Utrecht", "Den Haag"], "pt": ["Lisboa", "Porto"],
}

ROLES = {
    "en": ["the head of HR at {B} in {C}", "the training coordinator at {B} Logistics in {C}",
           "the only career guidance counsellor at the {C} employment office", "the deputy principal of St Brigid's Community School in {C}"],
    "de": ["verantwortlich für die Personalentwicklung bei {B} in {C}", "in der Ausbildungsleitung der Stadtwerke {C}"],
    "fr": ["responsable formation chez {B} à {C}", "à la tête du centre social de {C}"],
    "es": ["responsable de formación en {B} ({C})", "del equipo de orientación del instituto de {C}"],
    "it": ["responsabile della formazione presso {B} di {C}", "dirigente dell'istituto tecnico di {C}"],
    "pl": ["kierownik działu szkoleń w firmie {B}", "dyrektor Szkoły Podstawowej nr 3 w Lipowcu"],
    "nl": ["hoofd opleidingen bij {B} in {C}", "teamleider bij het ROC in {C}"],
}


def ascii_slug(s, sep="_"):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^A-Za-z0-9]+", sep, s).strip(sep)
    return s


def acronym(name):
    words = [w for w in re.split(r"[\s\-/,]+", name) if w]
    caps = [w for w in words if w[0].isupper() and w.lower() not in {"of", "de", "di", "der", "des", "la", "le"}]
    acr = ascii_slug("".join(w[0] for w in caps), "")
    if len(caps) >= 3 and acr.upper() not in {"WTO", "WHO", "EUA", "ETF", "ILO", "OECD", "ENQA", "EQAR", "ETUC", "EAEA"}:
        return acr
    return ascii_slug(name)


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def phone(rng, country):
    d = lambda n: digits(rng, n)  # noqa: E731
    formats = {
        "Germany": [lambda: f"+49 30 {d(7)}", lambda: f"0171 {d(7)}", lambda: f"+49 (0)89 {d(3)} {d(4)}"],
        "Austria": [lambda: f"+43 1 {d(7)}", lambda: f"0664 {d(7)}"],
        "France": [lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}"],
        "Belgium": [lambda: f"+32 2 {d(3)} {d(2)} {d(2)}", lambda: f"0475 {d(2)} {d(2)} {d(2)}"],
        "Spain": [lambda: f"+34 6{d(2)} {d(3)} {d(3)}", lambda: f"91 {d(3)} {d(2)} {d(2)}"],
        "Italy": [lambda: f"+39 06 {d(4)} {d(4)}", lambda: f"347 {d(3)} {d(4)}"],
        "Poland": [lambda: f"+48 60{d(1)} {d(3)} {d(3)}", lambda: f"22 {d(3)} {d(2)} {d(2)}"],
        "Netherlands": [lambda: f"+31 20 {d(3)} {d(4)}", lambda: f"06-{d(8)}"],
        "Portugal": [lambda: f"+351 91{d(1)} {d(3)} {d(3)}", lambda: f"21 {d(3)} {d(4)}"],
        "Ireland": [lambda: f"+353 87 {d(3)} {d(4)}", lambda: f"(01) {d(3)} {d(4)}"],
    }
    opts = formats.get(country, [lambda: f"+{rng.choice(['40', '36', '420', '372', '385'])} {d(3)} {d(3)} {d(3)}"])
    return rng.choice(opts)()


def address(rng, lang, country):
    key = {"Austria": "at", "Belgium": "be"}.get(country, lang)
    if key not in STREETS:
        key = "en"
    street = rng.choice(STREETS[key])
    pc, city = rng.choice(CITIES[key])
    n = rng.randint(1, 220)
    if key == "fr":
        return f"{n} {street}, {pc} {city}"
    if key == "en":
        return f"{n} {street}, {city} {pc}"
    if key == "pt":
        return f"{street}, {n}, {pc} {city}"
    return f"{street} {n}, {pc} {city}"


def id_number(rng, lang):
    d = lambda n: digits(rng, n)  # noqa: E731
    if lang == "pl":
        return d(11)
    if lang == "es":
        return d(8) + rng.choice("TRWAGMYFPDXBNJZSQVHLCKE")
    if lang == "pt":
        return d(9)
    if lang == "de":
        return d(7)
    if lang == "fr":
        return d(8)
    return f"{rng.randint(2012, 2020)}-{d(5)}"


def email(rng, first, last):
    f = ascii_slug(first, "").lower()
    s = ascii_slug(last, "").lower()
    pattern = rng.choice(["{f}.{s}", "{f}{s}", "{f0}.{s}", "{f}_{s}{n}", "{s}.{f}"])
    local = pattern.format(f=f, s=s, f0=f[:1], n=rng.randint(1, 99))
    return f"{local}@{rng.choice(['example.com', 'example.org', 'example.net', 'mail.example'])}"
