"""The roll-up as tables: an XLSX workbook (one sheet per table plus a data dictionary) or a CSV.

Headers are words a coordinator understands; numbers are written as numbers and dates as dates,
so sorting, filtering and charts work at once; text cells are always written as text, so an agency
called "=HYPERLINK(…)" stays a name. The data dictionary sheet explains every column and lists the
codes used (domains, items, flags, sources) with their labels.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Literal

import xlsxwriter  # type: ignore[import-untyped]  # no stubs published

from app.core.cells import XLSX_WORKBOOK_OPTIONS, neutralise_cell
from app.core.collector import collector_paused
from app.core.instrument import Instrument, Item
from app.reports.labels import check_language
from app.services.rollup import FLAG_MEANINGS, MIN_GROUP, AgencyRound, Rollup, Scope, StateStats

Cell = str | int | float | date | None

NEUTRALISING_RULE = (
    "CSV: a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe"
    " ('@Home becomes '@Home), so a spreadsheet never runs it as a formula. XLSX: every text cell"
    " is stored as text, which no spreadsheet runs, so it is kept exactly as written (@Home)."
)
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


# Spanish headers, sheet names and dictionary headings for `lang="es"`. Codes (flags, sources,
# kinds, scope and item ids, yes/no, open/closed) stay as they are in every language, so scripts
# and pivots keep working; only the words people read change.
_ES: dict[str, str] = {
    "Agency": "Organización",
    "Agency UUID": "UUID de la organización",
    "Site": "Sede",
    "Sites": "Sedes",
    "Region": "Región",
    "State ID": "ID estatal",
    "Reported": "Con datos",
    "Round": "Ronda",
    "Round UUID": "UUID de la ronda",
    "Period start": "Inicio del período",
    "Period end": "Fin del período",
    "Round status": "Estado de la ronda",
    "Instrument version": "Versión del instrumento",
    "Source": "Fuente",
    "Team members": "Integrantes",
    "Incomplete": "Incompleto",
    "Flags": "Señales",
    "Overall": "Global",
    "Overall vs state median": "Global frente a la mediana estatal",
    "Previous round": "Ronda anterior",
    "Overall change": "Cambio global",
    "Change basis": "Base del cambio",
    "Domain {id}": "Dominio {id}",
    "Agencies": "Organizaciones",
    "Mean": "Media",
    "Median": "Mediana",
    "Min": "Mín",
    "Max": "Máx",
    "Scope": "Ámbito",
    "Kind": "Tipo",
    "Title": "Título",
    "Item": "Ítem",
    "Domain": "Dominio",
    "Prompt": "Enunciado",
    "Score": "Puntuación",
    "State median": "Mediana estatal",
    "Vs state median": "Frente a la mediana estatal",
    "State Q1": "Q1 estatal",
    "State Q3": "Q3 estatal",
    "Previous": "Anterior",
    "Change": "Cambio",
    "Agency vs state": "Organización y estado",
    "Domains": "Dominios",
    "Items": "Ítems",
    "Data dictionary": "Diccionario de datos",
    "Sheet": "Hoja",
    "Column": "Columna",
    "Type": "Tipo",
    "Meaning": "Significado",
    "Code kind": "Tipo de código",
    "Code": "Código",
    "Label": "Etiqueta",
    "Period": "Período",
    "Scores": "Puntuaciones",
    "Peer group": "Grupo de pares",
    "State roll-up": "Resumen estatal",
    "Page": "Página",
}


# The data dictionary's meanings in Spanish (English is the key); meanings built with a unit are
# matched by pattern in `meaning`.
_ES_MEANINGS: dict[str, str] = {
    f"fewer than {MIN_GROUP} agencies in the group: its median, quartiles and range are left out"
    " so that they cannot identify an agency": f"menos de {MIN_GROUP} organizaciones en el grupo:"
    " se omiten su mediana, cuartiles y rango para que no identifiquen a ninguna organización",
    "(all agencies: the whole state)": "(todas las organizaciones: todo el estado)",
    NEUTRALISING_RULE: "CSV: una celda de texto que empieza por = + - @, un tabulador o un retorno"
    " de carro lleva delante un apóstrofo ('@Home pasa a '@Home), para que ninguna hoja de"
    " cálculo la ejecute como fórmula. XLSX: cada celda de texto se guarda como texto, que"
    " ninguna hoja de cálculo ejecuta, así que queda tal cual (@Home).",
    "number of agencies with a score here": "número de organizaciones con puntuación aquí",
    "mean across agencies": "media entre organizaciones",
    "state median: half the agencies score at or below it": "mediana estatal: la mitad de las"
    " organizaciones puntúa igual o por debajo",
    "first quartile (inclusive method)": "primer cuartil (método inclusivo)",
    "third quartile (inclusive method)": "tercer cuartil (método inclusivo)",
    "lowest agency score": "puntuación más baja entre organizaciones",
    "highest agency score": "puntuación más alta entre organizaciones",
    "the agency's name": "nombre de la organización",
    "the agency's permanent id (same in every file it sends)": "identificador permanente de la"
    " organización (el mismo en todos sus archivos)",
    "the agency's permanent id": "identificador permanente de la organización",
    "site or clinic": "sede o clínica",
    "the site the round is for; empty: the whole agency": "sede a la que corresponde la ronda;"
    " vacío: toda la organización",
    "the site's newest round in the period": "la ronda más reciente de la sede en el período",
    "the peer group compared (NAME=VALUE); empty: the whole state": "grupo de pares comparado"
    " (NOMBRE=VALOR); vacío: todo el estado",
    "region": "región",
    "the agency's state identifier": "identificador estatal de la organización",
    "yes when the agency has a round in the period": "yes si la organización tiene una ronda en"
    " el período",
    "the newest round in the period": "la ronda más reciente del período",
    "the agency's newest round in the period": "la ronda más reciente de la organización en el"
    " período",
    "the round's permanent id": "identificador permanente de la ronda",
    "first day of the round's review period": "primer día del período evaluado",
    "last day of the round's review period": "último día del período evaluado",
    "open or closed": "open (abierta) o closed (cerrada)",
    "version of the instrument the round used": "versión del instrumento usada en la ronda",
    "consensus (every item agreed) or team_mean": "consensus (todos los ítems acordados) o"
    " team_mean",
    "people who answered in the round": "personas que respondieron en la ronda",
    "yes when any flag is set": "yes si hay alguna señal",
    "incomplete-data flags, see the codes below": "señales de datos incompletos; ver los códigos"
    " más abajo",
    "overall minus the state median": "global menos la mediana estatal",
    "the agency's round before this one": "la ronda anterior de la organización",
    "domain id, section id, or 'all' for the whole instrument": "id del dominio, id de la"
    " sección, o 'all' para todo el instrumento",
    "domain id, section id, or 'all'": "id del dominio, id de la sección, o 'all'",
    "domain, section or overall": "domain (dominio), section (sección) u overall (global)",
    "the scope's title, in the workbook's language": "título del ámbito, en el idioma del libro",
    "item id": "id del ítem",
    "the domain holding the item": "dominio al que pertenece el ítem",
    "the item's wording, in the workbook's language": "enunciado del ítem, en el idioma del libro",
    "the agency's official score": "puntuación oficial de la organización",
    "median across agencies": "mediana entre organizaciones",
    "score minus the state median": "puntuación menos la mediana estatal",
    "first quartile across agencies": "primer cuartil entre organizaciones",
    "third quartile across agencies": "tercer cuartil entre organizaciones",
    "the agency's previous-round score on the change basis": "puntuación de la ronda anterior,"
    " en la base del cambio",
    "consensus or team_mean: the basis both sides share": "consensus o team_mean: la base que"
    " comparten ambas rondas",
    "consensus or team_mean": "consensus o team_mean",
    "consensus (both rounds fully agreed) or team_mean (compared like with like)": "consensus"
    " (ambas rondas totalmente acordadas) o team_mean (se compara igual con igual)",
    "yes when the round's data is incomplete": "yes si los datos de la ronda están incompletos",
    "every item has an agreed consensus answer": "todos los ítems tienen respuesta de consenso",
    "consensus incomplete: the mean of the team's answers": "consenso incompleto: la media de las"
    " respuestas del equipo",
    "the round has no team members": "la ronda no tiene integrantes",
    "at least one team member left items unanswered (not counted in team scores)": "al menos un"
    " integrante dejó ítems sin responder (no cuenta en las puntuaciones del equipo)",
    "not every item has an agreed consensus answer (scores are the team mean)": "no todos los"
    " ítems tienen respuesta de consenso (las puntuaciones son la media del equipo)",
    "answered with an instrument version whose scale or band metric differs from the reference"
    " version: its scores are shown but left out of the state statistics": "respondida con una"
    " versión del instrumento con otra escala o métrica: sus puntuaciones se muestran pero no"
    " cuentan en las estadísticas estatales",
}
_ES_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"percent of the maximum, 0–100"), "porcentaje del máximo, 0–100"),
    (re.compile(r"mean on the (\S+) scale"), r"media en la escala \1"),
    (re.compile(r"^overall official score \((.*)\)$"), r"puntuación oficial global (\1)"),
    (
        re.compile(r"^official score of domain (\S+) \((.*)\)$"),
        r"puntuación oficial del dominio \1 (\2)",
    ),
    (
        re.compile(
            r"^overall minus the previous round's overall, both on the change basis \((.*)\);"
            r" empty when the band metric changed$"
        ),
        r"global menos el global de la ronda anterior, ambos en la base del cambio (\1); vacío"
        r" si cambió la métrica de los rangos",
    ),
    (
        re.compile(
            r"^score minus the previous round's score on the same basis \(points for percent\);"
            r" empty when the band metric changed$"
        ),
        "puntuación menos la de la ronda anterior en la misma base (puntos para porcentajes);"
        " vacío si cambió la métrica de los rangos",
    ),
    (re.compile(r"percentage points"), "puntos porcentuales"),
]


def meaning(lang: str, text: str) -> str:
    """A data dictionary meaning in the workbook's language (codes inside stay as they are)."""
    if lang != "es":
        return text
    if text in _ES_MEANINGS:
        return _ES_MEANINGS[text]
    for pattern, replacement in _ES_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def word(lang: str, text: str) -> str:
    """A header or heading in the workbook's language (English is the key)."""
    if lang != "es":
        return text
    if text.startswith("Domain ") and text != "Domain":
        return _ES["Domain {id}"].format(id=text[len("Domain ") :])
    return _ES.get(text, text)


