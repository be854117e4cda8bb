"""Texts of the two organised campaigns.

Campaign A: a youth / non-formal-learning network circulated a text; copies are near-identical
(greeting changed, a sentence added or dropped, typos) and a few members translated it.
Campaign B: an IT-industry text pasted verbatim (exact copies).
Each sentence carries its positions so that edited copies keep an exact ground truth.
"""

# (positions, sentence, optional?)  optional sentences may be dropped in edited copies
A_EN = [
    ((), "As part of the European youth sector, we ask that the European approach to micro-credentials fully values learning that happens outside formal education.", False),
    ((("P06", "support"),), "Young people gain essential competences through volunteering, youth work and non-formal education, and these experiences deserve the same recognition as a university module.", False),
    ((("R3", "oppose"),), "A closed list of \"trusted providers\" would shut out youth organisations and small non-formal learning providers, so we oppose such a list in its proposed form.", False),
    ((("D4", "support"), ("D5", "support")), "Micro-credentials must remain the property of the learner and be free of charge to store and share.", True),
    ((("R8", "conditional"),), "EU funding through Erasmus+ should support micro-credentials only if non-formal education providers can access it on equal terms.", True),
    ((), "Validation of non-formal and informal learning should build on the 2012 Council Recommendation rather than start from scratch.", True),
]
A_EXTRA = [
    ((), "Our organisation works with more than 300 volunteers, most of them under 25."),
    ((), "We are a member of the European youth network that prepared this statement."),
    ((("P08", "support"),), "Young learners themselves must be involved in designing these standards."),
    ((), "We fully endorse the joint statement of the youth sector."),
]
A_GREETINGS = ["Dear Commission,", "Dear colleagues,", "To whom it may concern,", "Dear European Commission,", "", "", ""]
A_CLOSINGS = ["Kind regards", "Thank you for your attention.", "Best wishes", "", "", ""]
A_SUBST = [("essential", "key"), ("deserve", "merit"), ("shut out", "exclude"), ("fully values", "recognises"),
           ("small", "smaller"), ("would", "will")]

A_DE = [
    ((), "Als Teil des europäischen Jugendsektors fordern wir, dass der europäische Ansatz für Microcredentials auch das Lernen außerhalb der formalen Bildung voll anerkennt.", False),
    ((("P06", "support"),), "Junge Menschen erwerben durch Freiwilligenarbeit, Jugendarbeit und non-formale Bildung wichtige Kompetenzen, die dieselbe Anerkennung verdienen wie ein Hochschulmodul.", False),
    ((("R3", "oppose"),), "Eine geschlossene Liste „vertrauenswürdiger Anbieter“ würde Jugendorganisationen und kleine non-formale Bildungsträger ausschließen; eine solche Liste lehnen wir in der vorgeschlagenen Form ab.", False),
    ((("D4", "support"), ("D5", "support")), "Microcredentials müssen Eigentum der Lernenden bleiben und kostenlos gespeichert und geteilt werden können.", True),
    ((("R8", "conditional"),), "EU-Mittel aus Erasmus+ sollten Microcredentials nur dann fördern, wenn auch Träger der non-formalen Bildung gleichberechtigt Zugang haben.", True),
    ((), "Die Validierung non-formalen und informellen Lernens sollte auf der Ratsempfehlung von 2012 aufbauen.", True),
]
A_DE_GREETINGS = ["Sehr geehrte Damen und Herren,", ""]
A_FR = [
    ((), "En tant qu'acteurs du secteur européen de la jeunesse, nous demandons que l'approche européenne des micro-certifications valorise pleinement les apprentissages réalisés en dehors de l'éducation formelle.", False),
    ((("P06", "support"),), "Les jeunes acquièrent des compétences essentielles grâce au volontariat, à l'animation socio-éducative et à l'éducation non formelle, et ces expériences méritent la même reconnaissance qu'un module universitaire.", False),
    ((("R3", "oppose"),), "Une liste fermée de « prestataires de confiance » exclurait les organisations de jeunesse et les petits acteurs de l'éducation non formelle : nous nous opposons à une telle liste sous sa forme actuelle.", False),
    ((("D4", "support"), ("D5", "support")), "Les micro-certifications doivent rester la propriété de l'apprenant et pouvoir être conservées et partagées gratuitement.", True),
    ((("R8", "conditional"),), "Les financements Erasmus+ ne devraient soutenir les micro-certifications que si les acteurs de l'éducation non formelle y ont accès dans les mêmes conditions.", True),
    ((), "La validation des apprentissages non formels et informels devrait s'appuyer sur la recommandation du Conseil de 2012.", True),
]

B_TEXT = (
    "We call on the Commission to make sure that industry-recognised IT certifications are treated as micro-credentials "
    "on an equal footing with courses from universities. Millions of European workers already hold vendor certifications "
    "that are assessed through secure, proctored exams and are trusted by employers worldwide. Requiring ECTS credits for "
    "these certifications would add cost without adding value, and we oppose making ECTS mandatory. Any European list of "
    "trusted providers must be open to industry certification bodies, otherwise we cannot support it. Fast, simple "
    "recognition of these certifications across borders would help close the digital skills gap."
)
B_POSITIONS = (("S07", "oppose"), ("R3", "conditional"), ("R5", "support"))
