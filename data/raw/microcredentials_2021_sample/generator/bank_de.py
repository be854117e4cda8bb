"""German sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Kurze Formate lassen sich neben Beruf und Familie {viel eher|deutlich leichter} unterbringen als ein komplettes Studium.
D2+ D6+ :: Wer in kleinen Schritten lernen und diese Schritte später zusammenführen kann, traut sich eher, überhaupt anzufangen.
R7+ P10+ :: Viele wissen schlicht nicht, welche Weiterbildung sich lohnt; eine unabhängige Beratung auf Basis aktueller Arbeitsmarktdaten wäre hier Gold wert.
R7- :: Von einer Steuerung über „Echtzeit-Arbeitsmarktdaten“ halten wir wenig – solche Prognosen sind oft schon veraltet, wenn der Kurs beginnt.
D8+ [we emp] :: Unsere Betriebe brauchen Beschäftigte, die sich innerhalb weniger Monate in neue Technologien einarbeiten; dafür sind passgenaue Kurzformate ideal.
D8~ [we union] :: Kurze Qualifizierungen sind sinnvoll, sofern sie keine vollwertige Berufsausbildung ersetzen und nicht zur Dequalifizierung führen.
R8+ [I] :: Ich hätte längst mehr Kurse gemacht, wenn sie nicht so teuer wären.
P08+ :: Die Lernenden müssen im Mittelpunkt stehen: flexible Zeiten, Online-Angebote und Inhalte, die an Vorwissen anknüpfen.
P05+ :: Kleine Einheiten erleichtern den Wiedereinstieg ins Lernen nach einer langen Pause.
P06+ :: Solange Arbeitgeber die Zertifikate nicht anerkennen, fehlt vielen schlicht die Motivation.
R7+ :: Entscheidend wäre mehr Durchlässigkeit zwischen beruflicher und akademischer Bildung.
 :: Viele Erwachsene haben schlechte Erinnerungen an Schule und Prüfungen.
 :: Das größte Hindernis ist die Zeit: Arbeit, Pendeln, Kinderbetreuung, Pflege von Angehörigen.
 :: In ländlichen Regionen fehlt es oft schon an einer stabilen Internetverbindung.
 :: Gerade Geringqualifizierte nehmen am seltensten an Weiterbildung teil.
 :: Bildungsurlaub gibt es nicht in allen Bundesländern, und viele trauen sich nicht, ihn zu beantragen.

## definition
D1+ :: Richtig ist, dass es um nachgewiesene Lernergebnisse geht und nicht um Anwesenheitszeiten.
D1~ :: Die Orientierung an Lernergebnissen begrüßen wir, allerdings nur, wenn diese auch für Arbeitgeber verständlich formuliert sind.
D2- [we hei] :: Die Beschränkung auf „kurze“ Lernerfahrungen greift zu kurz; viele unserer Zertifikatsprogramme laufen über zwei Semester.
D2~ :: Was „kurz“ bedeutet, muss präzisiert werden, sonst legt es jeder Anbieter anders aus.
D3+ :: Dass die Prüfung anhand transparenter Standards erfolgt, ist der Kern der Glaubwürdigkeit.
D3~ :: Transparente Bewertungsstandards ja – sofern auch Prüfungen am Arbeitsplatz und die Anerkennung informell erworbener Kompetenzen möglich bleiben.
D4+ D5+ [I] :: Das Zertifikat muss mir gehören, und ich muss es jedem Arbeitgeber zeigen können, egal in welchem Land.
D6+ :: Es fehlt der Hinweis, dass Microcredentials für sich stehen oder zu größeren Abschlüssen kombiniert werden können.
D6- [we hei] :: Die Kombinierbarkeit gehört nicht in die Definition; über die Anrechnung entscheidet die jeweilige Hochschule.
D7+ P01+ :: Qualitätssicherung muss Teil der Definition sein, sonst ist das Zertifikat wenig wert.
D7~ :: Qualitätssicherung ja, aber nicht in einer Form, die faktisch nur akkreditierten Hochschulen die Vergabe erlaubt.
D8+ :: Die Definition sollte auch den Zweck nennen: gesellschaftliche, persönliche, kulturelle und arbeitsmarktbezogene Bedarfe.
D8- :: Eine Aufzählung von Zwecken braucht die Definition nicht.
D1+ D3+ :: Nachweis von Lernergebnissen plus transparente Prüfung – mehr braucht die Definition im Kern nicht.
 :: Der englische Begriff lässt sich schwer übersetzen.
 :: Die Abgrenzung zu Teilqualifikationen bleibt unklar.
 :: Es ist nicht eindeutig, ob auch non-formales Lernen erfasst ist.

## elements
S01~ :: Die Identifikation der Lernenden ist notwendig, sofern nur die unbedingt erforderlichen personenbezogenen Daten erfasst werden.
S06+ :: Die Lernergebnisse sind das Herzstück und sollten in verständlicher Sprache beschrieben sein.
S07+ :: Der Arbeitsaufwand sollte nach Möglichkeit in ECTS-Punkten angegeben werden.
S07- [we emp] :: ECTS-Punkte für betriebliche Weiterbildung halten wir für nicht praktikabel; wir rechnen in Stunden und Kompetenzen.
S08~ :: Eine DQR/EQR-Niveauangabe ist sinnvoll, wenn sie über den nationalen Qualifikationsrahmen erfolgt und nicht durch die Anbieter selbst.
S09+ :: Die Art der Prüfung muss erkennbar sein – eine beaufsichtigte Klausur ist etwas anderes als ein Online-Quiz.
S13- :: Identitätsprüfungen bei Online-Prüfungen sehen wir aus Datenschutzgründen kritisch.
S14- :: Noten auf Microcredentials lehnen wir ab; bestanden/nicht bestanden genügt.
S15+ :: Angaben zur Anrechenbarkeit und Stapelbarkeit sollten direkt auf dem Zertifikat stehen.
S04+ S05+ :: Ausstellende Einrichtung und Ausstellungsdatum sind selbstverständlich Pflicht.
S10- :: Ob online oder in Präsenz gelernt wurde, spielt bei sauber geprüften Lernergebnissen keine Rolle.
 :: Die Liste der Elemente ist lang; ein schlanker Kern wäre leichter umzusetzen.
 :: Maschinenlesbare Daten würden den Nutzen deutlich erhöhen.

## qa
D7+ P01+ :: Microcredentials müssen derselben internen und externen Qualitätssicherung unterliegen wie andere Studienangebote.
P01~ [we hei] :: Die Qualitätssicherung sollte über die bestehende Systemakkreditierung laufen; einer Einzelakkreditierung jedes Kurses stimmen wir nicht zu.
D7~ :: Qualitätssicherung ja, aber verhältnismäßig – ein Zweitageskurs kann nicht dasselbe Verfahren durchlaufen wie ein Masterstudiengang.
D7- [we emp] :: Herstellerzertifikate haben eigene Qualitätsmechanismen und brauchen keine hochschulische Qualitätssicherung.
R1+ :: Gemeinsame europäische Standards für Qualität und Transparenz sind aus unserer Sicht der wichtigste Punkt des Fahrplans.
R1~ :: Europäische Standards begrüßen wir, sofern sie freiwillig bleiben und die Zuständigkeit der Mitgliedstaaten achten.
R1- [we pub] :: Bildung ist Sache der Mitgliedstaaten; Standards für Microcredentials sollten national festgelegt werden.
P04+ :: Die Prüfungen müssen valide und verlässlich sein, sonst verliert das ganze System an Glaubwürdigkeit.
P09+ :: Jedes Zertifikat muss fälschungssicher und online überprüfbar sein, etwa über ein elektronisches Siegel.
S11+ :: Auf dem Zertifikat sollte stehen, welches Qualitätssicherungsverfahren angewendet wurde.
 :: Die Kosten der Akkreditierung sind für kleine Anbieter ein echtes Problem.
 :: Bei non-formalen Anbietern gibt es bislang kaum geregelte Qualitätssicherung.

## recognition
P06+ :: Microcredentials sollten sowohl für das Weiterlernen als auch im Beruf anerkannt werden.
P06~ [we hei] :: Wir sind bereit, Microcredentials anderer Hochschulen anzurechnen, vorausgesetzt, sie sind nach den ESG qualitätsgesichert.
R5+ :: Anerkennungsverfahren dauern viel zu lange; Leitlinien für eine schnellere Anerkennung sind dringend nötig.
R5- :: Neue Anerkennungsleitlinien braucht es nicht, die bestehenden Verfahren reichen aus.
R2~ :: Eine Aufnahme in den DQR ist nur dann sinnvoll, wenn auch non-formale und private Angebote berücksichtigt werden.
R2- [we pub] :: Unser Qualifikationsrahmen ist für vollständige Qualifikationen konzipiert; eine Öffnung für Kurzformate ist nicht vorgesehen.
P06+ [we union] :: Microcredentials müssen in Tarifverträgen berücksichtigt werden und zu besserer Eingruppierung führen können.
D3+ P06+ :: Transparente Bewertungskriterien sind die Voraussetzung für jede Anerkennungsentscheidung.
 :: Arbeitgeber interessieren sich für Kompetenzen, nicht für Papier.
 :: Die Anrechnungspraxis an Hochschulen ist sehr unterschiedlich.

## portability
D4+ :: Das Zertifikat muss Eigentum der Lernenden bleiben, auch wenn der Anbieter nicht mehr existiert.
R6+ :: Europass Digital Credentials sind die naheliegende Infrastruktur; ein neues System braucht es nicht.
R6~ :: Europass ist gut, aber nur, wenn er mit nationalen Lösungen kompatibel ist.
R6- :: Der Europäische Studierendenausweis hat für Erwachsenenbildung und Berufsbildung keine Bedeutung.
P07~ :: Digitale Wallets sind in Ordnung, solange die Lernenden die volle Kontrolle über ihre Daten behalten.
D5+ P07+ :: Lernende müssen ihre Nachweise digital speichern und grenzüberschreitend teilen können.
 :: Viele kleine Anbieter können sich die technische Infrastruktur nicht leisten.
 :: Für ältere Lernende sind Papierzertifikate weiterhin wichtig.

## credits
S07+ R4+ :: ECTS sollte bereichsübergreifend genutzt werden; es ist die einzige gemeinsame Währung, die wir haben.
R4- :: ECTS wurde für die Hochschulbildung entwickelt und sollte dort bleiben.
R4~ :: Eine Ausweitung von ECTS auf andere Bereiche ist denkbar, wenn der Bezug zu Lernergebnissen gewahrt bleibt.
S08+ R2+ :: Eine Zuordnung zum EQR über die nationalen Rahmen würde Microcredentials europaweit vergleichbar machen.
S07~ :: ECTS sollte angegeben werden, wo es möglich ist, darf aber nicht verpflichtend sein.
D6+ S15+ :: Erst Leistungspunkte machen das Stapeln möglich.
 :: Leistungspunkte dürfen bei uns nur akkreditierte Hochschulen vergeben.
 :: ECVET hat sich in der Praxis nie durchgesetzt.

## providers
R3+ :: Eine Liste vertrauenswürdiger Anbieter würde Lernenden und Arbeitgebern Orientierung geben.
R3~ :: Eine solche Liste ist nur akzeptabel, wenn sie allen Anbietern offensteht, die die Qualitätskriterien erfüllen – auch privaten und non-formalen.
R3- :: Eine Liste vertrauenswürdiger Anbieter halten wir für überflüssig; entscheidend ist die Qualität des einzelnen Zertifikats.
R3- [we hei] :: Hochschulen sind bereits akkreditiert – eine zusätzliche Liste schafft nur Bürokratie.
R3~ [we pub] :: Falls eine Liste kommt, sollte sie auf bestehenden nationalen Registern aufbauen und von den Mitgliedstaaten gepflegt werden.
R3- [we emp] :: Anbieter, die nicht auf der Liste stehen, würden stigmatisiert, selbst wenn sie hervorragende Arbeit leisten.
P01+ :: Geprüft werden sollte die Qualität des Angebots, bei öffentlichen wie privaten Anbietern gleichermaßen.
 :: Wer soll die Liste führen, und wie oft wird sie aktualisiert?
 :: Was „vertrauenswürdig“ hier bedeuten soll, ist uns unklar.

## funding
R8+ :: Erasmus+ und der ESF+ sollten die Entwicklung von Microcredentials gezielt fördern, gerade an kleineren Einrichtungen.
R8+ :: Die Förderung sollte bei den Lernenden ankommen, zum Beispiel über individuelle Lernkonten.
R8~ :: EU-Mittel sind willkommen, dürfen aber nicht nur an Hochschulen fließen; Berufs- und Erwachsenenbildung brauchen sie dringender.
R8- :: Die Finanzierung sollte der Markt übernehmen; eine Rolle für EU-Subventionen sehen wir nicht.
R8+ [we union] :: Öffentliche Förderung muss mit einem Rechtsanspruch auf bezahlte Bildungsfreistellung verbunden werden.
R7+ :: Beratung und aufsuchende Bildungsarbeit verdienen ebenso Förderung wie die Kurse selbst.
 :: Der Verwaltungsaufwand bei EU-Projekten schreckt kleine Träger ab.
 :: Die Aufbau- und Resilienzfazilität bietet hier eine Chance.

## general
R1+ :: Ein europäischer Ansatz ist überfällig und wird von uns ausdrücklich begrüßt.
R1- :: Wir befürchten, dass die Initiative mehr Bürokratie als Nutzen schafft.
P03+ :: Microcredentials sollten gemeinsam mit Arbeitgebern entwickelt werden, damit sie relevant bleiben.
P08+ :: Die Lernenden gehören in den Mittelpunkt.
P10+ :: Bessere Information und Beratung für Lernende ist unverzichtbar.
P05+ :: Microcredentials müssen Bildungswege öffnen und dürfen nicht in Sackgassen führen.
R1~ [we hei] :: Wir unterstützen die Initiative, sofern die Hochschulautonomie gewahrt bleibt.
D8+ :: Microcredentials sind auch ein Instrument für Teilhabe und gesellschaftlichen Zusammenhalt.
 :: Vielen Dank für die Möglichkeit zur Stellungnahme.
 :: Microcredentials sollten vollwertige Abschlüsse ergänzen, nicht ersetzen.
 :: Die Konsultation ist sehr auf Hochschulen zugeschnitten.
"""

