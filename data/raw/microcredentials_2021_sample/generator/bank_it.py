"""Italian sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: I percorsi brevi si conciliano molto meglio con un lavoro a tempo pieno rispetto a una laurea intera.
D2+ D6+ :: Poter imparare a piccoli passi e poi sommare i risultati abbassa di molto la soglia d'ingresso.
R7+ P10+ :: Le persone non sanno quale corso valga la pena; servirebbe un orientamento indipendente basato su dati reali del mercato del lavoro.
D8+ :: Le microcredenziali possono rispondere in fretta ai nuovi fabbisogni di competenze, soprattutto per la transizione verde e digitale.
D8~ [we union] :: La formazione breve è utile a condizione che non sostituisca le qualifiche complete e non diventi uno strumento di precarizzazione.
P08+ :: Bisogna mettere al centro chi impara: orari flessibili, formazione a distanza, contenuti che partano da ciò che la persona già sa.
R8+ [I] :: Avrei frequentato molti più corsi se fossero stati gratuiti o almeno finanziati.
P06+ :: Finché i datori di lavoro non riconoscono questi attestati, molti non vedranno il motivo di formarsi.
R7~ :: Usare i dati del mercato del lavoro per orientare va bene, purché non si riducano le scelte ai soli profili più richiesti.
 :: Molti adulti hanno un brutto ricordo della scuola.
 :: Il tempo è il problema principale: lavoro, figli, genitori anziani.
 :: Nel Mezzogiorno l'offerta formativa per adulti è ancora molto scarsa.
 :: Chi ha meno titoli di studio è anche chi partecipa meno alla formazione.

## definition
D1+ :: È giusto puntare sui risultati di apprendimento e non sulle ore di frequenza.
D1~ :: I risultati di apprendimento vanno bene, purché siano descritti in modo comprensibile anche per le imprese.
D2~ :: Bisognerebbe precisare cosa si intende per esperienza «breve», altrimenti ogni ente la interpreterà a modo suo.
D3+ :: La valutazione secondo criteri trasparenti è ciò che rende credibile una microcredenziale.
D4+ D5+ [I] :: L'attestato deve essere mio e devo poterlo mostrare a qualsiasi datore di lavoro, in qualsiasi Paese.
D6+ :: Manca il riferimento al fatto che le microcredenziali possono essere autonome o combinabili in titoli più ampi.
D7+ P01+ :: L'assicurazione della qualità dovrebbe far parte della definizione.
D7~ :: Citare l'assicurazione della qualità sì, ma senza che questo significhi riservare il rilascio alle sole università accreditate.
D8+ :: La definizione dovrebbe indicarne lo scopo: rispondere a bisogni sociali, personali, culturali e del mercato del lavoro.
D3- :: Pretendere sempre una valutazione formale è troppo rigido per l'apprendimento non formale.
 :: Il termine inglese è difficile da tradurre.
 :: Non è chiaro se l'apprendimento non formale sia incluso.

## elements
S01~ :: L'identificazione del discente è necessaria, a condizione che si limiti ai dati strettamente indispensabili.
S06+ :: I risultati di apprendimento sono il cuore dell'attestato e vanno descritti in un linguaggio chiaro.
S07+ :: Il carico di lavoro dovrebbe essere espresso in crediti ECTS ogni volta che è possibile.
S08~ :: Indicare il livello EQF è utile se avviene tramite il quadro nazionale e non per autodichiarazione dell'ente.
S09+ :: Deve essere indicato il tipo di valutazione: un esame sorvegliato non equivale a un quiz online.
S14- :: Siamo contrari a indicare un voto; basta «superato/non superato».
S04+ S05+ :: Ente che rilascia e data di rilascio sono ovviamente indispensabili.
 :: L'elenco degli elementi è lungo; un nucleo più semplice sarebbe più facile da applicare.

## qa
D7+ P01+ :: Le microcredenziali devono essere soggette alla stessa assicurazione della qualità, interna ed esterna, degli altri corsi.
P01~ [we hei] :: La qualità va garantita con le procedure già esistenti conformi agli ESG, a condizione che non si crei un sistema parallelo.
D7~ :: Assicurazione della qualità sì, ma proporzionata: un corso di due giorni non può seguire lo stesso iter di un master.
R1+ :: Standard europei comuni di qualità e trasparenza sono l'azione più importante della tabella di marcia.
R1~ :: Gli standard europei sono benvenuti purché restino volontari e rispettino le competenze nazionali.
R1- :: Non serve un ennesimo standard europeo; basta applicare gli strumenti esistenti.
P04+ :: Le valutazioni devono essere valide e affidabili, altrimenti l'intero sistema perde credibilità.
P09+ :: Ogni attestato deve essere non falsificabile e verificabile online.
 :: Le agenzie per la qualità dovrebbero essere coinvolte fin dall'inizio.

## recognition
P06+ :: Le microcredenziali dovrebbero essere riconosciute sia per proseguire gli studi sia nel lavoro.
P06~ [we hei] :: Siamo disposti a riconoscere microcredenziali di altri atenei, a condizione che siano soggette ad assicurazione della qualità secondo gli ESG.
R5+ :: Le procedure di riconoscimento sono lentissime; servono linee guida per accelerarle.
R2+ :: L'inserimento nel quadro nazionale delle qualificazioni darebbe loro un peso reale.
R2~ :: Inserirle nel quadro nazionale ha senso solo se il quadro è aperto anche all'offerta non formale e privata.
P06+ [we union] :: Le microcredenziali devono contare nella contrattazione collettiva e nell'inquadramento.
 :: Il riconoscimento dei crediti varia molto da ateneo ad ateneo.

## portability
D4+ :: L'attestato deve restare di proprietà del discente anche se l'ente chiude.
R6+ :: Europass e le sue credenziali digitali sono l'infrastruttura naturale; non serve inventare altro.
R6~ :: Europass va bene, a condizione che sia interoperabile con i portafogli digitali nazionali.
D5+ P07+ :: Deve essere possibile conservare gli attestati in formato digitale e condividerli oltre confine.
 :: Molti piccoli enti non hanno i mezzi tecnici per rilasciare credenziali digitali.

## credits
S07+ R4+ :: Gli ECTS dovrebbero essere usati in tutti i settori: sono l'unica moneta comune che abbiamo.
R4- :: Gli ECTS sono nati per l'università e lì dovrebbero restare.
S08+ R2+ :: Collegarle all'EQF tramite i quadri nazionali le renderebbe confrontabili in tutta Europa.
S07~ :: Gli ECTS andrebbero indicati quando possibile, senza però renderli obbligatori.
 :: In Italia solo le università possono rilasciare crediti.

## providers
R3+ :: Un elenco di enti affidabili darebbe sicurezza a discenti e imprese.
R3~ :: Un elenco del genere è accettabile solo se aperto a tutti gli enti che rispettano i criteri di qualità, anche privati.
R3- :: Non vediamo la necessità di un elenco di enti affidabili; conta la qualità della singola credenziale.
R3- [we hei] :: Le università sono già accreditate: un ulteriore elenco aggiungerebbe solo burocrazia.
 :: Chi gestirebbe l'elenco, e con quali criteri?

## funding
R8+ :: Erasmus+ e il FSE+ dovrebbero finanziare lo sviluppo delle microcredenziali, soprattutto nelle istituzioni più piccole.
R8~ :: I fondi europei sono benvenuti, purché non vadano solo all'università.
R8- :: Non vediamo un ruolo per i sussidi europei; deve essere il mercato a finanziare questa formazione.
 :: Il PNRR offre un'occasione importante.
 :: La burocrazia dei progetti europei scoraggia le piccole realtà.

## general
R1+ :: Un approccio europeo è benvenuto e atteso da tempo.
R1- :: Temiamo che l'iniziativa crei più burocrazia che valore.
P03+ :: Le microcredenziali vanno progettate insieme alle imprese per restare pertinenti.
P08+ :: Chi impara deve essere al centro.
P05+ :: Le microcredenziali devono aprire percorsi, non portare a vicoli ciechi.
 :: Grazie per l'opportunità di partecipare.
 :: Le microcredenziali devono integrare i titoli di studio, non sostituirli.
"""