def _basis(agency: AgencyRound) -> str | None:
    comparison = agency.comparison
    if comparison is None:
        return None
    return "not_comparable" if comparison.reason else comparison.basis


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _scope_title(scope: Scope, lang: str = "en") -> str:
    return word(lang, "Overall") if scope.title is None else scope.title.get(lang)


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
        Column("Site", "text", "the site the round is for; empty: the whole agency"),
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
                rollup.site_name(a),
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
            [org.name, org.uuid, "", org.region, org.state_identifier, "no"]
            + [None] * (len(columns) - 6)
        )
    return Table("Agencies", columns, rows)


def sites_table(rollup: Rollup) -> Table:
    """The second level: under each agency, each of its sites' newest round in the period."""
    unit = _unit(rollup.instrument)
    columns = [
        Column("Agency", "text", "the agency's name"),
        Column("Agency UUID", "text", "the agency's permanent id"),
        Column("Site", "text", "site or clinic"),
        Column("Round", "text", "the site's newest round in the period"),
        Column("Round UUID", "text", "the round's permanent id"),
        Column("Period end", "date", "last day of the round's review period"),
        Column("Source", "text", "consensus (every item agreed) or team_mean"),
        Column("Incomplete", "text", "yes when the round's data is incomplete"),
        Column("Overall", "number", f"overall official score ({unit})"),
        *(
            Column(f"Domain {d.id}", "number", f"official score of domain {d.id} ({unit})")
            for d in rollup.domains
        ),
    ]
    rows: list[list[Cell]] = []
    for a in rollup.agencies:
        org = a.organization
        for site in rollup.sites_of(a):
            rows.append(
                [
                    org.name,
                    org.uuid,
                    site.name,
                    site.round.name,
                    site.round.uuid,
                    site.round.period_end,
                    site.source,
                    _yes(site.incomplete),
                    site.score(),
                    *(site.score(d.id) for d in rollup.domains),
                ]
            )
    return Table("Sites", columns, rows)


