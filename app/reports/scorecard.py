"""The round scorecard: what the agency prints after (or during) its consensus meeting.

Scores are the round's *official* values (consensus once every item is agreed, else the team
mean) and the report says which, in words, near the top. Names of team members appear only when
the lead chose to show them; otherwise people are counted and listed by role.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from app.core.exact import exact, round_half_up
from app.core.instrument import Instrument, Item
from app.core.scoring import OVERALL, ItemStats
from app.reports.bands import band_table
from app.reports.common import (
    ChartLegend,
    ChartRow,
    HeaderInfo,
    KeepHeadingWithStart,
    Styles,
    build_pdf,
    check_paper,
    clip,
    content_width,
    data_table,
    domain_bar_chart,
    esc,
    facts_table,
    fmt_score,
    fmt_value,
    make_styles,
    para,
)
from app.reports.labels import check_language, comparison_note, role_label, status_label, t
from app.reports.numbers import fmt_change
from app.reports.provenance import provenance_facts
from app.services.priority_history import PriorityChain
from app.services.redaction import OTHER_ROLES, Redactor, merge_small_roles
from app.services.report_inputs import ScorecardInputs
from app.services.round_scores import RoundComments, RoundScores


def flags_text(stats: ItemStats, lang: str = "en") -> str:
    """Flags as words, never colour: LOW, SPLIT (disagreement), ? (someone answered don't know)."""
    flags = []
    if stats.low:
        flags.append(t(lang, "flag_low"))
    if stats.disagreement:
        flags.append(t(lang, "flag_split"))
    if stats.dont_know:
        flags.append("?")
    return " ".join(flags)


def metric_text(instrument: Instrument, lang: str) -> str:
    if instrument.band_metric == "percent":
        return t(lang, "metric_percent")
    if instrument.band_metric in ("sum", "score"):
        lo, hi = instrument.bands[0].min, instrument.bands[-1].max
        return t(lang, f"metric_{instrument.band_metric}", lo=f"{lo:g}", hi=f"{hi:g}")
    scale = instrument.scale
    return t(lang, "metric_mean", lo=f"{scale.min_value:g}", hi=f"{scale.max_value:g}")


def choice_text(item: Item, code: str | None, lang: str) -> str:
    """A consensus or individual answer: the value for scored choices, else the choice's label."""
    if code is None:
        return "–"
    choice = item.scale.choice(code)
    if choice is None:
        return code
    if choice.value is not None:
        return f"{choice.value:g}"
    return choice.label.get(lang)


def _cover(
    scores: RoundScores, lang: str, st: Styles, width: float, generated: date
) -> list[Flowable]:
    org, rnd, inst = scores.organization, scores.round, scores.instrument
    roles = Counter(p.role for p in scores.respondents)
    by_role = ", ".join(f"{role_label(lang, r)}: {n}" for r, n in sorted(roles.items())) or "–"
    rows = [
        (t(lang, "agency"), org.name),
        # the site this round is for (issue 21), not the agency's own site field
        (t(lang, "site"), scores.site or t(lang, "whole_agency")),
        (t(lang, "round"), rnd.name),
        *provenance_facts(inst, lang),
        (
            t(lang, "review_period"),
            f"{rnd.period_start.isoformat()} – {rnd.period_end.isoformat()}",
        ),
        (t(lang, "date"), generated.isoformat()),
        (t(lang, "respondents_by_role"), f"{len(scores.respondents)} — {by_role}"),
        (t(lang, "counted_people"), f"{len(scores.team.counted)} / {len(scores.respondents)}"),
    ]
    return [
        para(t(lang, "scorecard_title"), st.title),
        para(clip(org.name, 300), st.h2),
        *facts_table(rows, st, width),
    ]


def counting_lines(scores: RoundScores, lang: str, st: Styles, names: bool) -> list[Flowable]:
    """Who the team statistics count, and everyone not counted yet with their progress (by role
    when the round hides names)."""
    inst, team = scores.instrument, scores.team
    share = inst.count_share
    rule = (
        t(lang, "counted_rule_finished")
        if share is None
        else t(lang, "counted_rule_share", share=f"{round_half_up(100 * exact(share), 0)} %")
    )
    out: list[Flowable] = [para(rule, st.body)]
    left_out = [p for p in scores.respondents if not team.is_counted(p.id)]
    if left_out:
        details = "; ".join(
            t(
                lang,
                "not_counted_person",
                name=clip(p.display_name, 60) if names else role_label(lang, p.role),
                answered=team.scorecards[p.id].overall.answered,
                total=team.scorecards[p.id].overall.total_items,
            )
            for p in left_out
        )
        key = "not_counted_one" if len(left_out) == 1 else "not_counted_many"
        out.append(para(t(lang, key, count=len(left_out), details=details), st.body))
    return out


def _overall(
    scores: RoundScores, lang: str, st: Styles, names: bool, width: float
) -> list[Flowable]:
    inst = scores.instrument
    value = scores.official.get(OVERALL)
    band = inst.band_for(value)
    source = t(
        lang,
        "source_individual"
        if inst.kind == "individual"
        else "source_consensus"
        if scores.official_source == "consensus"
        else "source_team_mean",
    )
    out: list[Flowable] = [
        para(t(lang, "overall_score"), st.h1),
        Paragraph(
            f"{esc(fmt_score(value, inst.band_metric, lang))}"
            f" <font size=9>({esc(metric_text(inst, lang))})</font>",
            st.big,
        ),
        Paragraph(f"<b>{esc(t(lang, 'scores_based_on'))}:</b> {esc(source)}.", st.body),
        *counting_lines(scores, lang, st, names),
    ]
    if band is not None:
        out.append(
            Paragraph(
                f"<b>{esc(t(lang, 'band'))}:</b> {esc(band.label.get(lang))} — "
                f"{esc(band.meaning.get(lang))}",
                st.body,
            )
        )
    else:
        out.append(para(t(lang, "no_score"), st.body))
    out += band_table(
        inst.bands, value, inst.band_metric, lang, st, width, title=t(lang, "band_table")
    )
    for section in inst.sections:
        if section.bands:
            out += band_table(
                section.bands,
                scores.official.get(section.id),
                inst.band_metric,
                lang,
                st,
                width,
                title=t(lang, "band_table_section", section=section.id),
            )
    before_round, comparison = scores.previous_round, scores.comparison
    if before_round is not None and comparison is not None:
        # Like with like: both numbers on the compared basis, which may not be the headline's.
        metric = inst.band_metric
        old = comparison.previous.get(OVERALL)
        text = (
            f"{clip(before_round.name, 80)} ({before_round.period_start.isoformat()} – "
            f"{before_round.period_end.isoformat()}): "
            f"{fmt_score(old, comparison.previous_metric, lang)} · "
            f"{t(lang, 'change')}: {fmt_change(comparison.change(OVERALL), metric, lang)}"
        )
        out.append(para(text, st.body, markup=f"<b>{esc(t(lang, 'chart_previous'))}:</b> "))
        out.append(para(comparison_note(lang, comparison), st.small))
    return out


def _scope_range(scores: RoundScores, scope: str) -> tuple[float | None, float | None]:
    team = scores.team
    stats = team.domains.get(scope) or team.sections.get(scope) or team.overall
    dist = stats.metric(scores.instrument.band_metric)
    return dist.min, dist.max


def _chart(scores: RoundScores, lang: str, st: Styles, width: float) -> list[Flowable]:
    inst = scores.instrument
    percent = inst.band_metric == "percent"
    team_mean = scores.official_source != "consensus"
    comparison = scores.comparison
    # The dashed previous bar only when it is on the same basis and metric as the bars drawn.
    prev = (
        comparison.previous
        if comparison is not None
        and comparison.reason is None
        and comparison.basis == comparison.current_official_basis
        else {}
    )
    rows = []
    for domain in inst.domains:
        low, high = _scope_range(scores, domain.id) if team_mean else (None, None)
        rows.append(
            ChartRow(
                f"{domain.id} {domain.title.get(lang)}",
                scores.official.get(domain.id),
                low,
                high,
                prev.get(domain.id),
            )
        )
    ticks: list[float] | None
    if percent:
        vmin, vmax, ticks = 0.0, 100.0, [0.0, 25.0, 50.0, 75.0, 100.0]
    elif inst.band_metric in ("sum", "score"):  # on the whole score's range
        vmin, vmax, ticks = inst.bands[0].min, inst.bands[-1].max, None
    else:
        vmin, vmax = inst.scale.min_value, inst.scale.max_value
        ticks = inst.scale.scored_values if len(inst.scale.scored_values) <= 11 else None
    previous = t(lang, "chart_previous")
    if scores.previous_round is not None:
        previous += f" ({clip(scores.previous_round.name, 40)})"
    legend = ChartLegend(t(lang, "chart_current"), previous, t(lang, "chart_range"))
    drawing = domain_bar_chart(
        rows,
        vmin=vmin,
        vmax=vmax,
        width=width,
        legend=legend,
        percent=percent,
        ticks=ticks,
        lang=lang,
    )
    return [KeepTogether([para(t(lang, "domain_chart"), st.h1), drawing])]


def _domain_tables(scores: RoundScores, lang: str, st: Styles, width: float) -> list[Flowable]:
    inst = scores.instrument
    metric = inst.band_metric
    comparison = scores.comparison
    out: list[Flowable] = [para(t(lang, "domain_scores"), st.h1)]
    if comparison is not None:
        out.append(para(comparison_note(lang, comparison), st.small))
    heads = [t(lang, "domain"), t(lang, "score"), t(lang, "band"), t(lang, "team_range")]
    widths = [0.46, 0.14, 0.21, 0.19]
    if comparison is not None:
        heads += [t(lang, "previous"), t(lang, "change")]
        widths = [0.32, 0.13, 0.17, 0.16, 0.11, 0.11]
    for section in inst.sections:
        rows: list[list[Flowable | str]] = [[para(h, st.cell_bold) for h in heads]]
        scopes = [(d.id, f"{d.id} {d.title.get(lang)}", False) for d in section.domains]
        if section.has_subsections:  # a section holding items directly is its one domain
            scopes.append(
                (section.id, f"{t(lang, 'section_total')}: {section.title.get(lang)}", True)
            )
        for scope, label, bold in scopes:
            value = scores.official.get(scope)
            band = inst.band_for(value, section.id)
            lo, hi = _scope_range(scores, scope)
            row: list[Flowable | str] = [
                para(label, st.cell_bold if bold else st.cell),
                fmt_score(value, metric, lang),
                para(band.label.get(lang) if band else "–", st.cell),
                f"{fmt_score(lo, metric, lang)}–{fmt_score(hi, metric, lang)}",
            ]
            if comparison is not None:
                row += [
                    fmt_score(comparison.previous.get(scope), comparison.previous_metric, lang),
                    fmt_change(comparison.change(scope), metric, lang),
                ]
            rows.append(row)
        out.append(para(f"{section.id} {section.title.get(lang)}", st.h2))
        shaded = [len(rows) - 1] if section.has_subsections else []
        out.append(data_table(rows, [width * w for w in widths], shaded_rows=shaded))
    return out


def _item_table(scores: RoundScores, lang: str, st: Styles, width: float) -> list[Flowable]:
    inst = scores.instrument
    heads = [
        t(lang, "item"),
        t(lang, "prompt"),
        t(lang, "team_mean"),
        t(lang, "min_max"),
        t(lang, "consensus"),
        t(lang, "flags"),
    ]
    # An individual instrument has no consensus: its column would only ever print "–".
    individual = inst.kind == "individual"
    if individual:
        heads.remove(t(lang, "consensus"))
    rows: list[list[Flowable | str]] = [[para(h, st.cell_bold) for h in heads]]
    for item in inst.iter_items():
        stats = scores.team.items[item.id]
        dist = stats.values
        cells: list[Flowable | str] = [
            item.id,
            para(item.prompt.get(lang), st.cell),  # wraps; item wording is never cut
            fmt_value(dist.mean, lang=lang),
            f"{fmt_value(dist.min, 0, lang)}–{fmt_value(dist.max, 0, lang)}" if dist.n else "–",
            para(choice_text(item, scores.consensus_choices.get(item.id), lang), st.cell),
            para(flags_text(stats, lang), st.cell_bold),
        ]
        if individual:
            del cells[4]
        rows.append(cells)
    widths = [0.08, 0.5, 0.12, 0.13, 0.17] if individual else [0.08, 0.43, 0.1, 0.11, 0.14, 0.14]
    return [
        para(t(lang, "item_table"), st.h1),
        data_table(rows, [width * w for w in widths]),
        Spacer(1, 3),
        para(t(lang, "flag_legend"), st.small),
    ]


def _discuss(scores: RoundScores, lang: str, st: Styles, names: bool) -> list[Flowable]:
    inst = scores.instrument
    redact: Callable[[str], str] = (
        str
        if names
        else Redactor((p.display_name, role_label(lang, p.role)) for p in scores.respondents)
    )
    out: list[Flowable] = [
        PageBreak(),
        para(t(lang, "items_to_discuss"), st.h1),
        para(t(lang, "items_to_discuss_intro"), st.body),
    ]
    # flagged items, plus any item the meeting wrote a rationale for (so none is left out)
    flagged = [
        s
        for s in scores.team.items.values()
        if s.flagged or scores.consensus_rationales.get(s.item_id)
    ]
    if not flagged:
        out.append(para(t(lang, "nothing_to_discuss"), st.body))
    for stats in flagged:
        item = inst.item(stats.item_id)
        if item is None:
            continue
        dist = stats.values
        flags = flags_text(stats, lang)
        facts = (
            (f"{t(lang, 'flags')}: {flags} · " if flags else "") + f"{t(lang, 'team_mean')}: "
            f"{fmt_value(dist.mean, lang=lang)} · {t(lang, 'min_max')}: "
            f"{fmt_value(dist.min, 0, lang)}–{fmt_value(dist.max, 0, lang)} · "
            f"{t(lang, 'consensus')}: "
            f"{choice_text(item, scores.consensus_choices.get(item.id), lang)}"
        )
        block: list[Flowable] = [
            Paragraph(f"<b>{esc(item.id)}</b> {esc(item.prompt.get(lang))}", st.h3),
            para(facts, st.small),
        ]
        out.append(KeepTogether(block))
        rationale = redact(scores.consensus_rationales.get(item.id) or "")
        if rationale:
            out.append(para(rationale, st.body, markup=f"<b>{esc(t(lang, 'rationale'))}:</b> "))
    return out


def _people(
    scores: RoundScores, lang: str, st: Styles, width: float, names: bool
) -> list[Flowable]:
    """Each person by name when the lead chose names; otherwise one line per role, no names.

    By role, a line gives how many people, the items they answered and their mean score, so the
    printout does not tie a score to a person any more than the role itself does.
    """
    inst = scores.instrument
    metric = inst.band_metric
    out: list[Flowable] = [para(t(lang, "respondent_list"), st.h1)]

    def score_of(person_id: int) -> float | None:
        card = scores.team.scorecards[person_id].overall
        return card.metric(metric)

    rows: list[list[Flowable | str]]
    if names:
        heads = [t(lang, "name"), t(lang, "role"), t(lang, "answered"), t(lang, "score")]
        rows = [[para(h, st.cell_bold) for h in heads]]
        for person in scores.respondents:
            card = scores.team.scorecards[person.id].overall
            rows.append(
                [
                    para(clip(person.display_name, 300), st.cell),
                    para(role_label(lang, person.role), st.cell),
                    para(
                        f"{card.answered}/{card.total_items}"
                        + (
                            ""
                            if scores.team.is_counted(person.id)
                            else f" ({t(lang, 'not_counted_short')})"
                        ),
                        st.cell,
                    ),
                    fmt_score(score_of(person.id), metric, lang),
                ]
            )
        widths = [0.4, 0.3, 0.15, 0.15]
    else:
        out.append(para(t(lang, "names_hidden"), st.small))
        heads = [t(lang, "role"), t(lang, "people"), t(lang, "answered"), t(lang, "role_mean")]
        rows = [[para(h, st.cell_bold) for h in heads]]
        by_role: dict[str, list[int]] = {}
        for person in scores.respondents:
            by_role.setdefault(person.role, []).append(person.id)
        # A role held by one person would print that person's score: pooled (docs/score-json.md).
        by_role = merge_small_roles(by_role)
        order = sorted(by_role, key=lambda r: (r == OTHER_ROLES, role_label(lang, r)))
        for role in order:
            ids = by_role[role]
            cards = [scores.team.scorecards[i].overall for i in ids]
            values = [v for v in (score_of(i) for i in ids) if v is not None]
            mean = sum(values) / len(values) if values else None
            rows.append(
                [
                    para(role_label(lang, role), st.cell),
                    str(len(ids)),
                    f"{sum(c.answered for c in cards)}/{sum(c.total_items for c in cards)}",
                    fmt_score(mean, metric, lang),
                ]
            )
        widths = [0.43, 0.17, 0.2, 0.2]
    out.append(data_table(rows, [width * w for w in widths]))
    return [KeepHeadingWithStart(out)]


def _comments(
    scores: RoundScores, comments: RoundComments, lang: str, st: Styles, names: bool
) -> list[Flowable]:
    """Each item's comments, in the instrument's order: by name when names are shown, else by
    role under the roles-only rule (one-person roles pooled into Other roles, names in the text
    replaced by role labels, app/services/redaction.py). Comments are free text: escaped."""
    redact: Callable[[str], str] = str
    if names:
        who = {p.id: p.display_name for p in scores.respondents}
    else:
        by_role: dict[str, list[int]] = {}
        for person in scores.respondents:
            by_role.setdefault(person.role, []).append(person.id)
        who = {
            pid: role_label(lang, role)
            for role, ids in merge_small_roles(by_role).items()
            for pid in ids
        }
        redact = Redactor((p.display_name, role_label(lang, p.role)) for p in comments.everyone)
    out: list[Flowable] = [PageBreak(), para(t(lang, "team_comments"), st.h1)]
    if not names:
        out.append(para(t(lang, "team_comments_by_role"), st.small))
    order = [p.id for p in scores.respondents]
    found = False
    for item in scores.instrument.iter_items():
        said = [
            (who[pid], redact(comments.by_person[pid][item.id]))
            for pid in order
            if pid in who and item.id in comments.by_person.get(pid, {})
        ]
        if not said:
            continue
        found = True
        if not names:  # by role, the order of the team list would still point at a person
            said.sort()
        out.append(Paragraph(f"<b>{esc(item.id)}</b> {esc(item.prompt.get(lang))}", st.h3))
        for label, text in said:
            out.append(para(text, st.body, markup=f"<b>{esc(label)}:</b> "))
    if not found:
        out.append(para(t(lang, "no_team_comments"), st.body))
    return out


def scorecard_flowables(
    scores: RoundScores,
    *,
    lang: str,
    paper: str,
    names: bool,
    generated: date | None = None,
    comments: RoundComments | None = None,
    chains: list[PriorityChain] | None = None,
) -> list[Flowable]:
    """The scorecard's content, reusable inside a bigger document (e.g. a state roll-up);
    `comments` adds the team's comments (left out by default: free text may name clients);
    `chains`: the round's priorities with their history, when the caller has them."""
    st = make_styles()
    width = content_width(paper)
    story: list[Flowable] = []
    story += _cover(scores, lang, st, width, generated or date.today())
    story += _overall(scores, lang, st, names, width)
    story += _chart(scores, lang, st, width)
    story += _domain_tables(scores, lang, st, width)
    story += _item_table(scores, lang, st, width)
    if scores.instrument.kind != "individual":  # no meeting, so nothing to discuss in one
        story += _discuss(scores, lang, st, names)
    story += _priorities(chains or [], scores, lang, paper, names)
    story += _people(scores, lang, st, width, names)
    if comments is not None:
        story += _comments(scores, comments, lang, st, names)
    return story


def _priorities(
    chains: list[PriorityChain], scores: RoundScores, lang: str, paper: str, names: bool
) -> list[Flowable]:
    """The round's priorities: how each stands, which came from earlier rounds, how they ended.
    Roles only (`names` false): a team member's name in a goal becomes their role, as in
    `_discuss`."""
    if not chains:
        return []
    instrument = scores.instrument
    redact: Callable[[str], str] = (
        str
        if names
        else Redactor((p.display_name, role_label(lang, p.role)) for p in scores.respondents)
    )
    from app.reports.action_plan import scope_title

    st = make_styles()
    width = content_width(paper)
    heads = [t(lang, "priority_col"), t(lang, "status"), t(lang, "history_col")]
    rows: list[list[Flowable | str]] = [[para(h, st.cell_bold) for h in heads]]
    for history in chains:
        p = history.priority
        notes = []
        if history.carried:
            notes.append(t(lang, "carried_from", round=history.first_round_name))
        if history.cycles:
            act = history.last_decision
            notes.append(
                t(
                    lang,
                    "chain_cycles",
                    first=history.cycles[0].number,
                    last=history.cycles[-1].number,
                    act=t(lang, f"act_{act}") if act else t(lang, "no_decision"),
                )
            )
        if history.carried_on_to:
            notes.append(t(lang, "carried_on", round=history.carried_on_to))
        title = scope_title(instrument, p, lang) + (f": {redact(p.goal)}" if p.goal else "")
        rows.append(
            [
                para(clip(title, 200), st.cell),
                para(status_label(lang, p.status), st.cell),
                para("; ".join(notes), st.cell),
            ]
        )
    table = data_table(rows, [width * w for w in (0.42, 0.16, 0.42)])
    return [KeepHeadingWithStart([para(t(lang, "priorities_section"), st.h1), table])]


def scorecard_pdf(
    inputs: ScorecardInputs,
    *,
    lang: str = "en",
    paper: str = "letter",
    show_names: bool | None = None,
    generated: date | None = None,
) -> bytes:
    """The scorecard PDF of a round; `show_names=None` follows the round's own setting. The
    team's comments print when the inputs carry them (off by default, issue 15)."""
    check_language(lang)
    check_paper(paper)
    scores = inputs.scores
    names = scores.round.show_names if show_names is None else show_names
    day = generated or date.today()
    story = scorecard_flowables(
        scores,
        lang=lang,
        paper=paper,
        names=names,
        generated=day,
        comments=inputs.comments,
        chains=inputs.chains,
    )
    header = HeaderInfo(
        left=f"{scores.organization.name} — {scores.round.name}",
        right=scores.instrument.short_title.get(lang),
        lang=lang,
        generated=day,
    )
    title = f"{t(lang, 'scorecard_title')} — {scores.organization.name} — {scores.round.name}"
    return build_pdf(story, title=title, header=header, paper=paper)
