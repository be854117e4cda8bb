"""French sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Des formats courts s'articulent bien plus facilement avec un emploi à temps plein qu'un diplôme complet.
D2+ D6+ :: Pouvoir se former par petites étapes, puis les capitaliser, lève beaucoup de freins.
R7+ P10+ :: Les personnes ne savent pas quelle formation vaut la peine ; un conseil indépendant, appuyé sur des données fiables du marché du travail, changerait la donne.
R7~ :: Orienter les apprenants grâce aux données du marché du travail, pourquoi pas, à condition de ne pas réduire leurs choix aux seuls métiers en tension.
D8+ :: Les micro-certifications permettent de répondre rapidement aux nouveaux besoins de compétences, notamment pour la transition écologique et numérique.
D8~ [we union] :: Les formations courtes sont utiles, à condition qu'elles ne se substituent pas aux qualifications complètes et aux parcours professionnels.
P08+ :: Il faut partir des besoins de la personne : horaires souples, formats à distance, contenus qui tiennent compte des acquis.
R8+ [I] :: J'aurais suivi plusieurs formations si elles avaient été gratuites ou au moins prises en charge.
P06+ :: Tant que les employeurs ne reconnaissent pas ces certificats, beaucoup ne verront pas l'intérêt de se former.
R7+ :: Le vrai enjeu, c'est la perméabilité entre la formation professionnelle et l'enseignement supérieur.
P05+ :: Des unités courtes facilitent le retour en formation après une longue interruption.
 :: Beaucoup d'adultes gardent un mauvais souvenir de l'école et des examens.
 :: Le manque de temps reste le premier obstacle : travail, trajets, enfants, parents âgés.
 :: Dans les zones rurales, l'accès à une connexion internet stable n'est pas garanti.
 :: Les moins qualifiés sont aussi ceux qui se forment le moins.
 :: Le compte personnel de formation a montré qu'un financement individuel peut fonctionner, mais aussi ses dérives.

## definition
D1+ :: L'accent mis sur les acquis d'apprentissage est juste : il s'agit de prouver ce que l'on sait faire, pas le temps passé en salle.
D1~ :: Parler de résultats d'apprentissage est pertinent, pour autant qu'ils soient rédigés de façon compréhensible pour les employeurs.
D2~ :: La notion d'expérience « courte » doit être précisée, sinon chaque prestataire l'interprétera à sa façon.
D2- [we hei] :: Limiter les micro-certifications aux formations courtes exclurait plusieurs de nos diplômes d'université, qui s'étalent sur une année.
D3+ :: L'évaluation selon des critères transparents est ce qui rend une micro-certification crédible.
D3~ :: Nous pouvons accepter cette exigence à condition que l'évaluation en situation de travail et la validation des acquis de l'expérience soient également admises.
D4+ D5+ [I] :: Le certificat doit m'appartenir et je dois pouvoir le présenter à n'importe quel employeur, dans n'importe quel pays.
D6+ :: Il manque l'idée que les micro-certifications peuvent être autonomes ou combinées pour obtenir une certification plus large.
D7+ P01+ :: L'assurance qualité doit figurer dans la définition ; sans elle, le certificat ne vaut pas grand-chose.
D7~ :: Mentionner l'assurance qualité, oui, mais sans que cela revienne à réserver la délivrance aux seuls établissements accrédités.
D8+ :: La définition devrait rappeler la finalité : répondre à des besoins sociaux, personnels, culturels et du marché du travail.
D8- :: Il n'est pas nécessaire d'énumérer des finalités dans la définition.
D1+ D3+ :: Preuve des acquis et évaluation transparente : l'essentiel est là.
 :: Le terme anglais est difficile à traduire ; en français, « micro-certification » et « micro-crédit » prêtent à confusion.
 :: La frontière avec les blocs de compétences n'est pas claire.
 :: La définition est claire et concise.

## elements
S01~ :: L'identification de l'apprenant est nécessaire, à condition de se limiter aux données strictement indispensables.
S06+ :: Les acquis d'apprentissage sont le cœur du certificat et doivent être décrits dans un langage clair.
S07+ :: La charge de travail devrait être exprimée en crédits ECTS chaque fois que c'est possible.
S08~ :: Indiquer le niveau CEC est utile, si cela passe par le cadre national et non par une auto-déclaration du prestataire.
S09+ :: Le mode d'évaluation doit apparaître : un examen surveillé n'a pas la même valeur qu'un quiz en ligne.
S13- :: Le contrôle d'identité lors des examens en ligne pose de sérieux problèmes de protection des données.
S14- :: Nous sommes opposés à l'indication d'une note ; la mention « acquis » suffit.
S15+ :: Les possibilités de capitalisation devraient figurer sur le certificat lui-même.
S04+ S05+ :: L'organisme certificateur et la date de délivrance vont de soi.
S11+ :: Le type d'assurance qualité appliqué devrait être indiqué.
 :: La liste des éléments est longue ; un socle plus simple serait plus facile à mettre en œuvre.

## qa
D7+ P01+ :: Les micro-certifications doivent relever de la même assurance qualité, interne et externe, que les autres formations.
P01~ [we hei] :: L'assurance qualité doit s'appuyer sur les procédures existantes conformes aux ESG ; nous y sommes favorables tant qu'aucun dispositif parallèle n'est créé.
D7~ :: Une assurance qualité proportionnée, oui ; on ne peut pas soumettre un module de deux jours à la même procédure qu'un master.
D7- [we emp] :: Les certifications d'éditeurs disposent de leurs propres mécanismes qualité et n'ont pas à passer par l'assurance qualité de l'enseignement supérieur.
R1+ :: Des standards européens communs de qualité et de transparence constituent l'action la plus importante de la feuille de route.
R1~ :: Des standards européens sont bienvenus, pourvu qu'ils restent volontaires et respectent les compétences nationales.
R1- :: Nous n'avons pas besoin d'un nouveau standard européen ; les outils existants suffisent s'ils sont appliqués.
P04+ :: Les évaluations doivent être valides et fiables, faute de quoi tout le système perd sa crédibilité.
P09+ :: Chaque certificat doit être infalsifiable et vérifiable en ligne, par exemple grâce à un cachet électronique.
 :: Les agences qualité devraient être associées dès le départ.
 :: Le coût de l'accréditation pèse lourd pour les petits organismes.

## recognition
P06+ :: Les micro-certifications devraient être reconnues pour la poursuite d'études comme pour l'emploi.
P06~ [we hei] :: Nous sommes prêts à reconnaître les micro-certifications d'autres établissements, sous réserve qu'elles soient soumises à une assurance qualité conforme aux ESG.
R5+ :: Les procédures de reconnaissance sont beaucoup trop longues ; des lignes directrices pour une reconnaissance plus rapide s'imposent.
R5~ [we pub] :: Des lignes directrices sont acceptables si elles restent non contraignantes et laissent la décision finale aux autorités nationales.
R2+ :: L'inscription au cadre national des certifications donnerait un vrai poids à ces certificats.
R2- :: Inscrire chaque formation courte au répertoire national brouillerait la lisibilité des certifications.
P06+ [we union] :: Les micro-certifications doivent être prises en compte dans les conventions collectives et dans la rémunération.
S06+ P06+ :: Si les acquis figurent sur le certificat, la reconnaissance devient beaucoup plus simple.
 :: Les pratiques de reconnaissance varient énormément d'un établissement à l'autre.
 :: Les employeurs s'intéressent aux compétences, pas aux diplômes.

## portability
D4+ :: Le certificat doit rester la propriété de l'apprenant, même si l'organisme de formation disparaît.
R6+ :: Europass et ses justificatifs numériques sont l'infrastructure évidente ; inutile de réinventer la roue.
R6~ :: Europass, oui, à condition qu'il soit interopérable avec les portefeuilles numériques nationaux.
R6- :: La carte étudiante européenne n'a aucun sens pour la formation des adultes.
P07~ :: Les portefeuilles numériques sont acceptables tant que l'apprenant garde la maîtrise de ses données.
D5+ P07+ :: Chacun doit pouvoir stocker ses certificats sous forme numérique et les partager au-delà des frontières.
 :: Beaucoup de petits organismes n'ont pas les moyens techniques de délivrer des certificats numériques.

## credits
S07+ R4+ :: Les ECTS devraient être utilisés dans tous les secteurs : c'est la seule monnaie commune dont nous disposons.
R4- :: Les ECTS ont été conçus pour l'enseignement supérieur et doivent y rester.
R4~ :: L'extension des ECTS à d'autres secteurs est envisageable si le lien avec les acquis d'apprentissage est respecté.
S08+ R2+ :: Un rattachement au CEC via les cadres nationaux rendrait les micro-certifications comparables en Europe.
S07~ :: Les ECTS devraient être indiqués lorsque c'est possible, sans être obligatoires.
 :: En France, seuls les établissements habilités délivrent des crédits ECTS.

## providers
R3+ :: Une liste de prestataires de confiance rassurerait les apprenants comme les employeurs.
R3~ :: Une telle liste n'est acceptable que si elle est ouverte à tous les prestataires qui respectent les critères de qualité, y compris privés et associatifs.
R3- :: Nous ne voyons pas l'utilité d'une liste de prestataires de confiance ; c'est la qualité de chaque certificat qui compte.
R3- [we hei] :: Les universités sont déjà évaluées ; une liste supplémentaire n'apporterait que de la bureaucratie.
R3~ [we pub] :: Si une liste voit le jour, elle devra s'appuyer sur les registres nationaux existants.
 :: Qui tiendra cette liste à jour, et selon quels critères ?

## funding
R8+ :: Erasmus+ et le FSE+ devraient financer le développement des micro-certifications, en particulier dans les petits établissements.
R8+ :: Le financement doit bénéficier directement aux apprenants, par exemple via des comptes individuels de formation.
R8~ :: Les fonds européens sont bienvenus, mais ils ne doivent pas aller uniquement à l'enseignement supérieur.
R8- :: Ce n'est pas à l'argent public de financer ces certificats ; le marché s'en chargera.
R8+ [we union] :: Le financement public doit aller de pair avec un droit au congé de formation rémunéré.
 :: La lourdeur administrative des projets européens décourage les petites structures.

## general
R1+ :: Une approche européenne est bienvenue et attendue depuis longtemps.
R1- :: Nous craignons que cette initiative crée plus de bureaucratie que de valeur ajoutée.
P03+ :: Les micro-certifications doivent être conçues avec les employeurs pour rester pertinentes.
P08+ :: L'apprenant doit être au centre du dispositif.
P05+ :: Les micro-certifications doivent ouvrir des parcours, pas mener à des impasses.
P10+ :: Une meilleure information et un accompagnement des apprenants sont indispensables.
D8+ :: Les micro-certifications sont aussi un outil d'inclusion sociale.
R1~ [we hei] :: Nous soutenons l'initiative, sous réserve du plein respect de l'autonomie des établissements.
 :: Merci pour cette consultation.
 :: Les micro-certifications doivent compléter les diplômes, non les remplacer.
"""

