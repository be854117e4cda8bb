"""The synthetic questionnaire: 21 questions in 4 sections, and its CSV columns.

The structure follows the Commission's public summary of the 2021 open public
consultation on micro-credentials (Ares(2022)751470): profile of respondents;
barriers to lifelong learning; views on European standards; final comments.
Question wording is our own.
"""

PROFILE_COLUMNS = [
    "Reference",
    "Feedback date",
    "Language",
    "User type",
    "First name",
    "Surname",
    "Scope",
    "Organisation name",
    "Transparency register number",
    "Organisation size",
    "Country",
    "Publication privacy settings",
]

USER_TYPES = [
    "Company/Business organisation",
    "NGO (Non-governmental organisation)",
    "EU Citizen",
    "Academic/Research Institution",
    "Business Association",
    "Other",
    "Public authority",
    "Trade Union",
    "Non-EU Citizen",
    "Consumer Organisation",
    "Environmental Organisation",
]

CANONICAL_TYPE = {
    "Company/Business organisation": "company",
    "NGO (Non-governmental organisation)": "ngo",
    "EU Citizen": "eu_citizen",
    "Academic/Research Institution": "academic_research_institution",
    "Business Association": "business_association",
    "Other": "other",
    "Public authority": "public_authority",
    "Trade Union": "trade_union",
    "Non-EU Citizen": "non_eu_citizen",
    "Consumer Organisation": "consumer_organisation",
    "Environmental Organisation": "environmental_organisation",
}

SCOPES = ["National", "Regional", "Local", "International"]
SIZES = [
    "Micro (< 10 employees)",
    "Small (< 50 employees)",
    "Medium (< 250 employees)",
    "Large (250 or more)",
]
PUBLIC = "The feedback can be published with your personal information"
ANONYMOUS = "The feedback can be published in an anonymous way"

RATING_LABELS = {
    5: "5 - Very important",
    4: "4 - Important",
    3: "3 - Neutral",
    2: "2 - Not very important",
    1: "1 - Not important at all",
}
NO_OPINION = "No opinion"

OTHER_SPECIFY = "Other, please specify:"

BARRIER_OPTIONS = [
    "Lack of time because of work or family responsibilities",
    "Cost of courses and training",
    "Lack of information and guidance on learning opportunities",
    "Learning outcomes of short courses are not recognised by employers",
    "Learning outcomes of short courses are not recognised for further studies",
    "Lack of flexible (online, part-time or modular) learning offers",
    "Lack of support from the employer",
    "Lack of digital skills or equipment",
    "Low motivation or previous negative experiences of education",
    "Other",
]

DEFINITION_OPTIONS = ["Fully agree", "Partly agree", "Disagree", "No opinion"]

PROVIDER_OPTIONS = [
    "Higher education institutions",
    "Vocational education and training (VET) providers",
    "Adult learning providers",
    "Private companies and commercial training providers",
    "Chambers of commerce, industry and crafts",
    "Professional bodies and sectoral organisations",
    "Youth organisations and non-formal learning providers",
    "Online platforms (e.g. MOOC providers)",
    "Public employment services",
    "Other",
]

# Sub-items of the standard-elements matrix, in S01..S15 order.
STANDARD_ELEMENTS = [
    ("S01", "Identification of the learner"),
    ("S02", "Title of the micro-credential"),
    ("S03", "Country/region of the issuer"),
    ("S04", "Awarding body"),
    ("S05", "Date of issuing"),
    ("S06", "Learning outcomes"),
    ("S07", "Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)"),
    ("S08", "Level (and cycle, if applicable) of the learning experience (EQF, QF-EHEA)"),
    ("S09", "Type of assessment"),
    ("S10", "Form of participation in the learning activity (online, onsite or blended)"),
    ("S11", "Type of quality assurance used to underpin the micro-credential"),
    ("S12", "Prerequisites needed to enrol in the learning activity (optional)"),
    ("S13", "Supervision and identity verification during assessment (optional)"),
    ("S14", "Grade achieved (optional)"),
    ("S15", "Integration/stackability options (optional)"),
]

