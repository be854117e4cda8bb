"""Position papers: compose the text from the banks and write .txt, .pdf (fpdf2) or .docx files."""

import datetime
import io
import zipfile

from banks import BANKS
from compose import decap, expand, weighted_choice
import people

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FIXED_ZIP_TIME = (2021, 7, 1, 12, 0, 0)
PAPER_TOPICS = ["barriers", "definition", "elements", "qa", "recognition", "portability", "credits", "providers",
                "funding", "general"]


def compose_paper(rng, composer, resp, lang, submitted):
    """Return (blocks, positions). blocks: [(kind, text)], kind in title|meta|heading|para."""
    bank = BANKS[lang]
    P = bank.PAPER
    org = resp.org
    fill = dict(n=f"{rng.choice([1, 2, 3, 5, 8, 12, 20, 35, 60, 140])*100:,}".replace(",", " " if lang != "en" else ","),
                k=rng.choice([10, 15, 20, 25, 30]), sector=rng.choice(P["sectors"]))
    blocks = []
    blocks.append(("title", expand(rng, rng.choice(P["title"])).replace("<ORG>", org)))
    blocks.append(("meta", org))
    day_limit = submitted.date()
    start = datetime.date(2021, 4, 20)
    d = start + datetime.timedelta(days=rng.randint(max(0, (day_limit - start).days - 20), (day_limit - start).days))
    city = rng.choice(people.PAPER_CITIES.get(lang, people.PAPER_CITIES["en"]))
    blocks.append(("meta", P["date"].format(city=city, day=d.day, month=P["months"][d.month - 4])))
    blocks.append(("heading", P["about_heading"].replace("<ORG>", org)))
    options = P["about"].get(resp.group, P["about"]["other"])
    if resp.group == "emp" and len(options) > 1:  # [company, association]
        options = [options[1]] if resp.user_type == "Business Association" else [options[0]]
    about = rng.choice(options).replace("<ORG>", org).format(**fill)
    extra = rng.sample(P["about_extra"], k=min(len(P["about_extra"]), rng.randint(1, 2)))
    blocks.append(("para", " ".join([about] + [x.format(**fill) for x in extra])))
    blocks.append(("para", " ".join(x.replace("<ORG>", org) for x in P["intro"])))

    target = rng.randint(480, 1350) if lang == "en" else rng.randint(400, 750)
    positions = []
    used = set()
    used_neutral = set()
    # a random selection of sections, in questionnaire order
    chosen = sorted(rng.sample(PAPER_TOPICS, rng.randint(6, len(PAPER_TOPICS))), key=PAPER_TOPICS.index)
    # the remaining topics are only used when the paper is still too short
    order = chosen + [t for t in PAPER_TOPICS if t not in chosen]
    words = sum(len(t.split()) for _, t in blocks)
    sections = []
    for topic in order:
        if words >= target and len(sections) >= 4:
            break
        sents = []
        n_pos = rng.randint(2, 5) if lang == "en" else rng.randint(2, 4)
        if target > 1000:
            n_pos += 2
        for _ in range(n_pos):
            e = composer.pick(resp, lang, topic, used)
            if e is None:
                break
            used.update(eid for eid, _ in e.positions)
            positions.extend(e.positions)
            sents.append(composer.render(e, resp, lang))
        if not sents:
            continue
        for _ in range(rng.randint(1, 4 if target > 1000 else 3)):
            ne = composer.pick_neutral(resp, lang, topic, used_neutral)
            if ne is None or ne.topic != topic:
                break
            used_neutral.add(ne.key)
            sents.insert(rng.randint(0, len(sents)), composer.render(ne, resp, lang))
        lead = P.get("lead_ins") or []
        if lead and rng.random() < 0.5:
            li = rng.choice(lead).replace("<ORG>", resp.org_short or org)
            dt = decap(sents[0])
            if dt != sents[0]:
                sents[0] = li + dt
        heading = P["headings"][topic]
        if len(sents) > 3 and rng.random() < 0.5:
            k = len(sents) // 2
            paras = [" ".join(sents[:k]), " ".join(sents[k:])]
        else:
            paras = [" ".join(sents)]
        sections.append((heading, paras, topic))
        words += sum(len(p.split()) for p in paras) + len(heading.split())
    sections.sort(key=lambda x: PAPER_TOPICS.index(x[2]))
    sections = [(h, p) for h, p, _ in sections]
    for i, (heading, paras) in enumerate(sections, 1):
        blocks.append(("heading", f"{i}. {heading}"))
        for p in paras:
            blocks.append(("para", p))
    blocks.append(("para", " ".join(x.replace("<ORG>", org) for x in P["conclusion"])))
    slug = people.ascii_slug(resp.org_short or org, "-").lower()
    blocks.append(("meta", P["contact"].format(email=f"info@{slug}.example")))
    return blocks, positions


def to_text(blocks):
    out = []
    for kind, text in blocks:
        if kind == "title":
            out.append(text)
            out.append("=" * min(len(text), 78))
        elif kind == "heading":
            out.append("")
            out.append(text)
            out.append("-" * min(len(text), 78))
        elif kind == "meta":
            out.append(text)
        else:
            out.append("")
            out.append(text)
    return "\n".join(out) + "\n"


def write_txt(path, blocks):
    path.write_text(to_text(blocks), encoding="utf-8", newline="\n")


def write_pdf(path, blocks, org):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2021, 7, 1, 12, 0, 0, tzinfo=datetime.timezone.utc))
    pdf.set_title(blocks[0][1])
    pdf.set_author(org)
    pdf.set_creator("synthetic sample generator")
    pdf.add_font("DejaVu", "", f"{FONT_DIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, text in blocks:
        if kind == "title":
            pdf.set_font("DejaVu", "B", 15)
            pdf.multi_cell(width, 8, text)
            pdf.ln(3)
        elif kind == "heading":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(width, 7, text)
            pdf.ln(1)
        elif kind == "meta":
            pdf.set_font("DejaVu", "", 9)
            pdf.multi_cell(width, 5, text)
        else:
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(width, 5.5, text)
            pdf.ln(2)
    path.write_bytes(bytes(pdf.output()))


def write_docx(path, blocks, org):
    import docx

    doc = docx.Document()
    cp = doc.core_properties
    fixed = datetime.datetime(2021, 7, 1, 12, 0, 0)
    cp.author = org
    cp.last_modified_by = org
    cp.title = blocks[0][1]
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 1
    cp.comments = ""
    for kind, text in blocks:
        if kind == "title":
            doc.add_heading(text, level=0)
        elif kind == "heading":
            doc.add_heading(text, level=1)
        else:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    # re-pack with fixed timestamps so that the file is byte-identical on every run
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


def word_count(blocks):
    return sum(len(t.split()) for _, t in blocks)


__all__ = ["compose_paper", "write_txt", "write_pdf", "write_docx", "word_count", "weighted_choice"]