OPENERS = {
    "I": ["Je réponds en tant qu'apprenante adulte.", "D'après mon expérience :", "En bref :"],
    "we": ["<ORG> remercie la Commission pour cette consultation.", "Du point de vue de <ORG> :", "Nous souhaitons formuler les remarques suivantes."],
}
CLOSERS = {
    "I": ["Merci.", "Bonne continuation."],
    "we": ["Nous restons à votre disposition pour tout échange.", "Cordialement."],
}
CONNECTIVES = ["Par ailleurs, ", "En outre, ", "De plus, ", "Enfin, ", "En pratique, ", "Cela dit, "]
SHORT = ["Oui.", "Non.", "D'accord.", "Pas d'avis.", "Rien à ajouter.", "Voir ci-dessus.", "Tout à fait d'accord."]
SEE_ATTACHED = ["Voir la contribution jointe.", "Voir document joint.", "Merci de vous reporter à notre note de position en pièce jointe."]
OFFTOPIC = ["Ce questionnaire est beaucoup trop long et technique pour un citoyen.",
            "Les questions sont orientées.",
            "Pourquoi le questionnaire n'est-il pas disponible en version papier ?"]
BARRIER_OTHER = ["Manque de solutions de garde d'enfants", "Perte de revenus pendant la formation", "Complexité administrative du CPF",
                 "Discrimination liée à l'âge"]