def domains_table(rollup: Rollup, lang: str = "en") -> Table:
    columns = [
        Column("Scope", "text", "domain id, section id, or 'all' for the whole instrument"),
        Column("Kind", "text", "domain, section or overall"),
        Column("Title", "text", "the scope's title, in the workbook's language"),
        *_STATS_COLUMNS,
    ]
    rows: list[list[Cell]] = [
        [s.id, s.kind, _scope_title(s, lang), *_stats_cells(rollup.state[s.id])]
        for s in rollup.scopes
    ]
    return Table("Domains", columns, rows)


def items_table(rollup: Rollup, lang: str = "en") -> Table:
    reference = rollup.instrument
    columns = [
        Column("Item", "text", "item id"),
        Column("Domain", "text", "the domain holding the item"),
        Column("Prompt", "text", "the item's wording, in the workbook's language"),
        *_STATS_COLUMNS,
    ]
    rows: list[list[Cell]] = []
    for item_id in rollup.item_ids:
        item = reference.item(item_id) or _find_item(rollup, item_id)
        rows.append(
            [
                item_id,
                item.domain_id if item else None,
                item.prompt.get(lang) if item else None,
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
        Column(
            "Peer group", "text", "the peer group compared (NAME=VALUE); empty: the whole state"
        ),
        Column("Site", "text", "the site the round is for; empty: the whole agency"),
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
                    rollup.group_label,
                    rollup.site_name(a),
                ]
            )
    return Table("Agency vs state", columns, rows)