# Sub-items of the roadmap matrix, R1..R8, worded like the consultation page.
ROADMAP_ACTIONS = [
    ("R1", "Developing common European standards for quality and transparency, together with all involved stakeholders"),
    ("R2", "Exploring the inclusion of micro-credentials in national qualification frameworks with possible reference to the European Qualifications Framework"),
    ("R3", "Developing a list of trusted providers and fostering quality assurance processes"),
    ("R4", "Exploring how the European Credit Transfer and Accumulation System (ECTS) can be used for micro-credentials at other education levels and in other sectors"),
    ("R5", "Working on guidelines for more rapid recognition by adapting existing validation and recognition instruments or by developing new ones"),
    ("R6", "Making it easier to store and showcase micro-credentials through Europass and its digital credentials infrastructure, and the European Student Card initiative"),
    ("R7", "Using micro-credentials to improve access to lifelong learning through better permeability between sectors and guidance underpinned by real-time labour market data"),
    ("R8", "Providing EU support through the Erasmus+ Programme and Structural Funds to promote the uptake of micro-credentials"),
]

DEFINITION_TEXT = (
    "The consultation group proposed the following definition: 'A micro-credential is a proof of "
    "the learning outcomes that a learner has acquired following a short learning experience. These "
    "learning outcomes have been assessed against transparent standards.' Do you agree with this "
    "definition?"
)

Q_BARRIERS = "In your view, what are the main barriers that prevent people from taking part in lifelong learning? (select all that apply)"
Q_HELP = "How could micro-credentials help people to overcome these barriers? Please explain."
Q_DEF_EXPLAIN = "Please explain your answer. Which parts of the definition would you change, add or remove?"
Q_ELEMENTS = "How important is it that the following elements are included in a European standard describing a micro-credential?"
Q_ROADMAP = "How important are the following actions of the proposed roadmap for a European approach to micro-credentials?"
Q_QA = "How should the quality of micro-credentials be assured? Please explain."
Q_RECOG = "What would make micro-credentials easier to recognise, for further learning and for employment?"
Q_PORT = "How can learners store, share and showcase their micro-credentials across borders (for example through Europass and the European Student Card)?"
Q_CREDITS = "Should micro-credentials use ECTS credits and be linked to national qualifications frameworks and the EQF? Please explain."
Q_PROVIDERS = "Which types of providers should be able to issue micro-credentials that follow the European standards? (select all that apply)"
Q_TRUSTED = "What is your view on developing a list of trusted providers of micro-credentials?"
Q_FUNDING = "How should the EU and national authorities support the uptake of micro-credentials (for example through Erasmus+ and the Structural Funds)?"
Q_FINAL = "Do you have any other comments or recommendations on a European approach to micro-credentials?"
Q_UPLOAD = "You can upload a document here:"

SECTIONS = [
    "About you",
    "Barriers to lifelong learning",
    "European standards for micro-credentials",
    "Final comments and recommendations",
]