PROVIDER_OTHER = ["Chambres de métiers", "Associations d'éducation populaire", "Bibliothèques et médiathèques"]

BARRIER_OTHER_MORE = [" – surtout pour les familles monoparentales", " en milieu rural", ", dont personne ne parle"]
PROVIDER_OTHER_MORE = [" – ils ont une longue expérience des publics adultes", " en zone rurale", ", souvent oubliés"]

PD_TEMPLATES = [
    "Je m'appelle {PERSON} et je travaille {dans un hôpital|dans un lycée professionnel|dans le commerce}.",
    "Cordialement,\n{PERSON}",
    "Vous pouvez me joindre au {PHONE} ou à l'adresse {EMAIL}.",
    "Mon adresse : {ADDRESS}. Le premier centre de formation est à une heure de route.",
    "Je suis {ROLE}.",
    "Mon numéro d'étudiant : {ID}.",
]

PAPER = {
    "title": ["Contribution de <ORG> à la consultation publique sur les micro-certifications",
              "Note de position : une approche européenne des micro-certifications"],
    "date": "{city}, le {day} {month} 2021",
    "months": ["avril", "mai", "juin", "juillet"],
    "about_heading": "Présentation de <ORG>",
    "about": {
        "hei": ["<ORG> est un établissement public d'enseignement supérieur qui accueille environ {n} étudiants et développe une offre de formation continue."],
        "emp": ["<ORG> est une entreprise du secteur {sector} qui forme chaque année environ {n} salariés.",
                "<ORG> fédère {n} entreprises du secteur {sector}."],
        "union": ["<ORG> est une organisation syndicale qui représente environ {n} salariés du secteur {sector}."],
        "pub": ["<ORG> est l'autorité publique chargée de la formation professionnelle et de l'éducation des adultes sur son territoire."],
        "ngo": ["<ORG> est une association à but non lucratif qui œuvre pour l'accès des adultes à la formation."],
        "other": ["<ORG> est un réseau d'organismes de formation professionnelle."],
        "cit": ["Cette contribution reflète l'opinion d'une personne à titre individuel."],
    },
    "about_extra": ["Nous participons à plusieurs projets Erasmus+ sur la reconnaissance des compétences."],
    "intro": ["<ORG> salue l'initiative de la Commission et souhaite contribuer à la réflexion sur les micro-certifications."],
    "headings": {"barriers": "Accès à la formation tout au long de la vie", "definition": "La définition proposée",
                 "elements": "Éléments standard", "qa": "Assurance qualité", "recognition": "Reconnaissance",
                 "portability": "Portabilité et Europass", "credits": "ECTS et cadres de certification",
                 "providers": "Prestataires de confiance", "funding": "Financement", "general": "Autres remarques"},
    "summary_heading": "Synthèse",
    "conclusion": ["<ORG> reste à la disposition de la Commission pour poursuivre le dialogue."],
    "contact": "Contact : {email}",
    "sectors": ["numérique", "industrie", "santé", "bâtiment", "transport et logistique"],
    "lead_ins": ["Pour <ORG>, ", "Selon nous, "],
}