OPENERS = {
    "I": ["Dalla mia esperienza personale:", "Rispondo come studente adulto.", "In breve:"],
    "we": ["<ORG> ringrazia per l'opportunità di contribuire.", "Dal punto di vista di <ORG>:"],
}
CLOSERS = {"I": ["Grazie.", "Buon lavoro."], "we": ["Restiamo a disposizione per ulteriori approfondimenti.", "Cordiali saluti."]}
CONNECTIVES = ["Inoltre, ", "D'altra parte, ", "Infine, ", "In pratica, "]
SHORT = ["Sì.", "No.", "D'accordo.", "Nessun commento.", "Niente da aggiungere.", "Vedi sopra."]
SEE_ATTACHED = ["Vedi documento allegato.", "Si veda il position paper allegato."]
OFFTOPIC = ["Il questionario è troppo lungo e tecnico.", "Perché non si possono salvare le risposte?"]
BARRIER_OTHER = ["Mancanza di servizi per l'infanzia", "Perdita di reddito durante la formazione", "Trasporti pubblici insufficienti"]
PROVIDER_OTHER = ["Biblioteche", "Enti del terzo settore", "Ordini professionali"]

BARRIER_OTHER_MORE = [" – soprattutto per le madri sole", " nei piccoli comuni", ", di cui nessuno parla"]
PROVIDER_OTHER_MORE = [" – hanno molta esperienza con gli adulti", " nelle aree interne"]