OPENERS = {
    "I": ["Aus meiner eigenen Erfahrung:", "Ich antworte als Lernende in der Erwachsenenbildung.", "Kurz und knapp:"],
    "we": ["<ORG> bedankt sich für die Möglichkeit zur Stellungnahme.", "Aus Sicht von <ORG>:", "Wir möchten folgende Punkte anmerken."],
}
CLOSERS = {
    "I": ["Danke.", "Vielen Dank!", "Viel Erfolg mit der Initiative."],
    "we": ["Für Rückfragen stehen wir gerne zur Verfügung.", "Mit freundlichen Grüßen"],
}
CONNECTIVES = []  # German word order (V2) does not allow simple prefixing
SHORT = ["Ja.", "Nein.", "Keine Angabe.", "Dem stimme ich zu.", "Siehe oben.", "Weiß nicht.", "Keine weiteren Anmerkungen.",
         "Ja, unbedingt."]
SEE_ATTACHED = ["Siehe beigefügtes Dokument.", "Siehe Stellungnahme im Anhang.", "Bitte beachten Sie unser beigefügtes Positionspapier.",
                "Siehe Anlage."]
OFFTOPIC = ["Der Fragebogen ist viel zu lang und für Bürger kaum verständlich.",
            "Warum kann man die Antworten nicht zwischenspeichern?",
            "Die Fragen sind suggestiv gestellt.",
            "Die EU sollte sich lieber um die Energiepreise kümmern."]
