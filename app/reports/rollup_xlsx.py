"""The roll-up as tables: an XLSX workbook (one sheet per table plus a data dictionary) or a CSV.

Headers are words a coordinator understands; numbers are written as numbers and dates as dates,
so sorting, filtering and charts work at once; text cells are always written as text, so an agency
called "=HYPERLINK(…)" stays a name. The data dictionary sheet explains every column and lists the
codes used (domains, items, flags, sources) with their labels.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

import xlsxwriter  # type: ignore[import-untyped]  # no stubs published

from app.core.cells import neutralise_cell
from app.core.instrument import Instrument, Item
from app.services.rollup import FLAG_MEANINGS, MIN_GROUP, AgencyRound, Rollup, Scope, StateStats

Cell = str | int | float | date | None
Kind = Literal["text", "number", "integer", "date"]


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    meaning: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[Column]
    rows: list[list[Cell]]


def _basis(agency: AgencyRound) -> str | None:
    comparison = agency.comparison
    if comparison is None:
        return None
    return "not_comparable" if comparison.reason else comparison.basis


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _scope_title(scope: Scope) -> str:
    return "Overall" if scope.title is None else scope.title.get("en")


_STATS_COLUMNS = [
    Column("Agencies", "integer", "number of agencies with a score here"),
    Column("Mean", "number", "mean across agencies"),
    Column("Median", "number", "state median: half the agencies score at or below it"),
    Column("Q1", "number", "first quartile (inclusive method)"),
    Column("Q3", "number", "third quartile (inclusive method)"),
    Column("Min", "number", "lowest agency score"),
    Column("Max", "number", "highest agency score"),
]


def _stats_cells(stats: StateStats) -> list[Cell]:
    return [stats.n, stats.mean, stats.median, stats.q1, stats.q3, stats.min, stats.max]


def agencies_table(rollup: Rollup) -> Table:
    unit = _unit(rollup.instrument)
    columns = [
        Column("Agency", "text", "the agency's name"),
        Column("Agency UUID", "text", "the agency's permanent id (same in every file it sends)"),
        Column("Site", "text", "site or clinic"),
        Column("Region", "text", "region"),
        Column("State ID", "text", "the agency's state identifier"),
        Column("Reported", "text", "yes when the agency has a round in the period"),
        Column("Round", "text", "the newest round in the period"),
        Column("Round UUID", "text", "the round's permanent id"),
        Column("Period start", "date", "first day of the round's review period"),
        Column("Period end", "date", "last day of the round's review period"),
        Column("Round status", "text", "open or closed"),
        Column("Instrument version", "text", "version of the instrument the round used"),
        Column("Source", "text", "consensus (every item agreed) or team_mean"),
        Column("Team members", "integer", "people who answered in the round"),
        Column("Incomplete", "text", "yes when any flag is set"),
        Column("Flags", "text", "incomplete-data flags, see the codes below"),
        Column("Overall", "number", f"overall official score ({unit})"),
        Column("Overall vs state median", "number", "overall minus the state median"),
        Column("Previous round", "text", "the agency's round before this one"),
        Column(
            "Overall change",
            "number",
            "overall minus the previous round's overall, both on the change basis"
            f" ({'percentage points' if rollup.instrument.band_metric == 'percent' else unit});"
            " empty when the band metric changed",
        ),
        Column(
            "Change basis",
            "text",
            "consensus (both rounds fully agreed) or team_mean (compared like with like)",
        ),
    ]
    columns += [
        Column(f"Domain {d.id}", "number", f"official score of domain {d.id} ({unit})")
        for d in rollup.domains
    ]
    rows: list[list[Cell]] = []
    for a in rollup.agencies:
        org, rnd = a.organization, a.round
        rows.append(
            [
                org.name,
                org.uuid,
                org.site,
                org.region,
                org.state_identifier,
                "yes",
                rnd.name,
                rnd.uuid,
                rnd.period_start,
                rnd.period_end,
                rnd.status,
                a.instrument.version,
                a.source,
                a.respondents,
                _yes(a.incomplete),
                " ".join(a.flags),
                a.score(),
                rollup.vs_median(a),
                a.previous_round.name if a.previous_round else None,
                a.change(),
                _basis(a),
                *(a.score(d.id) for d in rollup.domains),
            ]
        )
    for org in rollup.not_reported:
        rows.append(
            [org.name, org.uuid, org.site, org.region, org.state_identifier, "no"]
            + [None] * (len(columns) - 6)
        )
    return Table("Agencies", columns, rows)


def domains_table(rollup: Rollup) -> Table:
    columns = [
        Column("Scope", "text", "domain id, section id, or 'all' for the whole instrument"),
        Column("Kind", "text", "domain, section or overall"),
        Column("Title", "text", "the scope's title (English)"),
        *_STATS_COLUMNS,
    ]
    rows: list[list[Cell]] = [
        [s.id, s.kind, _scope_title(s), *_stats_cells(rollup.state[s.id])] for s in rollup.scopes
    ]
    return Table("Domains", columns, rows)


def items_table(rollup: Rollup) -> Table:
    reference = rollup.instrument
    columns = [
        Column("Item", "text", "item id"),
        Column("Domain", "text", "the domain holding the item"),
        Column("Prompt", "text", "the item's wording (English)"),
        *_STATS_COLUMNS,
    ]
    rows: list[list[Cell]] = []
    for item_id in rollup.item_ids:
        item = reference.item(item_id) or _find_item(rollup, item_id)
        rows.append(
            [
                item_id,
                item.domain_id if item else None,
                item.prompt.get("en") if item else None,
                *_stats_cells(rollup.item_state[item_id]),
            ]
        )
    return Table("Items", columns, rows)


def _find_item(rollup: Rollup, item_id: str) -> Item | None:
    for agency in rollup.agencies:
        found = agency.instrument.item(item_id)
        if found is not None:
            return found
    return None


def comparison_table(rollup: Rollup) -> Table:
    """One row per agency and scope: the long table for pivots, and the CSV export."""
    columns = [
        Column("Agency", "text", "the agency's name"),
        Column("Agency UUID", "text", "the agency's permanent id"),
        Column("Region", "text", "region"),
        Column("Round", "text", "the agency's newest round in the period"),
        Column("Period end", "date", "last day of the round's review period"),
        Column("Scope", "text", "domain id, section id, or 'all'"),
        Column("Kind", "text", "domain, section or overall"),
        Column("Score", "number", "the agency's official score"),
        Column("State median", "number", "median across agencies"),
        Column("Vs state median", "number", "score minus the state median"),
        Column("State Q1", "number", "first quartile across agencies"),
        Column("State Q3", "number", "third quartile across agencies"),
        Column("Previous", "number", "the agency's previous-round score on the change basis"),
        Column(
            "Change",
            "number",
            "score minus the previous round's score on the same basis (points for percent);"
            " empty when the band metric changed",
        ),
        Column("Change basis", "text", "consensus or team_mean: the basis both sides share"),
        Column("Source", "text", "consensus or team_mean"),
        Column("Incomplete", "text", "yes when the round's data is incomplete"),
    ]
    rows: list[list[Cell]] = []
    for a in rollup.agencies:
        for s in rollup.scopes:
            stats = rollup.state[s.id]
            rows.append(
                [
                    a.organization.name,
                    a.organization.uuid,
                    a.organization.region,
                    a.round.name,
                    a.round.period_end,
                    s.id,
                    s.kind,
                    a.score(s.id),
                    stats.median,
                    rollup.vs_median(a, s.id),
                    stats.q1,
                    stats.q3,
                    a.previous(s.id),
                    a.change(s.id),
                    _basis(a),
                    a.source,
                    _yes(a.incomplete),
                ]
            )
    return Table("Agency vs state", columns, rows)


def _unit(instrument: Instrument) -> str:
    if instrument.band_metric == "percent":
        return "percent of the maximum, 0–100"
    scale = instrument.scale
    return f"mean on the {scale.min_value:g}–{scale.max_value:g} scale"


def rollup_tables(rollup: Rollup) -> list[Table]:
    return [
        agencies_table(rollup),
        domains_table(rollup),
        items_table(rollup),
        comparison_table(rollup),
    ]


def dictionary_rows(rollup: Rollup, tables: Sequence[Table]) -> list[list[str]]:
    """Every column of every sheet, then every code with its label."""
    inst = rollup.instrument
    rows = [["Sheet", "Column", "Type", "Meaning"]]
    for table in tables:
        rows += [[table.name, c.header, c.kind, c.meaning] for c in table.columns]
    rows += [[], ["Code kind", "Code", "", "Label"]]
    rows += [
        [
            "instrument",
            inst.id,
            "",
            f"{inst.title.get('en')} (version {', '.join(rollup.versions)})",
        ]
    ]
    rows += [["scope", s.id, s.kind, _scope_title(s)] for s in rollup.scopes]
    for item_id in rollup.item_ids:
        item = inst.item(item_id)
        rows.append(["item", item_id, "", item.prompt.get("en") if item else ""])
    rows += [["flag", code, "", meaning] for code, meaning in FLAG_MEANINGS.items()]
    rows += [
        ["source", "consensus", "", "every item has an agreed consensus answer"],
        ["source", "team_mean", "", "consensus incomplete: the mean of the team's answers"],
    ]
    rows += [["band", b.id, f"{b.min:g}–{b.max:g}", b.label.get("en")] for b in inst.bands]
    if rollup.suppressed:
        rows.append(
            [
                "Peer group",
                "suppressed",
                "",
                f"fewer than {MIN_GROUP} agencies in the group: its median, quartiles and range"
                " are left out so that they cannot identify an agency",
            ]
        )
    rows += [
        [],
        ["Period", "since", "", rollup.since.isoformat() if rollup.since else "(any)"],
        ["Period", "until", "", rollup.until.isoformat() if rollup.until else "(any)"],
        ["Peer group", "group", "", rollup.group_label or "(all agencies: the whole state)"],
        ["Scores", "unit", "", _unit(inst)],
    ]
    return rows


def build_rollup_xlsx(rollup: Rollup, *, generated: date | None = None) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    created = datetime.combine(generated or date.today(), time())
    group = f" ({rollup.group_label})" if rollup.groups else ""
    workbook.set_properties(
        {"title": f"State roll-up: {rollup.instrument.id}{group}", "created": created}
    )
    bold = workbook.add_format({"bold": True, "bg_color": "#E6E6E6", "text_wrap": True})
    number = workbook.add_format({"num_format": "0.00"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    tables = rollup_tables(rollup)
    for table in tables:
        sheet = workbook.add_worksheet(table.name)
        for col, column in enumerate(table.columns):
            sheet.write_string(0, col, column.header, bold)
            width = 36 if column.header in ("Agency", "Title", "Prompt") else 14
            sheet.set_column(col, col, width)
        for r, row in enumerate(table.rows, 1):
            for col, (value, column) in enumerate(zip(row, table.columns, strict=True)):
                if value is None:
                    continue
                if column.kind == "text":
                    sheet.write_string(r, col, str(value))
                elif column.kind == "date" and isinstance(value, date):
                    sheet.write_datetime(r, col, datetime.combine(value, time()), day)
                elif isinstance(value, int | float):
                    sheet.write_number(r, col, value, number if column.kind == "number" else None)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    sheet = workbook.add_worksheet("Data dictionary")
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 26)
    sheet.set_column(2, 2, 12)
    sheet.set_column(3, 3, 80)
    for r, line in enumerate(dictionary_rows(rollup, tables)):
        for col, text in enumerate(line):
            heading = r == 0 or line[:2] == ["Code kind", "Code"]
            sheet.write_string(r, col, text, bold if heading else None)
    workbook.close()
    return buffer.getvalue()


def build_rollup_csv(rollup: Rollup) -> bytes:
    """The long table (a row per agency and scope) as CSV: UTF-8 with BOM, formulas neutralised."""
    table = comparison_table(rollup)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 4))
    if isinstance(value, int):
        return str(value)
    return neutralise_cell(value)
