"""One team member's own answers, comments and scores, for their records.

Only that person's data is printed, never anyone else's: it can be handed to them as is.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.core.instrument import Instrument
from app.core.scoring import Summary, score_answers
from app.reports.common import (
    HeaderInfo,
    Styles,
    build_pdf,
    check_paper,
    content_width,
    data_table,
    esc,
    facts_table,
    fmt_score,
    fmt_value,
    keep_last_with_previous,
    make_styles,
    para,
    value_and_label,
)
from app.reports.labels import check_language, role_label, t
from app.services.report_inputs import RespondentInputs


def _individual_result(
    inst: Instrument, overall: Summary, lang: str, st: Styles, width: float
) -> list[Flowable]:
    """An individual instrument's result: the raw total, its converted 0-100 score and band.

    Each person answers for themselves (no consensus), so this is the person's own result, laid
    out the way the survey reports it: total, table score, band and what the band means.
    """
    table = inst.score_table or {}
    lo, hi = (min(table), max(table)) if table else (0, 0)
    band = inst.band_for(overall.converted)
    rows = [
        (
            t(lang, "raw_total"),
            t(
                lang,
                "raw_total_value",
                total=fmt_value(overall.total, 0, lang),
                lo=lo,
                hi=hi,
            ),
        ),
        (
            t(lang, "converted_score"),
            t(lang, "converted_value", score=fmt_value(overall.converted, 1, lang)),
        ),
        (t(lang, "band"), band.label.get(lang) if band else "–"),
    ]
    out: list[Flowable] = [para(t(lang, "individual_results"), st.h1)]
    out += facts_table(rows, st, width)
    if band is not None:
        out.append(para(band.meaning.get(lang), st.body))
    elif overall.converted is None:
        out.append(para(t(lang, "individual_unscored"), st.body))
    out.append(para(t(lang, "individual_note"), st.small))
    return out


def respondent_pdf(
    inputs: RespondentInputs,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    """One person's own copy: their answers, comments and provisional or final scores."""
    check_language(lang)
    check_paper(paper)
    rnd, person, org, inst, answers = inputs
    card = score_answers(inst, {k: a.choice for k, a in answers.items() if a.choice is not None})
    st = make_styles()
    width = content_width(paper)
    metric = inst.band_metric

    def pick(
        summary_mean: float | None, summary_percent: float | None, summary_total: float | None
    ) -> str:
        value = {"mean": summary_mean, "sum": summary_total}.get(metric, summary_percent)
        return fmt_score(value, metric, lang)

    def band_text(label: str | None, complete: bool) -> str:
        if label is None:
            return "–"
        # An unfinished person's band is provisional, never printed as if final.
        return label if complete else t(lang, "provisional_band", band=label)

    story: list[Flowable] = [para(t(lang, "respondent_title"), st.title)]
    facts = [
        (t(lang, "respondent"), person.display_name),
        (t(lang, "role"), role_label(lang, person.role)),
        (t(lang, "agency"), org.name),
        (t(lang, "round"), rnd.name),
        (t(lang, "instrument"), f"{inst.title.get(lang)} ({inst.id} {inst.version})"),
        (t(lang, "review_period"), f"{rnd.period_start} – {rnd.period_end}"),
        (
            t(lang, "overall_score"),
            f"{pick(card.overall.mean, card.overall.percent, card.overall.total)}"
            f" ({card.overall.answered}/{card.overall.total_items})",
        ),
    ]
    individual = inst.kind == "individual"
    if individual:
        facts[-1] = (t(lang, "answered"), f"{card.overall.answered}/{card.overall.total_items}")
    story += facts_table(facts, st, width)
    if individual:
        story += _individual_result(inst, card.overall, lang, st, width)
    if not card.overall.complete:
        story.append(
            para(
                t(
                    lang,
                    "provisional_note",
                    answered=card.overall.answered,
                    total=card.overall.total_items,
                ),
                st.body,
            )
        )
    story.append(para(t(lang, "scores_by_domain"), st.h1))
    rows: list[list[Flowable | str]] = [
        [
            para(h, st.cell_bold)
            for h in (t(lang, "domain"), t(lang, "answered"), t(lang, "score"), t(lang, "band"))
        ]
    ]
    if individual:  # the table converts the whole total only: domains show their raw totals
        rows[0][2] = para(t(lang, "domain_total"), st.cell_bold)
    for domain in inst.domains:
        summary = card.domains[domain.id]
        band = None if individual else inst.band_for(summary.metric(metric), domain.section_id)
        rows.append(
            [
                para(f"{domain.id} {domain.title.get(lang)}", st.cell),
                f"{summary.answered}/{summary.total_items}",
                fmt_value(summary.total, 0, lang)
                if individual
                else pick(summary.mean, summary.percent, summary.total),
                para(
                    band_text(band.label.get(lang) if band else None, card.overall.complete),
                    st.cell,
                ),
            ]
        )
    story.append(data_table(rows, [width * w for w in (0.5, 0.15, 0.15, 0.2)]))
    story.append(para(t(lang, "answers_given"), st.h1))
    prompt_style = ParagraphStyle("prompt", parent=st.body, spaceBefore=4, spaceAfter=1)
    answer_style = ParagraphStyle("answer", parent=st.body, leftIndent=14, spaceAfter=1)
    for domain in inst.domains:
        story.append(para(f"{domain.id} {domain.title.get(lang)}", st.h2))
        for item in domain.items:
            answer = answers.get(item.id)
            choice = item.scale.choice(answer.choice) if answer and answer.choice else None
            shown = choice.label.get(lang) if choice else t(lang, "unanswered")
            if choice is not None and choice.value is not None:
                shown = value_and_label(choice.value, shown)
            block: list[Flowable] = [
                Paragraph(f"<b>{esc(item.id)}</b> {esc(item.prompt.get(lang))}", prompt_style),
                Paragraph(f"<b>{esc(t(lang, 'answer'))}:</b> {esc(shown)}", answer_style),
            ]
            if answer and answer.comment:
                block.append(
                    para(answer.comment, answer_style, markup=f"<b>{esc(t(lang, 'comment'))}:</b> ")
                )
            # an item, its answer and the person's comment stay on one page when they fit
            story.append(KeepTogether(block))
    story = keep_last_with_previous(story)
    header = HeaderInfo(
        left=f"{org.name} — {rnd.name}",
        right=person.display_name,
        lang=lang,
        generated=generated or date.today(),
    )
    title = f"{t(lang, 'respondent_title')} — {person.display_name} — {rnd.name}"
    return build_pdf(story, title=title, header=header, paper=paper)