BARRIER_OTHER = ["Fehlende Kinderbetreuung", "Altersdiskriminierung", "Verdienstausfall während der Weiterbildung",
                 "Bürokratie bei Bildungsgutscheinen", "Fehlende Anerkennung ausländischer Abschlüsse"]
PROVIDER_OTHER = ["Volkshochschulen", "Kammern und Innungen", "Bildungswerke der Gewerkschaften", "Bibliotheken"]

BARRIER_OTHER_MORE = [" – vor allem für Alleinerziehende", " auf dem Land", ", darüber spricht niemand",
                      " (Kurse finden meist abends statt)"]
PROVIDER_OTHER_MORE = [" – sie haben jahrzehntelange Erfahrung mit Erwachsenen", " im ländlichen Raum", ", die oft vergessen werden"]

PD_TEMPLATES = [
    "Ich heiße {PERSON} und arbeite {in der Pflege|als Lehrkraft an einer Berufsschule|im Einzelhandel}.",
    "Mit freundlichen Grüßen\n{PERSON}",
    "Erreichbar unter {PHONE} oder per Mail an {EMAIL}.",
    "Meine Anschrift: {ADDRESS}.",
    "Ich bin {ROLE} und sehe das Problem täglich.",
    "Meine Matrikelnummer war {ID}.",
]

