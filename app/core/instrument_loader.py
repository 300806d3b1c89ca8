"""Reads an instrument file and checks every rule of docs/instrument-format.md.

All problems are collected and reported at once, each naming the file, the JSON path inside it and
what is expected, so whoever edits an instrument by hand can fix everything in one pass.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, cast

from app.core.bounded_read import FileRefused, read_regular_file
from app.core.errors import InstrumentError
from app.core.exact import exact
from app.core.instrument import (
    Band,
    BandMetric,
    Choice,
    ChoiceKind,
    Domain,
    Instrument,
    InstrumentKind,
    Item,
    Level,
    Scale,
    Section,
    Text,
)
from app.core.safe_json import (
    MAX_NUMBER,
    UnsafeJsonError,
    finite_number,
    has_visible,
    load_json,
    lone_surrogate_path,
)

FORMAT_NAME = "smsoat-instrument"
FORMAT_VERSION = 2  # the newest this app reads; version 1 files load unchanged
FORMAT_VERSIONS = (1, 2)
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_VALUES = 200_000  # JSON values in one file; the shipped SMS OAT has about 900

# Identifiers are plain ASCII, matched whole (fullmatch: `$` alone would let a trailing newline
# in), so a look-alike such as "1.0.0" followed by a zero-width space is refused, not shown as
# "1.0.0" beside the genuine version.
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")
_CODE_RE = re.compile(r"[a-z0-9_-]{1,32}")
_LANG_RE = re.compile(r"[a-z]{2,3}")
_SECTION_ID_RE = re.compile(r"[0-9]{1,9}")
_NESTED_ID_RE = re.compile(r"[0-9]{1,9}(\.[0-9]{1,9}){1,8}")
# Format version 2 item ids: a flat number ("1" … "16", as the PCRS numbers them) or digit groups
# joined by "." ("1.1.3"); only a dotted id must sit inside its domain's number.
_ITEM_ID_RE = re.compile(r"[0-9]{1,9}(\.[0-9]{1,9}){0,8}")
_CHOICE_KINDS = ("score", "dont_know", "not_applicable")

_TOP_KEYS = {
    "format",
    "format_version",
    "id",
    "version",
    "languages",
    "title",
    "short_title",
    "description",
    "attribution",
    "review_period_months",
    "scale",
    "scoring",
    "bands",
    "sections",
}
# Optional in every format version: an older app refuses a file that sets it (unknown key),
# which is what a file relying on a due date should get; files without it read as before.
_OPTIONAL_TOP_KEYS = {"repeat_months"}
DEFAULT_REPEAT_MONTHS = 6  # the SMS OAT is meant to be repeated about every six months
_V2_TOP_KEYS = {"terms", "official", "kind", "score_table"}


def content_hash(data: Any) -> str:
    """SHA-256 of the canonical JSON: reformatting a file keeps its hash, any edit changes it."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_instrument(path: Path) -> Instrument:
    """Load and validate an instrument file; raises InstrumentError naming every problem.

    Only a regular file of at most MAX_FILE_BYTES is read (a FIFO, /dev/zero or a folder is
    refused before any read; see app/core/bounded_read.py).
    """
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise InstrumentError(
            f"{source}: cannot read the instrument file ({exc.strerror or exc})."
        ) from exc
    except FileRefused as exc:
        raise InstrumentError(
            f"{source}: {exc}; an instrument file is a small JSON text "
            f"(at most {MAX_FILE_BYTES // (1024 * 1024)} MB)."
        ) from exc
    return parse_instrument_bytes(raw, source)


