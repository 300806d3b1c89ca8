"""A blank paper version of an instrument, for anyone who prefers pen and paper.

Items come in exactly the screen's order with the same numbers (item ids), so a lead can type a
filled-in form back in through paper mode without hunting for items.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.core.instrument import Instrument, Item
from app.core.models import ROLES
from app.reports.common import (
    FONT,
    FONT_BOLD,
    GRID,
    HeaderInfo,
    RuledLines,
    Styles,
    build_pdf,
    check_paper,
    content_width,
    data_table,
    esc,
    keep_last_with_previous,
    make_styles,
    para,
    register_fonts,
    strip_value,
    value_and_label,
)
from app.reports.labels import check_language, role_label, t
from app.reports.provenance import provenance_notice

BOX = "☐"
NBSP = "\u00a0"
BOX_MARKUP = f'<font size="13">{BOX}</font>'
UNSCORED_KEYS = {"dont_know": "D", "not_applicable": "N"}  # the same in every language


def _joined(texts: list[str]) -> str:
    """Examples run on as sentences; a separator only where one has no closing punctuation."""
    out = ""
    for text in texts:
        text = text.strip()
        if out:
            out += " " if out[-1] in ".!?;:…)" else "; "
        out += text
    return out


def choice_grid(item: Item, lang: str, width: float) -> Table:
    """Tick boxes for an item's choices: labels on top, boxes with values below, aligned in columns.

    Scored choices share the width evenly; runs of choices with the same label (a 1–10 scale's
    "3 – Basic", "4 – Basic", "5 – Basic") share one spanning label, so nothing is said twice.
    "Don't know" and "not applicable" stand apart, after a rule.
    """
    register_fonts()
    label_style = ParagraphStyle(
        "choice_label", fontName=FONT, fontSize=7, leading=8.2, alignment=TA_CENTER
    )
    box_style = ParagraphStyle(
        "choice_box", fontName=FONT_BOLD, fontSize=9, leading=14, alignment=TA_CENTER
    )
    scored = [c for c in item.scale.choices if c.value is not None]
    unscored = [c for c in item.scale.choices if c.value is None]
    other_widths = [
        min(max(stringWidth(c.label.get(lang), FONT, 7) + 10, 44.0), 80.0) for c in unscored
    ]
    scored_width = (width - sum(other_widths)) / max(1, len(scored))
    labels = []
    for choice in scored:
        assert choice.value is not None
        label = strip_value(choice.value, choice.label.get(lang))
        labels.append("" if label == f"{choice.value:g}" else label)
    top: list[Flowable | str] = []
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else the empty spanned cells pull in Helvetica
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    start = 0
    while start < len(labels):
        stop = start
        while stop + 1 < len(labels) and labels[stop + 1] == labels[start]:
            stop += 1
        top.append(Paragraph(esc(labels[start]), label_style))
        top += [""] * (stop - start)
        if stop > start:
            commands.append(("SPAN", (start, 0), (stop, 0)))
            commands.append(("LINEBELOW", (start, 0), (stop, 0), 0.4, GRID))
        start = stop + 1
    top += [Paragraph(esc(c.label.get(lang)), label_style) for c in unscored]
    boxes: list[Flowable | str] = [
        Paragraph(f"{BOX_MARKUP}{NBSP}{esc(f'{c.value:g}')}", box_style) for c in scored
    ]
    # The keys paper mode (and the rating screen) takes for these, so a filled form types back in.
    boxes += [
        Paragraph(f"{BOX_MARKUP}{NBSP}{UNSCORED_KEYS.get(c.kind, '')}", box_style) for c in unscored
    ]
    if unscored:
        commands.append(("LINEBEFORE", (len(scored), 0), (len(scored), -1), 0.5, GRID))
    table = Table(
        [top, boxes], colWidths=[scored_width] * len(scored) + other_widths, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    table.tag_header_rows = 1  # the labels head the tick boxes in the tagged PDF
    return table


def _item_block(item: Item, lang: str, st: Styles, width: float) -> Flowable:
    block: list[Flowable] = [
        Paragraph(f"<b>{esc(item.id)}</b>&nbsp; <b>{esc(item.prompt.get(lang))}</b>", st.body),
    ]
    if item.explanation is not None:  # optional from format version 2
        block.append(para(item.explanation.get(lang), st.small))
    if item.examples:
        examples = _joined([e.get(lang) for e in item.examples])
        block.append(para(examples, st.small, markup=f"<i>{esc(t(lang, 'examples'))}:</i> "))
    block.append(Spacer(1, 3))
    block.append(choice_grid(item, lang, width))
    block.append(Spacer(1, 2))
    block.append(para(t(lang, "comment") + ":", st.small))
    block.append(RuledLines(2, width, 6 * mm))
    block.append(Spacer(1, 8))
    return KeepTogether(block)


def blank_form_flowables(instrument: Instrument, *, lang: str, paper: str) -> list[Flowable]:
    st = make_styles()
    width = content_width(paper)
    story: list[Flowable] = [
        para(f"{t(lang, 'blank_title')}: {instrument.title.get(lang)}", st.title),
        para(f"{instrument.id} · {t(lang, 'version')} {instrument.version}", st.small),
        para(
            instrument.attribution.get(lang),
            st.small,
            markup=f"<b>{esc(t(lang, 'attribution'))}:</b> ",
        ),
        *provenance_notice(instrument, lang, st),
        Spacer(1, 4),
        para(t(lang, "blank_instructions", months=instrument.review_period_months), st.body),
    ]
    roles = "&nbsp;&nbsp; ".join(
        f'<font size="11">{BOX}</font>{NBSP}{esc(role_label(lang, r)).replace(" ", NBSP)}'
        for r in ROLES
    )
    role_style = ParagraphStyle("roles", parent=st.cell, leading=14)
    id_rows: list[list[Flowable | str]] = [
        [para(t(lang, "your_name"), st.cell_bold), ""],
        [para(t(lang, "your_role"), st.cell_bold), Paragraph(roles, role_style)],
        [para(t(lang, "date"), st.cell_bold), ""],
    ]
    story.append(
        data_table(id_rows, [width * 0.22, width * 0.78], header_rows=0, row_heights=[24, None, 24])
    )
    story.append(Spacer(1, 4))
    scale = instrument.scale
    described = [c for c in scale.choices if c.description is not None]
    if described:
        for choice in described:
            assert choice.description is not None
            label = choice.label.get(lang)
            if choice.value is not None:
                label = value_and_label(choice.value, label)
            story.append(
                para(choice.description.get(lang), st.small, markup=f"<b>{esc(label)}:</b> ")
            )
    for section in instrument.sections:
        story.append(para(f"{section.id} {section.title.get(lang)}", st.h1))
        for domain in section.domains:
            if section.has_subsections:
                story.append(para(f"{domain.id} {domain.title.get(lang)}", st.h2))
            for item in domain.items:
                story.append(_item_block(item, lang, st, width))
    return keep_last_with_previous(story)


def build_blank_form_pdf(
    instrument: Instrument,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    check_language(lang)
    check_paper(paper)
    story = blank_form_flowables(instrument, lang=lang, paper=paper)
    header = HeaderInfo(
        left=f"{instrument.short_title.get(lang)} {instrument.version} — {t(lang, 'blank_title')}",
        right=f"{t(lang, 'your_name')}: ____________",
        lang=lang,
        generated=generated or date.today(),
    )
    title = f"{t(lang, 'blank_title')} — {instrument.title.get(lang)}"
    return build_pdf(story, title=title, header=header, paper=paper)