PAPER = {
    "title": ["Stellungnahme zur öffentlichen Konsultation „Ein europäischer Ansatz für Microcredentials“",
              "Positionspapier von <ORG> zu Microcredentials"],
    "date": "{city}, {day}. {month} 2021",
    "months": ["April", "Mai", "Juni", "Juli"],
    "about_heading": "Über <ORG>",
    "about": {
        "hei": ["<ORG> ist eine staatliche Hochschule mit rund {n} Studierenden und einem wachsenden Weiterbildungsangebot."],
        "emp": ["<ORG> ist ein Unternehmen im Bereich {sector} und bildet jährlich rund {n} Beschäftigte weiter.",
                "<ORG> vertritt {n} Unternehmen aus dem Bereich {sector}."],
        "union": ["<ORG> ist eine Gewerkschaft mit rund {n} Mitgliedern im Bereich {sector}."],
        "pub": ["<ORG> ist die für Erwachsenenbildung und berufliche Bildung zuständige Behörde."],
        "ngo": ["<ORG> ist ein gemeinnütziger Verband, der sich für den Zugang Erwachsener zu Bildung einsetzt."],
        "other": ["<ORG> ist ein Zusammenschluss von Weiterbildungsanbietern."],
        "cit": ["Diese Stellungnahme gibt die Sicht einer Einzelperson wieder."],
    },
    "about_extra": ["Wir sind in mehreren Erasmus+-Projekten zu Anerkennung und Kompetenzen aktiv.",
                    "Die Stellungnahme wurde nach Rücksprache mit unseren Mitgliedern erarbeitet."],
    "intro": ["<ORG> begrüßt die Gelegenheit, sich an der Konsultation zu einem europäischen Ansatz für Microcredentials zu beteiligen.",
              "Wir teilen das Ziel, Lernangebote flexibler und inklusiver zu gestalten."],
    "headings": {"barriers": "Zugang zum lebenslangen Lernen", "definition": "Zur vorgeschlagenen Definition",
                 "elements": "Standardelemente", "qa": "Qualitätssicherung", "recognition": "Anerkennung",
                 "portability": "Portabilität und Europass", "credits": "ECTS und Qualifikationsrahmen",
                 "providers": "Vertrauenswürdige Anbieter", "funding": "Förderung", "general": "Weitere Anmerkungen"},
    "summary_heading": "Zusammenfassung",
    "conclusion": ["<ORG> steht für den weiteren Dialog gerne zur Verfügung."],
    "contact": "Kontakt: {email}",
    "sectors": ["Informationstechnik", "Metall- und Elektroindustrie", "Gesundheit und Pflege", "Handwerk", "Logistik"],
    "lead_ins": [],
}