def parse_instrument_bytes(raw: bytes, source: str) -> Instrument:
    """An instrument from a file's raw bytes (UTF-8, BOM allowed, bounded JSON); `source` names it
    in errors.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InstrumentError(
            f"{source}: the file is not UTF-8 text (bad byte at position {exc.start}); "
            "save it as UTF-8."
        ) from exc
    try:
        data = load_json(text, max_values=MAX_VALUES, unique_keys=False)
    except json.JSONDecodeError as exc:
        raise InstrumentError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}."
        ) from exc
    except UnsafeJsonError as exc:
        raise InstrumentError(f"{source}: not an acceptable instrument file: {exc}.") from exc
    return parse_instrument(data, source)


def parse_instrument(
    data: Any, source: str = "<instrument>", *, stored_before: bool = False
) -> Instrument:
    """Validate parsed instrument data. `stored_before`: a copy this app stored with a round
    earlier, under older rules; its id and version are then taken as stored (a round answered
    with it stays readable, and the roll-up keeps it apart if it scores otherwise), while every
    other rule, numbers included, still applies."""
    # Parsed data may come from anywhere (an exchange file's member, a test): a lone surrogate
    # could be neither hashed nor stored, so it is refused before anything else.
    where = lone_surrogate_path(data)
    if where is not None:
        problem = f"{source}: {where}: a text holds a lone surrogate (\\ud800-\\udfff)"
        raise InstrumentError(
            f"{source}: 1 problem in the instrument file; the first: {problem}", [problem]
        )
    checker = _Checker(source, stored_before)
    instrument = checker.instrument(data)
    if checker.problems or instrument is None:
        count = len(checker.problems)
        noun = "problem" if count == 1 else "problems"
        first = checker.problems[0] if checker.problems else f"{source}: not an instrument"
        raise InstrumentError(
            f"{source}: {count} {noun} in the instrument file; the first: {first}",
            checker.problems,
        )
    return instrument


class _Checker:
    """Walks the parsed JSON once, building the model and recording every problem with its path."""

    def __init__(self, source: str, stored_before: bool = False) -> None:
        self.stored_before = stored_before
        self.source = source
        self.problems: list[str] = []
        self.languages: tuple[str, ...] = ("en",)
        self.item_ids: dict[str, str] = {}
        self.missing: set[str] = set()
        self.version = FORMAT_VERSION

    def problem(self, path: str, message: str) -> None:
        # A key already reported missing explains everything below it: say it once.
        if any(path == gone or path.startswith((gone + ".", gone + "[")) for gone in self.missing):
            return
        self.problems.append(f"{self.source}: {path}: {message}")

    # ----- small typed readers -------------------------------------------------------------
    def obj(self, path: str, value: Any, allowed: set[str], required: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, f"expected an object, found {_kind(value)}")
            return {}
        for key in sorted(required - value.keys()):
            self.problem(path, f"missing key '{key}'")
            self.missing.add(f"{path}.{key}")
        for key in sorted(value.keys() - allowed):
            self.problem(
                f"{path}.{key}", f"unknown key (allowed here: {', '.join(sorted(allowed))})"
            )
        return cast(dict[str, Any], value)

    def text(self, path: str, value: Any, required: bool = True) -> Text | None:
        if value is None:
            if required:
                self.problem(path, "missing text")
            return None
        if not isinstance(value, dict):
            self.problem(path, f'expected a text object like {{"en": "…"}}, found {_kind(value)}')
            return None
        ok = True
        for lang in self.languages:
            entry = value.get(lang)
            if not isinstance(entry, str) or not (
                has_visible(entry) or (self.stored_before and entry.strip())
            ):
                self.problem(
                    f"{path}.{lang}",
                    f"missing or empty '{lang}' text (every text needs each declared language, "
                    f"with at least one visible character: {', '.join(self.languages)})",
                )
                ok = False
        for lang in sorted(value.keys() - set(self.languages)):
            self.problem(f"{path}.{lang}", "language not declared in 'languages'")
            ok = False
        return Text(dict(value)) if ok else None

    def number(self, path: str, value: Any) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(path, f"expected a number, found {_kind(value)}")
            return None
        if not finite_number(value):
            self.problem(
                path, f"expected a finite number from {-MAX_NUMBER:,.0f} to {MAX_NUMBER:,.0f}"
            )
            return None
        return float(value)

    def array(self, path: str, value: Any, min_items: int = 1) -> list[Any]:
        if not isinstance(value, list):
            self.problem(path, f"expected an array, found {_kind(value)}")
            return []
        if len(value) < min_items:
            self.problem(path, f"expected at least {min_items} entries, found {len(value)}")
        return value

    # ----- the document --------------------------------------------------------------------
    def instrument(self, data: Any) -> Instrument | None:
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            self.problem(
                "$.format",
                f'expected "format": "{FORMAT_NAME}"; this is not an instrument file',
            )
            return None
        version = data.get("format_version")
        if type(version) is int and version in FORMAT_VERSIONS:
            self.version = version
        allowed = _TOP_KEYS | _OPTIONAL_TOP_KEYS | (_V2_TOP_KEYS if self.version >= 2 else set())
        top = self.obj("$", data, allowed, _TOP_KEYS)
        if type(version) is int and version > FORMAT_VERSION:
            self.problem(
                "$.format_version",
                f"format version {version} is newer than this app reads ({FORMAT_VERSION}); "
                "install a newer version of the app",
            )
        elif type(version) is not int or version not in FORMAT_VERSIONS:
            self.problem("$.format_version", "expected the whole number 1 or 2")
        inst_id = top.get("id")
        if not isinstance(inst_id, str) or not (
            ID_RE.fullmatch(inst_id) or (self.stored_before and inst_id.strip())
        ):
            self.problem(
                "$.id",
                "expected 1 to 64 lower-case letters, digits and '-', starting with a letter or "
                'digit, e.g. "sms-oat-bh"',
            )
        inst_version = top.get("version")
        if not isinstance(inst_version, str) or not (
            VERSION_RE.fullmatch(inst_version) or (self.stored_before and inst_version.strip())
        ):
            self.problem(
                "$.version",
                "expected 1 to 32 ASCII letters, digits, '.', '+' or '-', starting with a letter "
                'or digit, e.g. "1.0.0"',
            )
        self.read_languages(top.get("languages"))

        texts = {k: self.text(f"$.{k}", top.get(k)) for k in ("title", "short_title")}
        description = self.text("$.description", top.get("description"))
        attribution = self.text("$.attribution", top.get("attribution"))
        terms = self.text("$.terms", top.get("terms"), required=False)
        official = top.get("official", False)
        if not isinstance(official, bool):
            self.problem(
                "$.official", "expected true or false (true only for the official wording)"
            )
            official = False
        months = top.get("review_period_months")
        if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 24:
            self.problem("$.review_period_months", "expected a whole number of months from 1 to 24")
        repeat = top.get("repeat_months", DEFAULT_REPEAT_MONTHS)
        if isinstance(repeat, bool) or not isinstance(repeat, int) or not 1 <= repeat <= 60:
            self.problem("$.repeat_months", "expected a whole number of months from 1 to 60")
            repeat = DEFAULT_REPEAT_MONTHS
        scale = self.scale("$.scale", top.get("scale"))
        spread, metric = self.scoring(top.get("scoring"))
        count_share = self.count_rule(top.get("scoring"))
        sections = self.sections(top.get("sections"), scale, metric)
        all_items = [i for s in sections for i in s.items]
        kind, table = self.kind_and_table(top, metric, all_items)
        bands_range = self.band_range(metric, scale, all_items)
        if metric == "score" and table:
            bands_range = (min(table.values()), max(table.values()))
        bands = self.bands("$.bands", top.get("bands"), bands_range)

        if self.problems:
            return None
        assert scale is not None and bands is not None and metric is not None
        return Instrument(
            id=cast(str, inst_id),
            version=cast(str, inst_version),
            languages=self.languages,
            title=cast(Text, texts["title"]),
            short_title=cast(Text, texts["short_title"]),
            description=cast(Text, description),
            attribution=cast(Text, attribution),
            review_period_months=cast(int, months),
            scale=scale,
            disagreement_spread=cast(float, spread),
            band_metric=metric,
            bands=bands,
            sections=tuple(sections),
            content_hash=content_hash(data),
            source=top,
            item_index={item.id: item for section in sections for item in section.items},
            count_share=count_share,
            terms=terms,
            official=official,
            format_version=self.version,
            kind=kind,
            score_table=table,
            repeat_months=repeat,
        )

    def read_languages(self, value: Any) -> None:
        langs = self.array("$.languages", value)
        good = [lang for lang in langs if isinstance(lang, str) and _LANG_RE.fullmatch(lang)]
        if len(good) != len(langs):
            self.problem("$.languages", 'expected language codes such as "en" and "es"')
        if len(set(good)) != len(good):
            self.problem("$.languages", "a language is listed twice")
        if "en" not in good:
            self.problem("$.languages", 'must include "en"')
        self.languages = tuple(dict.fromkeys(["en", *good]))

    def scoring(self, value: Any) -> tuple[float | None, BandMetric | None]:
        keys = {"disagreement_spread", "band_metric"}
        scoring = self.obj("$.scoring", value, keys | {"count_respondents_from"}, keys)
        spread = None
        if "disagreement_spread" in scoring:
            spread = self.number("$.scoring.disagreement_spread", scoring["disagreement_spread"])
            if spread is not None and spread <= 0:
                self.problem("$.scoring.disagreement_spread", "expected a number above 0")
                spread = None
        metric = scoring.get("band_metric")
        metrics = ("mean", "percent", "sum", "score") if self.version >= 2 else ("mean", "percent")
        if metric not in metrics:
            if "band_metric" in scoring:
                expected = (
                    '"mean", "percent", "sum" or "score" (individual kind)'
                    if self.version >= 2
                    else '"mean" or "percent" ("sum" needs "format_version": 2)'
                )
                self.problem("$.scoring.band_metric", f"expected {expected}")
            metric = None
        return spread, cast(BandMetric | None, metric)

    def count_rule(self, value: Any) -> float | None:
        """`scoring.count_respondents_from`: "finished" (the default, None) or a share in (0, 1]."""
        if not isinstance(value, dict) or "count_respondents_from" not in value:
            return None
        path, rule = "$.scoring.count_respondents_from", value["count_respondents_from"]
        if rule == "finished":
            return None
        if isinstance(rule, bool) or not isinstance(rule, int | float) or not 0 < rule <= 1:
            self.problem(
                path,
                'expected "finished" or a share of the items above 0 and at most 1, e.g. 0.8',
            )
            return None
        return float(rule)

    def kind_and_table(
        self, top: dict[str, Any], metric: BandMetric | None, items: list[Item]
    ) -> tuple[InstrumentKind, dict[int, float] | None]:
        """`kind` and, for an individual instrument, its raw-to-score table: one row for every
        whole raw total from the lowest possible to the highest (items on whole-number scales)."""
        kind = top.get("kind", "team")
        if kind not in ("team", "individual"):
            self.problem("$.kind", 'expected "team" or "individual"')
            return "team", None
        if kind == "team":
            if "score_table" in top:
                self.problem("$.score_table", 'only an instrument of kind "individual" has one')
            if metric == "score":
                self.problem(
                    "$.scoring.band_metric", '"score" is for instruments of kind "individual"'
                )
            return "team", None
        if metric is not None and metric != "score":
            self.problem(
                "$.scoring.band_metric",
                'expected "score": an individual instrument is banded on its converted score',
            )
        if "score_table" not in top:
            self.problem(
                "$",
                "missing key 'score_table' (an individual instrument converts raw "
                "totals to scores)",
            )
            return "individual", None
        table: dict[int, float] = {}
        for i, raw in enumerate(self.array("$.score_table", top["score_table"])):
            path = f"$.score_table[{i}]"
            entry = self.obj(path, raw, {"raw", "score"}, {"raw", "score"})
            total = entry.get("raw")
            if isinstance(total, bool) or not isinstance(total, int):
                if "raw" in entry:
                    self.problem(f"{path}.raw", "expected a whole number (a raw total)")
                continue
            if total in table:
                self.problem(f"{path}.raw", f"raw total {total} is listed twice")
            score = self.number(f"{path}.score", entry.get("score")) if "score" in entry else None
            if score is not None:
                table[total] = score
        if not items:
            return "individual", table or None
        values = [v for item in items for v in item.scale.scored_values]
        if any(not float(v).is_integer() for v in values):
            self.problem("$.scale", "an individual instrument's scored values are whole numbers")
            return "individual", None
        low = int(sum(i.scale.min_value for i in items))
        high = int(sum(i.scale.max_value for i in items))
        missing = [t for t in range(low, high + 1) if t not in table]
        extra = sorted(t for t in table if not low <= t <= high)
        if missing:
            self.problem(
                "$.score_table",
                f"no row for raw total {missing[0]}"
                + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                + f"; the table needs every whole raw total from {low} to {high}",
            )
        if extra:
            self.problem(
                "$.score_table", f"raw total {extra[0]} cannot occur (totals run {low}-{high})"
            )
        return "individual", table

    @staticmethod
    def band_range(
        metric: BandMetric | None, scale: Scale | None, items: list[Item] | None = None
    ) -> tuple[float, float] | None:
        """The range bands must cover: a scale's values (mean), 0-100 (percent), or from the sum
        of the items' lowest values to the sum of their highest (sum, over the banded items)."""
        if metric == "percent":
            return (0.0, 100.0)
        if metric == "mean" and scale is not None:
            return (scale.min_value, scale.max_value)
        if metric == "sum" and items:
            return (
                float(sum(exact(i.scale.min_value) for i in items)),
                float(sum(exact(i.scale.max_value) for i in items)),
            )
        return None

    # ----- scale ---------------------------------------------------------------------------
    def scale(self, path: str, value: Any) -> Scale | None:
        before = len(self.problems)
        scale = self.obj(path, value, {"choices", "levels"}, {"choices"})
        choices: list[Choice] = []
        codes: set[str] = set()
        values: set[float] = set()
        for i, raw in enumerate(self.array(f"{path}.choices", scale.get("choices"), 2)):
            choice = self.choice(f"{path}.choices[{i}]", raw)
            if choice is None:
                continue
            if choice.code in codes:
                self.problem(f"{path}.choices[{i}].code", f"code '{choice.code}' is used twice")
            codes.add(choice.code)
            if choice.value is not None:
                if choice.value in values:
                    self.problem(f"{path}.choices[{i}].value", "two scored choices share a value")
                values.add(choice.value)
            choices.append(choice)
        if "choices" in scale and len(values) < 2:
            self.problem(f"{path}.choices", 'expected at least two scored choices (kind "score")')
        levels = self.levels(f"{path}.levels", scale.get("levels"), sorted(values))
        # A missing scale reports only "missing key" (its inner problems are not repeated), so
        # the count of problems alone cannot tell: a scale without two scored values is none.
        if len(self.problems) > before or len(values) < 2:
            return None
        return Scale(tuple(choices), tuple(levels))

    def choice(self, path: str, value: Any) -> Choice | None:
        keys = {"code", "kind", "value", "label", "description"}
        raw = self.obj(path, value, keys, {"code", "kind", "label"})
        if not raw:
            return None
        code = raw.get("code")
        if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
            self.problem(f"{path}.code", "expected a short code of a-z, 0-9, '_' or '-'")
            code = None
        kind = raw.get("kind")
        if kind not in _CHOICE_KINDS:
            self.problem(f"{path}.kind", f"expected one of {', '.join(_CHOICE_KINDS)}")
            kind = None
        number: float | None = None
        if kind == "score":
            if "value" not in raw:
                self.problem(f"{path}.value", "a scored choice needs a numeric value")
            else:
                number = self.number(f"{path}.value", raw["value"])
        elif kind is not None and "value" in raw:
            self.problem(f"{path}.value", f'a "{kind}" choice is never scored and has no value')
        label = self.text(f"{path}.label", raw.get("label"))
        description = self.text(f"{path}.description", raw.get("description"), required=False)
        if code is None or kind is None or label is None or (kind == "score" and number is None):
            return None
        return Choice(code, cast(ChoiceKind, kind), number, label, description)

    def levels(self, path: str, value: Any, values: list[float]) -> list[Level]:
        if value is None:
            return []
        levels: list[Level] = []
        for i, raw in enumerate(self.array(path, value, 2)):
            entry = self.obj(f"{path}[{i}]", raw, {"min", "max", "label"}, {"min", "max", "label"})
            lo = self.number(f"{path}[{i}].min", entry.get("min")) if "min" in entry else None
            hi = self.number(f"{path}[{i}].max", entry.get("max")) if "max" in entry else None
            label = self.text(f"{path}[{i}].label", entry.get("label"))
            if lo is None or hi is None or label is None:
                continue
            if lo > hi:
                self.problem(f"{path}[{i}]", f"min {lo:g} is above max {hi:g}")
            if levels and lo <= levels[-1].max:
                self.problem(f"{path}[{i}]", "levels must ascend without overlapping")
            levels.append(Level(lo, hi, label))
        for v in values:
            if levels and not any(lv.min <= v <= lv.max for lv in levels):
                self.problem(path, f"scored value {v:g} is in no level")
        return levels

    # ----- bands ---------------------------------------------------------------------------
    def bands(
        self, path: str, value: Any, expected: tuple[float, float] | None
    ) -> tuple[Band, ...] | None:
        bands: list[Band] = []
        ids: set[str] = set()
        keys = {"id", "min", "max", "label", "meaning"}
        for i, raw in enumerate(self.array(path, value)):
            entry = self.obj(f"{path}[{i}]", raw, keys, keys)
            band_id = entry.get("id")
            if not isinstance(band_id, str) or not _CODE_RE.fullmatch(band_id):
                self.problem(f"{path}[{i}].id", "expected a short code of a-z, 0-9, '_' or '-'")
            elif band_id in ids:
                self.problem(f"{path}[{i}].id", f"band id '{band_id}' is used twice")
            else:
                ids.add(band_id)
            lo = self.number(f"{path}[{i}].min", entry.get("min")) if "min" in entry else None
            hi = self.number(f"{path}[{i}].max", entry.get("max")) if "max" in entry else None
            label = self.text(f"{path}[{i}].label", entry.get("label"))
            meaning = self.text(f"{path}[{i}].meaning", entry.get("meaning"))
            if lo is None or hi is None or label is None or meaning is None:
                continue
            if lo >= hi:
                self.problem(f"{path}[{i}]", f"min {lo:g} must be below max {hi:g}")
            elif bands and abs(lo - bands[-1].max) > 1e-9:
                gap = "a gap" if lo > bands[-1].max else "an overlap"
                self.problem(
                    f"{path}[{i}].min",
                    f"{gap}: expected {bands[-1].max:g} (the previous band's max), found {lo:g}",
                )
            bands.append(Band(str(band_id), lo, hi, label, meaning))
        if bands and expected is not None:
            if abs(bands[0].min - expected[0]) > 1e-9:
                self.problem(
                    f"{path}[0].min",
                    f"the bands must start at {expected[0]:g}, the bottom of the score range",
                )
            if abs(bands[-1].max - expected[1]) > 1e-9:
                self.problem(
                    f"{path}[{len(bands) - 1}].max",
                    f"the bands must end at {expected[1]:g}, the top of the score range",
                )
        return tuple(bands) if bands else None

    # ----- sections and items --------------------------------------------------------------
    def sections(self, value: Any, scale: Scale | None, metric: BandMetric | None) -> list[Section]:
        sections: list[Section] = []
        seen: set[str] = set()
        keys = {"id", "title", "description", "subsections", "items", "suggestions", "bands"}
        for i, raw in enumerate(self.array("$.sections", value)):
            path = f"$.sections[{i}]"
            entry = self.obj(path, raw, keys, {"id", "title"})
            if not entry:
                continue
            sid = entry.get("id")
            if not isinstance(sid, str) or not _SECTION_ID_RE.fullmatch(sid):
                self.problem(f"{path}.id", 'expected a section number such as "1"')
                sid = f"?{i}"
            elif sid in seen:
                self.problem(f"{path}.id", f"section id '{sid}' is used twice")
            seen.add(sid)
            title = self.text(f"{path}.title", entry.get("title"))
            description = self.text(f"{path}.description", entry.get("description"), False)
            has_subs = "subsections" in entry
            domains: list[Domain] = []
            if has_subs and "items" in entry:
                self.problem(path, "a section holds either 'subsections' or 'items', not both")
            elif has_subs:
                if "suggestions" in entry:
                    self.problem(
                        f"{path}.suggestions", "suggestions belong to each subsection here"
                    )
                for j, sub in enumerate(self.array(f"{path}.subsections", entry["subsections"])):
                    domain = self.subsection(f"{path}.subsections[{j}]", sub, sid, scale)
                    if domain is not None:
                        domains.append(domain)
            elif "items" in entry:
                domain = self.domain(path, entry, sid, sid, title, description, scale)
                if domain is not None:
                    domains.append(domain)
            else:
                self.problem(path, "a section needs 'subsections' or 'items'")
            bands = None
            if "bands" in entry and metric == "score":
                self.problem(
                    f"{path}.bands", "the score table converts the whole total: no section bands"
                )
            elif "bands" in entry:
                items = [item for domain in domains for item in domain.items]
                bands = self.bands(
                    f"{path}.bands", entry["bands"], self.band_range(metric, scale, items)
                )
            if title is not None:
                sections.append(Section(sid, title, description, tuple(domains), has_subs, bands))
        return sections

    def subsection(self, path: str, value: Any, sid: str, scale: Scale | None) -> Domain | None:
        keys = {"id", "title", "description", "items", "suggestions"}
        needed = {"id", "title", "items"} | ({"suggestions"} if self.version < 2 else set())
        entry = self.obj(path, value, keys, needed)
        if not entry:
            return None
        did = entry.get("id")
        if (
            not isinstance(did, str)
            or not _NESTED_ID_RE.fullmatch(did)
            or not did.startswith(sid + ".")
        ):
            self.problem(f"{path}.id", f'expected an id inside section {sid}, e.g. "{sid}.1"')
            did = f"{sid}.?"
        elif did in self.item_ids:
            self.problem(f"{path}.id", f"id '{did}' is already used at {self.item_ids[did]}")
        self.item_ids.setdefault(did, path)
        title = self.text(f"{path}.title", entry.get("title"))
        description = self.text(f"{path}.description", entry.get("description"), False)
        return self.domain(path, entry, did, sid, title, description, scale)

    def domain(
        self,
        path: str,
        entry: dict[str, Any],
        did: str,
        sid: str,
        title: Text | None,
        description: Text | None,
        scale: Scale | None,
    ) -> Domain | None:
        items: list[Item] = []
        for k, raw in enumerate(self.array(f"{path}.items", entry.get("items"))):
            item = self.item(f"{path}.items[{k}]", raw, did, sid, scale)
            if item is not None:
                items.append(item)
        suggestions: list[Text] = []
        if "suggestions" not in entry and self.version < 2:
            self.problem(path, "missing key 'suggestions' (improvement ideas for action plans)")
        raw_suggestions = entry.get("suggestions", [])
        least = 1 if self.version < 2 else 0
        for k, raw in enumerate(self.array(f"{path}.suggestions", raw_suggestions, least)):
            text = self.text(f"{path}.suggestions[{k}]", raw)
            if text is not None:
                suggestions.append(text)
        if title is None:
            return None
        return Domain(did, title, description, tuple(items), tuple(suggestions), sid)

    def item(self, path: str, value: Any, did: str, sid: str, scale: Scale | None) -> Item | None:
        v2 = self.version >= 2
        keys = {"id", "prompt", "explanation", "examples", "scale"} | (
            {"required"} if v2 else set()
        )
        needed = {"id", "prompt"} | (set() if v2 else {"explanation", "examples"})
        entry = self.obj(path, value, keys, needed)
        if not entry:
            return None
        iid = entry.get("id")
        shape = _ITEM_ID_RE if v2 else _NESTED_ID_RE
        if not isinstance(iid, str) or not shape.fullmatch(iid):
            flat = ' or a plain number such as "1"' if v2 else ""
            self.problem(f"{path}.id", f'expected an item number such as "{did}.1"{flat}')
            return None
        if (not v2 or "." in iid) and not iid.startswith(did + "."):
            self.problem(f"{path}.id", f"item '{iid}' must be numbered inside '{did}' ({did}.N)")
        if iid in self.item_ids:
            self.problem(f"{path}.id", f"id '{iid}' is already used at {self.item_ids[iid]}")
        else:
            self.item_ids[iid] = path
        prompt = self.text(f"{path}.prompt", entry.get("prompt"))
        explanation = self.text(f"{path}.explanation", entry.get("explanation"), required=not v2)
        required = entry.get("required", True)
        if not isinstance(required, bool):
            self.problem(f"{path}.required", "expected true or false")
            required = True
        examples = []
        raw_examples = entry.get("examples", [])
        for k, raw in enumerate(self.array(f"{path}.examples", raw_examples, 0 if v2 else 1)):
            text = self.text(f"{path}.examples[{k}]", raw)
            if text is not None:
                examples.append(text)
        item_scale = scale
        if "scale" in entry:
            item_scale = self.scale(f"{path}.scale", entry["scale"])
        if prompt is None or (explanation is None and not v2) or item_scale is None:
            return None
        return Item(iid, prompt, explanation, tuple(examples), item_scale, did, sid, required)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "an object", list: "an array", str: "a string", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )
