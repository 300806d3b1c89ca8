"""The action plan: a summary of every priority, then one worksheet page per priority.

Each page is laid out so the team can work from the printout too: every field has ruled space
under what is already recorded, and a blank PDSA cycle follows the recorded ones, because the
next cycle is usually planned around the printed page, pen in hand.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, TableStyle

from app.core.instrument import Instrument
from app.core.models import (
    IMPLEMENTATION_FIELDS,
    PLAN_FIELDS,
    PRIORITY_STATUSES,
    PdsaCycle,
    Priority,
)
from app.reports.common import (
    HeaderInfo,
    RuledLines,
    Styles,
    build_pdf,
    check_paper,
    clip,
    content_width,
    data_table,
    esc,
    facts_table,
    make_styles,
    para,
)
from app.reports.labels import check_language, status_label, t
from app.services.priority_history import PriorityChain
from app.services.report_inputs import ActionPlanInputs

BOX = "☐"
TICKED = "☒"


def scope_title(instrument: Instrument, priority: Priority, lang: str) -> str:
    """ "Domain 1.1 Activating…" or "Item 1.1.2 Staff…", whatever the priority is about."""
    if priority.scope_kind == "domain":
        domain = instrument.domain(priority.scope_id)
        name = domain.title.get(lang) if domain else ""
    else:
        item = instrument.item(priority.scope_id)
        name = item.prompt.get(lang) if item else ""
    return f"{t(lang, 'scope_' + priority.scope_kind)} {priority.scope_id} {name}".strip()


def _suggestions(instrument: Instrument, priority: Priority, lang: str) -> list[str]:
    domain_id = priority.scope_id
    if priority.scope_kind == "item":
        item = instrument.item(priority.scope_id)
        domain_id = item.domain_id if item else ""
    domain = instrument.domain(domain_id)
    return [s.get(lang) for s in domain.suggestions] if domain else []


LINE = 6.5 * mm  # room for one handwritten line


def _field(label: str, value: str, st: Styles, width: float, lines: int) -> list[Flowable]:
    """A labelled field: what is recorded, or else ruled space to write it by hand."""
    out: list[Flowable] = [para(value, st.body, markup=f"<b>{esc(label)}:</b> ")]
    if lines and not value:
        out.append(RuledLines(lines, width, LINE))
    return out


CELL_LIMIT = 600  # longer text goes in paragraphs, which (unlike table rows) split across pages


def _write_in(value: str, st: Styles, width: float) -> Flowable:
    """A table cell: the recorded text, or one ruled line to write on."""
    return para(value, st.cell) if value else RuledLines(1, width, LINE)


def _labelled_rows(
    pairs: list[tuple[str, str]], st: Styles, width: float, label_share: float = 0.25
) -> list[Flowable]:
    """Label | value rows (a value cell is ruled when empty), as on a paper worksheet.

    When any value is too long for a table row, the fields are printed as paragraphs instead,
    so nothing the team wrote is ever cut off.
    """
    if any(len(value) > CELL_LIMIT for _, value in pairs):
        return [para(value, st.body, markup=f"<b>{esc(label)}:</b> ") for label, value in pairs]
    value_width = width * (1 - label_share) - 12
    rows: list[list[Flowable | str]] = [
        [para(label, st.cell_bold), _write_in(value, st, value_width)] for label, value in pairs
    ]
    return [data_table(rows, [width * label_share, width * (1 - label_share)], header_rows=0)]


# Handwritten lines for the blank Plan's longer answers: a change idea and a prediction take
# sentences, not a word (the other fields keep one line each).
PLAN_LINES = {"what": 3, "prediction": 3}


def _blank_plan(lang: str, st: Styles, width: float) -> Flowable:
    """The Plan of an empty cycle, two fields to a row where short answers are expected."""
    label_w, pair_w = width * 0.17, width * 0.33
    cell = pair_w - 12
    wide = width - label_w - 12

    def label(key: str) -> Flowable:
        return para(t(lang, f"plan_{key}"), st.cell_bold)

    rows: list[list[Flowable | str]] = [
        [label("what"), RuledLines(PLAN_LINES["what"], wide, LINE), "", ""],
        [label("prediction"), RuledLines(PLAN_LINES["prediction"], wide, LINE), "", ""],
        [label("who"), RuledLines(1, cell, LINE), label("when"), RuledLines(1, cell, LINE)],
        [label("where"), RuledLines(1, cell, LINE), label("collector"), RuledLines(1, cell, LINE)],
        [label("data"), RuledLines(1, wide, LINE), "", ""],
    ]
    table = data_table(rows, [label_w, pair_w, label_w, pair_w], header_rows=0)
    table.setStyle(TableStyle([("SPAN", (1, r), (3, r)) for r in (0, 1, 4)]))
    return table


def _boxes(options: list[tuple[str, str]], chosen: str) -> str:
    """Tick boxes as markup, the chosen one ticked; labels are escaped here."""
    return "&nbsp;&nbsp;&nbsp; ".join(
        f'<font size="11">{TICKED if key == chosen else BOX}</font>&nbsp;'
        f"{esc(label).replace(' ', '&nbsp;')}"
        for key, label in options
    )


def _cycle(
    cycle: PdsaCycle | None,
    number: int,
    lang: str,
    st: Styles,
    width: float,
    round_name: str | None = None,
) -> list[Flowable]:
    heading = t(lang, "cycle", n=number) if cycle else t(lang, "blank_cycle")
    if cycle and round_name is not None:  # an earlier round's record, carried with the priority
        heading = t(lang, "cycle_in_round", n=number, round=round_name)
    out: list[Flowable] = [para(heading, st.h2), para(t(lang, "plan"), st.h3)]
    if cycle is None:
        out.append(_blank_plan(lang, st, width))
    else:
        pairs = [(t(lang, f"plan_{key}"), cycle.plan.get(key, "")) for key in PLAN_FIELDS]
        out += _labelled_rows(pairs, st, width)
    for key, value in (
        ("do", cycle.do_notes if cycle else ""),
        ("study", cycle.study_notes if cycle else ""),
    ):
        out.append(para(t(lang, key), st.h3))
        if value:
            out.append(para(value, st.body))
        else:
            out.append(RuledLines(3, width, LINE))
    out.append(para(t(lang, "act"), st.h3))
    act = cycle.act if cycle else ""
    options = [(choice, t(lang, "act_" + choice)) for choice in ("adopt", "adapt", "abandon")]
    out.append(Paragraph(_boxes(options, act), st.body))
    if cycle and cycle.act_notes:
        out.append(para(cycle.act_notes, st.body))
    else:
        out.append(RuledLines(2, width, LINE))
    return out


def _summary(
    instrument: Instrument, priorities: list[Priority], lang: str, st: Styles, width: float
) -> list[Flowable]:
    out: list[Flowable] = [para(t(lang, "summary"), st.h1)]
    if not priorities:
        out.append(para(t(lang, "no_priorities"), st.body))
    heads = (
        "#",
        t(lang, "focus"),
        t(lang, "goal"),
        t(lang, "owner"),
        t(lang, "due"),
        t(lang, "status"),
    )
    rows: list[list[Flowable | str]] = [[para(h, st.cell_bold) for h in heads]]
    for n, p in enumerate(priorities, 1):
        rows.append(
            [
                str(n),
                para(clip(scope_title(instrument, p, lang), 120), st.cell),
                para(clip(p.goal, 300), st.cell),
                para(clip(p.owner, 120), st.cell),
                p.due_date.isoformat() if p.due_date else "",
                para(status_label(lang, p.status), st.cell),
            ]
        )
    # blank rows to add priorities by hand
    blank = max(2, 5 - len(priorities))
    rows += [[str(len(priorities) + k + 1), "", "", "", "", ""] for k in range(blank)]
    heights: list[float | None] = [None] * (len(priorities) + 1) + [24.0] * blank
    widths = [width * w for w in (0.05, 0.27, 0.31, 0.13, 0.12, 0.12)]
    out.append(data_table(rows, widths, row_heights=heights))
    return out


def _priority_page(
    instrument: Instrument,
    priority: Priority | None,
    number: int,
    cycles: list[PdsaCycle],
    lang: str,
    st: Styles,
    width: float,
    history: PriorityChain | None = None,
) -> list[Flowable]:
    out: list[Flowable] = [PageBreak()]
    if priority is None:
        out.append(para(f"{t(lang, 'priority')}", st.h1))
        out += _field(t(lang, "focus"), "", st, width, 1)
    else:
        heading = f"{t(lang, 'priority')} {number}: {scope_title(instrument, priority, lang)}"
        out.append(para(heading, st.h1))
    goal = priority.goal if priority else ""
    out += _field(t(lang, "goal"), goal, st, width, 2)
    if priority is None:
        status: Flowable = Paragraph(
            _boxes([(s, status_label(lang, s)) for s in PRIORITY_STATUSES], ""), st.cell
        )
    else:
        status = para(status_label(lang, priority.status), st.cell)
    dates = [
        priority.start_date if priority else None,
        priority.due_date if priority else None,
    ]
    owner = priority.owner if priority else ""
    facts: list[Flowable | str] = [
        # an empty cell still leaves room to write in
        para(clip(owner, 300), st.cell) if owner else "",
        *(para(d.isoformat(), st.cell) if d else "" for d in dates),
        status,
    ]
    heads = [t(lang, k) for k in ("owner", "start", "due", "status")]
    out.append(Spacer(1, 4))
    out.append(
        data_table(
            [[para(h, st.cell_bold) for h in heads], facts],
            [width * w for w in (0.3, 0.16, 0.16, 0.38)],
            row_heights=[None, None if priority else 30],
        )
    )
    if len(owner) > 300:  # cut short in the table above: printed in full here
        out.append(para(owner, st.body, markup=f"<b>{esc(t(lang, 'owner'))}:</b> "))
    # AHRQ's implementation steps: who the change is for, supports, roles and training.
    out.append(para(t(lang, "implementation"), st.h2))
    out += _labelled_rows(
        [
            (t(lang, key), getattr(priority, key) if priority else "")
            for key in IMPLEMENTATION_FIELDS
        ],
        st,
        width,
    )
    out.append(para(t(lang, "measure"), st.h2))
    pairs = [
        (t(lang, key), getattr(priority, key) if priority else "")
        for key in ("measure_how", "measure_who", "measure_frequency")
    ]
    out += _labelled_rows(pairs, st, width)
    if priority is not None:
        ideas = _suggestions(instrument, priority, lang)
        if ideas:
            block: list[Flowable] = [para(t(lang, "suggestions"), st.h3)]
            block += [para(idea, st.small, markup="• ") for idea in ideas]
            out.append(KeepTogether(block))
    if history is not None and history.carried:
        out += _history(history, lang, st)
    numbered = (
        [(c.number, c.cycle, None if c.own else c.round_name) for c in history.cycles]
        if history is not None
        else [(n, c, None) for n, c in enumerate(cycles, 1)]
    )
    for n, cycle, round_name in numbered:
        out.append(Spacer(1, 4))
        out += _cycle(cycle, n, lang, st, width, round_name)
    out.append(Spacer(1, 4))
    out.append(KeepTogether(_cycle(None, len(numbered) + 1, lang, st, width)))
    return out


def _history(history: PriorityChain, lang: str, st: Styles) -> list[Flowable]:
    """Where a carried priority came from and what was decided on the way."""
    out: list[Flowable] = [para(t(lang, "priority_history"), st.h2)]
    out.append(
        para(
            t(lang, "first_raised", round=history.first_round_name, n=history.rounds_before),
            st.body,
        )
    )
    if history.cycles:
        act = history.last_decision
        out.append(
            para(
                t(
                    lang,
                    "chain_cycles",
                    first=history.cycles[0].number,
                    last=history.cycles[-1].number,
                    act=t(lang, f"act_{act}") if act else t(lang, "no_decision"),
                ),
                st.body,
            )
        )
    return out


def action_plan_pdf(
    inputs: ActionPlanInputs,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    """The round's action plan: a summary, then a page per priority with its carried history."""
    check_language(lang)
    check_paper(paper)
    rnd, org, instrument, priorities, chains = inputs
    st = make_styles()
    width = content_width(paper)
    facts = [
        (t(lang, "agency"), org.name),
        (t(lang, "round"), rnd.name),
        (
            t(lang, "instrument"),
            f"{instrument.title.get(lang)} ({instrument.id}, {t(lang, 'version')} "
            f"{instrument.version})",
        ),
        (t(lang, "review_period"), f"{rnd.period_start} – {rnd.period_end}"),
    ]
    story: list[Flowable] = [
        para(t(lang, "action_plan_title"), st.title),
        *facts_table(facts, st, width),
    ]
    story += _summary(instrument, priorities, lang, st, width)
    if not priorities:
        story += _priority_page(instrument, None, 1, [], lang, st, width)
    for n, priority in enumerate(priorities, 1):
        story += _priority_page(instrument, priority, n, [], lang, st, width, chains[priority.id])
    header = HeaderInfo(
        left=f"{org.name} — {rnd.name}",
        right=t(lang, "action_plan_title"),
        lang=lang,
        generated=generated or date.today(),
    )
    title = f"{t(lang, 'action_plan_title')} — {org.name} — {rnd.name}"
    return build_pdf(story, title=title, header=header, paper=paper)