def _unit(instrument: Instrument) -> str:
    if instrument.band_metric == "percent":
        return "percent of the maximum, 0–100"
    scale = instrument.scale
    return f"mean on the {scale.min_value:g}–{scale.max_value:g} scale"


def rollup_tables(rollup: Rollup, lang: str = "en") -> list[Table]:
    """The roll-up's sheets; `lang` picks the titles' and prompts' language (headers are
    translated when written, see `word`)."""
    return [
        agencies_table(rollup),
        domains_table(rollup, lang),
        items_table(rollup, lang),
        comparison_table(rollup),
        sites_table(rollup),
    ]


def dictionary_rows(rollup: Rollup, tables: Sequence[Table], lang: str = "en") -> list[list[str]]:
    """Every column of every sheet, then every code with its label."""
    inst = rollup.instrument
    rows = [[word(lang, h) for h in ("Sheet", "Column", "Type", "Meaning")]]
    for table in tables:
        rows += [
            [word(lang, table.name), word(lang, c.header), c.kind, meaning(lang, c.meaning)]
            for c in table.columns
        ]
    rows += [[], [word(lang, "Code kind"), word(lang, "Code"), "", word(lang, "Label")]]
    rows += [
        [
            "instrument",
            inst.id,
            "",
            f"{inst.title.get(lang)} ({', '.join(rollup.versions)})",
        ]
    ]
    rows += [["scope", s.id, s.kind, _scope_title(s, lang)] for s in rollup.scopes]
    for item_id in rollup.item_ids:
        item = inst.item(item_id)
        rows.append(["item", item_id, "", item.prompt.get(lang) if item else ""])
    rows += [["flag", code, "", meaning(lang, text)] for code, text in FLAG_MEANINGS.items()]
    rows += [
        ["source", "consensus", "", meaning(lang, "every item has an agreed consensus answer")],
        [
            "source",
            "team_mean",
            "",
            meaning(lang, "consensus incomplete: the mean of the team's answers"),
        ],
    ]
    rows += [["band", b.id, f"{b.min:g}–{b.max:g}", b.label.get(lang)] for b in inst.bands]
    period, scores = word(lang, "Period"), word(lang, "Scores")
    group_word = word(lang, "Peer group")
    if rollup.suppressed:
        rows.append(
            [
                group_word,
                "suppressed",
                "",
                meaning(
                    lang,
                    f"fewer than {MIN_GROUP} agencies in the group: its median, quartiles and"
                    " range are left out so that they cannot identify an agency",
                ),
            ]
        )
    rows += [
        [],
        [period, "since", "", rollup.since.isoformat() if rollup.since else "(any)"],
        [period, "until", "", rollup.until.isoformat() if rollup.until else "(any)"],
        [
            group_word,
            "group",
            "",
            rollup.group_label or meaning(lang, "(all agencies: the whole state)"),
        ],
        [scores, "unit", "", meaning(lang, _unit(inst))],
        [],
        [word(lang, "Meaning"), "text cells", "", meaning(lang, NEUTRALISING_RULE)],
    ]
    return rows


def _print_setup(sheet: xlsxwriter.worksheet.Worksheet, title: str, *, header_row: bool) -> None:
    """Printable as it is: landscape, as wide as one page (as many pages down as needed), the
    header row repeated on every page, and the title and page number in the page header."""
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if header_row:
        sheet.repeat_rows(0)
    safe = title.replace("&", "&&")  # "&" starts a field code in Excel's header syntax
    sheet.set_header(f"&L{safe}&R&P / &N")


_EXCEL_EPOCH = date(1899, 12, 31).toordinal()


