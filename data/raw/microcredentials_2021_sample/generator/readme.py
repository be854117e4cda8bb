"""Render the sample folder's README.md from the generator's own summary."""

import fpdf


def _table(d, head=("value", "count")):
    lines = [f"| {head[0]} | {head[1]} |", "|---|---:|"]
    for k, v in d.items():
        lines.append(f"| {k if k != '' else '(blank: anonymous)'} | {v} |")
    return "\n".join(lines)


def _ranges(cols):
    out, start, prev = [], None, None
    for c in list(cols) + [None]:
        if start is None:
            start = prev = c
        elif c is not None and c == prev + 1:
            prev = c
        else:
            out.append(f"{start}–{prev}" if prev != start else str(start))
            start = prev = c
    return ", ".join(out)


def render(s, q):
    cols_by_kind = s["questions"]["columns"]
    qrows = ["| Q | section | kind | column(s) | question |", "|---:|---:|---|---|---|"]
    for qq in q["questions"]:
        text = qq["text"].replace("|", "/")
        if len(text) > 90:
            text = text[:87] + "..."
        cols = qq["columns"]
        cs = f"{cols[0]}–{cols[-1]}" if len(cols) > 3 else ", ".join(map(str, cols))
        qrows.append(f"| {qq['number']} | {qq['section']} | {qq['kind']} | {cs} | {text} |")
    camp = s["campaigns"]
    pdt = s["personal_data"]
    pos = s["positions"]
    mal = s["malformed"]
    rejects = "\n".join(f"| {x['row_number']} | {x['reference'] or '(blank)'} | {x['reason']} |" for x in mal["rejected_rows"])
    return f"""# Micro-credentials consultation 2021 — SYNTHETIC sample data

**This is synthetic sample data.** No row, name, organisation, e-mail address, phone number,
address or position paper in this folder comes from a real respondent. The contributions to the
European Commission's 2021 open public consultation "A European approach to micro-credentials for
lifelong learning and employability" (EUSurvey questionnaire, 20 April – 13 July 2021, 508
respondents, 92 uploaded documents) were never published. This folder ships an invented
consultation that copies the *structure* of the real one (21 questions in 4 sections: respondent
profile; barriers to lifelong learning; views on European standards for micro-credentials; final
comments and recommendations) so that the toolkit can be run and measured end to end.

The consultation structure follows the Commission's public summary of the consultation,
Ares(2022)751470; the roadmap actions follow the Commission's consultation page and the standard
elements and principles follow Council Recommendation 2022/C 243/02 (paraphrased). EU material is
reused with acknowledgement under Commission Decision 2011/833/EU. All answer texts were written for
this sample.

## Files

| path | what |
|---|---|
| `contributions.csv` | the EUSurvey-style export: {s['n_rows_total']} data rows ({s['n_valid']} valid + {s['n_rejects']} deliberately malformed), {s['n_columns']} columns |
| `questionnaire.json` | sections, the 21 questions (number, text, kind, options/sub-items, column indices) and every column with its kind |
| `position_papers/` | {s['n_position_papers']} uploaded documents named in the last column ({', '.join(f'{v} {k}' for k, v in s['position_papers_by_extension'].items())}) |
| `truth/positions.csv` | stance of each free-text answer and each position paper on catalogue elements |
| `truth/campaigns.csv` | campaign membership |
| `truth/personal_data.csv` | personal-data spans planted in anonymous answers |
| `truth/languages.csv` | language of every non-empty free-text cell |
| `truth/rejects.csv` | the rows a reader must reject |
| `truth/respondents.csv` | per respondent: true stakeholder type (also for anonymous rows), country, organisation, writing behaviour, upload, campaign |
| `truth/summary.json` | the generator's own counts (all numbers below come from it) |
| `generator/` | the code and hand-written sentence banks that produced everything above |

The pipeline must never read `truth/`; tests use it to measure the toolkit.

## `contributions.csv` format

* UTF-8 **with BOM**, `;`-separated, CRLF line ends, cells quoted when needed (`csv.QUOTE_MINIMAL`);
  cells contain line breaks (`\\n`), `;` and `"`. Read with
  `csv.reader(open(p, encoding="utf-8-sig", newline=""), delimiter=";")`.
* Columns 0–11 are the profile block: `Reference`, `Feedback date` (`dd.mm.yyyy hh:mm`, Brussels
  time), `Language` (English language name), `User type`, `First name`, `Surname`, `Scope`,
  `Organisation name`, `Transparency register number`, `Organisation size`, `Country`,
  `Publication privacy settings`.
* Anonymous contributions ({s['n_anonymous']} of {s['n_valid']}, {s['anonymous_share']:.1%}) have `User type`, names,
  `Scope`, organisation fields and `Country` **blank**; `Reference`, `Feedback date`, `Language` and
  `Publication privacy settings` are filled. Their real type is in `truth/respondents.csv`.
* Matrix questions have one column per sub-item headed `<question>\\n: <sub-item>`; answers are
  `5 - Very important` … `1 - Not important at all`, `No opinion` or blank.
* Multi-choice answers are joined with `;` (option labels contain no `;`).
* The header `Other, please specify:` appears twice (columns {', '.join(str(i) for i, c in enumerate(q['columns']) if c['header'] == 'Other, please specify:')}).
* The last column `You can upload a document here:` holds the file name of a document in
  `position_papers/`; some free-text answers only say "See written response", "Siehe beigefügtes
  Dokument", "Ver documento adjunto" and so on.
* Rows are in submission order (by `Feedback date`), as exported.

### Questions

{chr(10).join(qrows)}

Questions by kind (the 21 numbered questions): {', '.join(f'{k} {v}' for k, v in s['questions']['by_kind'].items())}.
Columns by kind: {', '.join(f'{k} {v}' for k, v in s['questions']['columns_by_kind'].items())}.
Column indices by kind: {'; '.join(f'{k} {_ranges(v)}' for k, v in cols_by_kind.items())}
(rating columns 17–31 are the standard elements S01–S15, 32–39 the roadmap actions R1–R8; the two
free_text columns 13 and 45 are the `Other, please specify:` follow-ups).

## Counts (valid rows)

By `User type` as exported:

{_table(s['by_user_type'])}

By true stakeholder type (truth, including anonymous rows):

{_table(s['by_true_user_type'])}

By declared `Language`:

{_table(s['by_language'])}

Language of the free-text cells themselves (`truth/languages.csv`, ISO 639-1; {s['n_free_text_cells']} cells):
{', '.join(f'{k} {v}' for k, v in s['answer_languages'].items())}. Some respondents who declared
another language write in English (and a few who declared English write in French, German, Spanish…),
so per-answer detection matters.

Free-text answers run from one word to {s['free_text_words']['max']} words (median {s['free_text_words']['median']}).

## Ground truth formats (`truth/`)

All CSV files are UTF-8 (no BOM), `,`-separated, with a header row. `column` is the 0-based column
index in `contributions.csv`; `reference` is the `Reference` value.

* `positions.csv` — `reference, column, element_id, stance, document`. One row per element an
  answer takes a position on; `stance` is `support`, `oppose` or `conditional` (support only under
  a stated condition). For position papers `column` is empty and `document` is the file name.
  {pos['n_cell_positions']} cell positions in {pos['cells_with_positions']} cells
  ({', '.join(f'{k} {v}' for k, v in pos['by_element_kind_cells'].items())};
  {', '.join(f'{k} {v}' for k, v in pos['by_stance_cells'].items())}) and {pos['n_document_positions']} document positions
  ({', '.join(f'{k} {v}' for k, v in pos['by_element_kind_documents'].items())}).
  Closed answers (choices and ratings) are not repeated here: the CSV itself is their truth.
* `campaigns.csv` — `reference, campaign_id, variant, column`; `variant` is `exact`, `edited` or
  `translated`; `column` is where the campaign text sits. Campaign A ({camp['A']['size']} members:
  {', '.join(f'{k} {v}' for k, v in camp['A']['by_variant'].items())}) is a youth / non-formal learning text
  with small edits (greeting, a sentence added or dropped, typos, word swaps) and German/French
  translations; campaign B ({camp['B']['size']} members, all exact copies) is an IT-industry text. Most
  copies are in the final-comments column (48); others sit in columns 46, 14 or 43 while column 48
  stays empty.
* `personal_data.csv` — `reference, column, start, end, text, type`; `start`/`end` are Python
  string offsets into the cell value as the `csv` module returns it, and `text == cell[start:end]`.
  `type` is `PERSON`, `EMAIL`, `PHONE`, `ADDRESS` or `ID`. {pdt['n_spans']} spans in {pdt['n_answers']} anonymous answers
  ({', '.join(f'{k} {v}' for k, v in pdt['by_type'].items())}). Indirect identifiers of the form "job title at
  employer" (e.g. "the head of HR at Nortava in Kelbridge", "verantwortlich für die Personalentwicklung bei …") are typed
  `PERSON`; student numbers, PESEL, DNI and NIF numbers are `ID`. Names, e-mails (example.* domains),
  phone numbers and addresses are invented. Non-anonymous answers contain no personal data.
* `languages.csv` — `reference, column, language` (ISO 639-1) for every non-empty free-text cell,
  including the `Other, please specify:` cells; not for choice, rating, profile or upload cells.
* `rejects.csv` — `row_number, reference, reason`; `row_number` is the 1-based data row (header
  excluded). These rows are not in any other truth file and not in the counts above.
* `respondents.csv` — `reference, row_number, user_type, stakeholder_type, anonymous,
  declared_language, country, organisation, writing, upload, campaign_id`; `writing` is `native`,
  `english`, `mixed` or `other:<iso>` (declared English, writes another language).
* `summary.json` — every count in this README, plus non-empty cells per column, campaign sizes by
  column and user type, the malformed cells and sentence-bank sizes.

### How positions were coded

Every sentence in the banks carries its codes, so the truth is known by construction. Conventions:
D7 is quality assurance as part of what a micro-credential is, P01 the quality principle (internal
and external QA of provision); a general "micro-credentials must be quality assured" is coded both.
D5 is "shareable and portable" as a property, P07 portability infrastructure (wallets, open
standards), R6 Europass / European Student Card specifically. R3 is the list of trusted providers;
P09 verifiable authenticity of the issuer or credential. Implicit mentions are coded ("the
certificate is mine once I have earned it" is D4 support). Sentences that only ask a question or
describe context ("Who would maintain the list?") carry no position. Within one answer an element
has one stance; a respondent keeps the same stance on an element across answers and paper.

## Deliberate defects

Rows the reader must reject (listed in `truth/rejects.csv`):

| row_number | reference | reason |
|---:|---|---|
{rejects}

Cells that must still parse: stray `"` characters in {len(mal['stray_quote_cells'])} answers
({', '.join(f"{x['reference']} col {x['column']}" for x in mal['stray_quote_cells'])}); one over-long answer pasted
again and again ({', '.join(f"{x['reference']} col {x['column']}, {x['words']} words" for x in mal['over_long_cells'])};
under the `csv` module's default field size limit); one mojibake artefact `Ã©` left in a French
answer ({', '.join(f"{x['reference']} col {x['column']}" for x in mal['mojibake_cells'])}). Otherwise the text is clean UTF-8 with typographic
quotes, non-breaking spaces before French punctuation, and Polish, Portuguese, Greek and Swedish letters.

## Position papers

{s['n_position_papers']} files ({', '.join(f'{v} {k}' for k, v in s['position_papers_by_extension'].items())}), languages
{', '.join(f'{k} {v}' for k, v in s['position_papers_by_language'].items())}, {s['position_paper_words']['min']}–{s['position_paper_words']['max']} words each.
Each names its (invented) organisation, says who it is and takes positions with reasons; the PDFs are
made with fpdf2 (DejaVu Sans embedded) and have extractable text; the DOCX files are made with
python-docx. {s['n_position_papers_anonymous']} papers belong to anonymous contributions (the organisation's name
is then only in the document).

## Regenerating

```
python data/raw/microcredentials_2021_sample/generator/generate.py
```

Needs `python-docx` and `fpdf2` (used: fpdf2 {fpdf.__version__}) and the DejaVu fonts in
`/usr/share/fonts/truetype/dejavu`. Output is deterministic (seed {s['generator']['seed']}, fixed PDF/DOCX
dates): two runs give byte-identical files. Nothing needs generating at run time: the generated
files are committed. The sentence banks (`generator/bank_*.py`) hold
{sum(v['positional'] for v in s['sentence_bank'].values())} hand-written position sentences and
{sum(v['neutral'] for v in s['sentence_bank'].values())} neutral ones in 10 languages
({', '.join(f"{k} {v['positional'] + v['neutral']}" for k, v in s['sentence_bank'].items())}), many with `{{a|b}}`
alternatives, plus openers, closers, short answers, off-topic remarks and "see attached" phrases.
"""