def build():
    """Return (columns, questions).

    columns: list of dicts {index, header, kind, question, sub_item, element_id, topic}
    questions: list of dicts {number, section, text, kind, options, sub_items, columns}
    """
    columns = []
    questions = []

    def add_col(header, kind, question, sub_item=None, element_id=None, topic=None):
        columns.append(
            {
                "index": len(columns),
                "header": header,
                "kind": kind,
                "question": question,
                "sub_item": sub_item,
                "element_id": element_id,
                "topic": topic,
            }
        )
        return len(columns) - 1

    def add_q(section, text, kind, cols, options=None, sub_items=None, note=None):
        q = {
            "number": len(questions) + 1,
            "section": section,
            "section_title": SECTIONS[section - 1],
            "text": text,
            "kind": kind,
            "options": options or [],
            "sub_items": sub_items or [],
            "columns": cols,
        }
        if note:
            q["note"] = note
        questions.append(q)

    # metadata columns (not questions)
    add_col("Reference", "metadata", None)
    add_col("Feedback date", "metadata", None)
    # Section 1: profile (6 questions over 10 columns)
    c = add_col("Language", "profile", 1)
    add_q(1, "Language of my contribution", "profile", [c], note="single choice; English language names")
    c = add_col("User type", "profile", 2)
    add_q(1, "I am giving my contribution as", "profile", [c], options=USER_TYPES, note="single choice")
    c1 = add_col("First name", "profile", 3)
    c2 = add_col("Surname", "profile", 3)
    add_q(1, "Your name (first name, surname)", "profile", [c1, c2])
    c1 = add_col("Scope", "profile", 4)
    c2 = add_col("Organisation name", "profile", 4)
    c3 = add_col("Transparency register number", "profile", 4)
    c4 = add_col("Organisation size", "profile", 4)
    add_q(1, "Your organisation: scope, name, Transparency register number, size", "profile",
          [c1, c2, c3, c4], note="organisations only; Scope options " + ", ".join(SCOPES)
          + "; size options " + ", ".join(SIZES))
    c = add_col("Country", "profile", 5)
    add_q(1, "Country of origin", "profile", [c], note="English country name")
    c = add_col("Publication privacy settings", "profile", 6)
    add_q(1, "Publication privacy settings", "profile", [c], options=[PUBLIC, ANONYMOUS])

    # Section 2: barriers
    c1 = add_col(Q_BARRIERS, "multi_choice", 7)
    c2 = add_col(OTHER_SPECIFY, "free_text", 7, topic="barrier_other")
    add_q(2, Q_BARRIERS, "multi_choice", [c1, c2], options=BARRIER_OPTIONS,
          note="answers joined with ';'; the 'Other, please specify:' column follows")
    c = add_col(Q_HELP, "free_text", 8, topic="barriers")
    add_q(2, Q_HELP, "free_text", [c])

    # Section 3: European standards
    c = add_col(DEFINITION_TEXT, "single_choice", 9)
    add_q(3, DEFINITION_TEXT, "single_choice", [c], options=DEFINITION_OPTIONS)
    c = add_col(Q_DEF_EXPLAIN, "free_text", 10, topic="definition")
    add_q(3, Q_DEF_EXPLAIN, "free_text", [c])
    cols = [add_col(Q_ELEMENTS + "\n: " + label, "rating", 11, sub_item=label, element_id=eid)
            for eid, label in STANDARD_ELEMENTS]
    add_q(3, Q_ELEMENTS, "rating", cols, options=list(RATING_LABELS.values())[::-1] + [NO_OPINION],
          sub_items=[{"element_id": e, "label": lab} for e, lab in STANDARD_ELEMENTS])
    cols = [add_col(Q_ROADMAP + "\n: " + label, "rating", 12, sub_item=label, element_id=eid)
            for eid, label in ROADMAP_ACTIONS]
    add_q(3, Q_ROADMAP, "rating", cols, options=list(RATING_LABELS.values())[::-1] + [NO_OPINION],
          sub_items=[{"element_id": e, "label": lab} for e, lab in ROADMAP_ACTIONS])
    for text, topic in [(Q_QA, "qa"), (Q_RECOG, "recognition"), (Q_PORT, "portability"),
                        (Q_CREDITS, "credits")]:
        c = add_col(text, "free_text", len(questions) + 1, topic=topic)
        add_q(3, text, "free_text", [c])
    c1 = add_col(Q_PROVIDERS, "multi_choice", 17)
    c2 = add_col(OTHER_SPECIFY, "free_text", 17, topic="provider_other")
    add_q(3, Q_PROVIDERS, "multi_choice", [c1, c2], options=PROVIDER_OPTIONS,
          note="answers joined with ';'; the 'Other, please specify:' column follows")
    c = add_col(Q_TRUSTED, "free_text", 18, topic="providers")
    add_q(3, Q_TRUSTED, "free_text", [c])
    c = add_col(Q_FUNDING, "free_text", 19, topic="funding")
    add_q(3, Q_FUNDING, "free_text", [c])

    # Section 4: final comments
    c = add_col(Q_FINAL, "free_text", 20, topic="general")
    add_q(4, Q_FINAL, "free_text", [c])
    c = add_col(Q_UPLOAD, "upload", 21)
    add_q(4, Q_UPLOAD, "upload", [c], note="file name of the uploaded document in position_papers/")

    assert len(questions) == 21
    return columns, questions