PD_TEMPLATES = [
    "Mi chiamo {PERSON} e lavoro {in un ospedale|in una scuola|in un ufficio}.",
    "Cordiali saluti,\n{PERSON}",
    "Potete contattarmi al {PHONE} o scrivere a {EMAIL}.",
    "Abito in {ADDRESS}.",
    "Sono {ROLE}.",
]

PAPER = {
    "title": ["Position paper di <ORG> sulle microcredenziali",
              "Contributo alla consultazione pubblica su un approccio europeo alle microcredenziali"],
    "date": "{city}, {day} {month} 2021",
    "months": ["aprile", "maggio", "giugno", "luglio"],
    "about_heading": "Chi siamo",
    "about": {
        "hei": ["<ORG> è un ateneo pubblico con circa {n} studenti e un'offerta crescente di formazione continua."],
        "emp": ["<ORG> è un'impresa del settore {sector} che forma ogni anno circa {n} dipendenti.",
                "<ORG> rappresenta {n} imprese del settore {sector}."],
        "union": ["<ORG> è un sindacato che rappresenta circa {n} lavoratori del settore {sector}."],
        "pub": ["<ORG> è l'ente pubblico competente per la formazione professionale e l'istruzione degli adulti."],
        "ngo": ["<ORG> è un'associazione senza scopo di lucro che promuove l'accesso degli adulti alla formazione."],
        "other": ["<ORG> è una rete di enti di formazione professionale."],
        "cit": ["Questo documento riflette l'opinione di una persona a titolo individuale."],
    },
    "about_extra": ["Partecipiamo a diversi progetti Erasmus+ sul riconoscimento delle competenze."],
    "intro": ["<ORG> accoglie con favore l'iniziativa della Commissione e desidera contribuire al dibattito."],
    "headings": {"barriers": "Accesso all'apprendimento permanente", "definition": "La definizione proposta",
                 "elements": "Elementi standard", "qa": "Assicurazione della qualità", "recognition": "Riconoscimento",
                 "portability": "Portabilità ed Europass", "credits": "ECTS e quadri delle qualificazioni",
                 "providers": "Enti affidabili", "funding": "Finanziamenti", "general": "Ulteriori osservazioni"},
    "summary_heading": "Sintesi",
    "conclusion": ["<ORG> resta a disposizione della Commissione per il prosieguo dei lavori."],
    "contact": "Contatti: {email}",
    "sectors": ["informatica", "manifattura", "sanità", "edilizia", "turismo"],
    "lead_ins": ["Per <ORG>, ", "A nostro avviso, "],
}