@lru_cache(maxsize=4096)
def excel_day(value: date) -> float:
    """A day as the serial number xlsxwriter's `write_datetime` stores for it at midnight (the
    1900 date system, Excel's phantom 29 February 1900 counted), worked out once per distinct
    day: a roll-up of 1,000 agencies writes 10,000 date cells over a few hundred days, and the
    conversion was a tenth of the workbook's time. Written with the date format, the cell is
    byte for byte the one `write_datetime` makes (tests/test_rollup_figures.py)."""
    if value.year < 1901:  # the epoch's own quirks: let xlsxwriter work them out
        from xlsxwriter.utility import (  # type: ignore[import-untyped]
            _datetime_to_excel_datetime,
        )

        return float(_datetime_to_excel_datetime(datetime.combine(value, time()), False, True))
    return float(value.toordinal() - _EXCEL_EPOCH + 1)


def build_rollup_xlsx(rollup: Rollup, *, generated: date | None = None, lang: str = "en") -> bytes:
    """The workbook; `lang` translates headers, sheet names, titles and prompts (codes stay)."""
    check_language(lang)
    buffer = io.BytesIO()
    with collector_paused():  # 150,000 cells are 150,000 new objects
        workbook = xlsxwriter.Workbook(buffer, dict(XLSX_WORKBOOK_OPTIONS))
        _fill_workbook(workbook, rollup, generated, lang)
        workbook.close()
        _free_cells(workbook)
    return buffer.getvalue()


def _free_cells(workbook: xlsxwriter.Workbook) -> None:
    """Let the cells go now, by reference counting. A worksheet and its workbook refer to each
    other, so without this the 160,000 objects of a 1,000-agency workbook waited for the next
    cycle collection, which then cost whatever ran next ~0.1 s. (`table` is xlsxwriter's cell
    store; if a version has none, the cells simply wait for the collector as before.)"""
    for sheet in workbook.worksheets():
        table = getattr(sheet, "table", None)
        if isinstance(table, dict):
            table.clear()


def _fill_workbook(
    workbook: xlsxwriter.Workbook, rollup: Rollup, generated: date | None, lang: str
) -> None:
    created = datetime.combine(generated or date.today(), time())
    group = f" ({rollup.group_label})" if rollup.groups else ""
    title = f"{word(lang, 'State roll-up')}: {rollup.instrument.title.get(lang)}{group}"
    workbook.set_properties({"title": title, "created": created})
    bold = workbook.add_format({"bold": True, "bg_color": "#E6E6E6", "text_wrap": True})
    number = workbook.add_format({"num_format": "0.00"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    tables = rollup_tables(rollup, lang)
    for table in tables:
        sheet = workbook.add_worksheet(word(lang, table.name))
        _print_setup(sheet, f"{title} — {word(lang, table.name)}", header_row=True)
        for col, column in enumerate(table.columns):
            sheet.write_string(0, col, word(lang, column.header), bold)
            width = 36 if column.header in ("Agency", "Title", "Prompt") else 14
            sheet.set_column(col, col, width)
        for r, row in enumerate(table.rows, 1):
            for col, (value, column) in enumerate(zip(row, table.columns, strict=True)):
                if value is None:
                    continue
                if column.kind == "text":
                    sheet.write_string(r, col, str(value))
                elif column.kind == "date" and isinstance(value, date):
                    sheet.write_number(r, col, excel_day(value), day)
                elif isinstance(value, int | float):
                    sheet.write_number(r, col, value, number if column.kind == "number" else None)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    sheet = workbook.add_worksheet(word(lang, "Data dictionary"))
    _print_setup(sheet, f"{title} — {word(lang, 'Data dictionary')}", header_row=True)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 26)
    sheet.set_column(2, 2, 12)
    sheet.set_column(3, 3, 80)
    code_heading = [word(lang, "Code kind"), word(lang, "Code")]
    for r, line in enumerate(dictionary_rows(rollup, tables, lang)):
        for col, text in enumerate(line):
            heading = r == 0 or line[:2] == code_heading
            sheet.write_string(r, col, text, bold if heading else None)


def build_rollup_csv(rollup: Rollup, *, lang: str = "en") -> bytes:
    """The long table (a row per agency and scope) as CSV: UTF-8 with BOM, formulas neutralised
    (NEUTRALISING_RULE); `lang` translates the header row, the codes in the rows stay."""
    check_language(lang)
    table = comparison_table(rollup)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([word(lang, c.header) for c in table.columns])
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
