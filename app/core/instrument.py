"""The in-memory instrument: immutable, validated, and language-aware.

Built only by `app.core.instrument_loader`, which checks every rule of docs/instrument-format.md.
"""

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any, Literal, NamedTuple

from app.core.exact import Number, exact

ChoiceKind = Literal["score", "dont_know", "not_applicable"]
BandMetric = Literal["mean", "percent", "sum", "score"]
BAND_METRICS: tuple[BandMetric, ...] = ("mean", "percent", "sum", "score")
InstrumentKind = Literal["team", "individual"]


class Text(NamedTuple):
    """A user-facing text in every language the instrument carries."""

    values: Mapping[str, str]

    def get(self, lang: str) -> str:
        return self.values.get(lang) or self.values["en"]


class Choice(NamedTuple):
    """One answer a rater can give: its key code, kind (scored, don't know, not applicable), value
    and words.
    """

    code: str
    kind: ChoiceKind
    value: float | None
    label: Text
    description: Text | None = None

    @property
    def scored(self) -> bool:
        return self.kind == "score"


class Level(NamedTuple):
    """A named stretch of an item's scale (e.g. 1–3 "Beginning"), shown beside the choices."""

    min: float
    max: float
    label: Text


class Scale(NamedTuple):
    """An item's answer choices and the levels that group them."""

    choices: tuple[Choice, ...]
    levels: tuple[Level, ...]

    def choice(self, code: str) -> Choice | None:
        for choice in self.choices:
            if choice.code == code:
                return choice
        return None

    @property
    def scored_values(self) -> list[float]:
        return sorted(c.value for c in self.choices if c.value is not None)

    @property
    def min_value(self) -> float:
        return self.scored_values[0]

    @property
    def max_value(self) -> float:
        return self.scored_values[-1]

    @property
    def effective_levels(self) -> list[tuple[float, float]]:
        """Levels as (min, max); without declared levels each scored value is its own level."""
        if self.levels:
            return [(lv.min, lv.max) for lv in self.levels]
        return [(v, v) for v in self.scored_values]

    @property
    def low_threshold(self) -> float:
        """A mean below this lies in the lowest level (midpoint to the next level)."""
        return float(self.exact_low_threshold)

    @property
    def exact_low_threshold(self) -> Fraction:
        """The low flag's threshold from the levels as written, exactly (0.1 and 0.2 give 3/20)."""
        levels = self.effective_levels
        return (exact(levels[0][1]) + exact(levels[1][0])) / 2


class Band(NamedTuple):
    """A score range with its label and meaning, used to describe a domain or overall score."""

    id: str
    min: float
    max: float
    label: Text
    meaning: Text


class Item(NamedTuple):
    """One question or statement to rate, with its help texts and its scale."""

    id: str
    prompt: Text
    explanation: Text | None  # optional from format version 2
    examples: tuple[Text, ...]  # may be empty from format version 2
    scale: Scale
    domain_id: str
    section_id: str
    # Format version 2: False when the file says `"required": false` (an answer may be left out
    # without holding the respondent back from "finished"); every item is required otherwise.
    required: bool = True


class Domain(NamedTuple):
    """Whatever directly holds items: a subsection, or a section without subsections."""

    id: str
    title: Text
    description: Text | None
    items: tuple[Item, ...]
    suggestions: tuple[Text, ...]
    section_id: str


class Section(NamedTuple):
    """A top-level part of an instrument holding domains (or, flat, acting as one)."""

    id: str
    title: Text
    description: Text | None
    domains: tuple[Domain, ...]
    has_subsections: bool
    bands: tuple[Band, ...] | None

    @property
    def items(self) -> list[Item]:
        return [item for domain in self.domains for item in domain.items]


class Instrument(NamedTuple):
    """A whole instrument as loaded from its data file: texts, structure, scoring rules."""

    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    short_title: Text
    description: Text
    attribution: Text
    review_period_months: int
    scale: Scale
    disagreement_spread: float
    band_metric: BandMetric
    bands: tuple[Band, ...]
    sections: tuple[Section, ...]
    content_hash: str
    source: Mapping[str, Any]
    item_index: Mapping[str, Item]
    # Who counts in team statistics (docs/instrument-format.md, `scoring.count_respondents_from`):
    # None means people who finished; a share in (0, 1] means people who answered at least that
    # share of the items.
    count_share: float | None = None
    # Format version 2: the file's own terms of use (shown wherever its items are shown), and
    # whether the file declares itself the official wording (never assumed).
    terms: Text | None = None
    official: bool = False
    format_version: int = 1
    # Format version 2, `kind: "individual"`: each person answers for themselves; the whole raw
    # total (every item scored) converts through `score_table` (raw total -> reported score) and
    # the bands are over the reported score (band_metric "score"). No consensus, no meeting.
    kind: InstrumentKind = "team"
    score_table: Mapping[int, float] | None = None
    # How often a round should be repeated (`repeat_months`, optional): gives each agency a
    # next-due date (app/services/due.py). Absent means DEFAULT_REPEAT_MONTHS, the SMS OAT's six.
    repeat_months: int = 6

    @property
    def domains(self) -> list[Domain]:
        return [domain for section in self.sections for domain in section.domains]

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def iter_items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> Item | None:
        return self.item_index.get(item_id)

    def domain(self, domain_id: str) -> Domain | None:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        return None

    def section(self, section_id: str) -> Section | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def band_for(self, score: Number | None, section_id: str | None = None) -> Band | None:
        """The band a score (in `band_metric` units) falls in; a section's own bands first.

        Compared exactly (app/core/exact.py): pass the exact score, or its correctly rounded float.
        """
        if score is None:
            return None
        bands = self.bands
        if section_id is not None:
            section = self.section(section_id)
            if section is not None and section.bands:
                bands = section.bands
        return band_for(bands, score)


def band_for(bands: tuple[Band, ...], score: Number) -> Band | None:
    """`min ≤ score < max`, exactly; the top band also holds the top of the range."""
    value = exact(score)
    n, d = value.numerator, value.denominator  # d > 0
    last = len(bands) - 1
    for index, (band, (lo_n, lo_d, hi_n, hi_d)) in enumerate(
        zip(bands, _edges(bands), strict=True)
    ):
        # Cross-multiplied integers: exactly min ≤ score < max, without Fraction overhead
        # (a roll-up looks up thousands of bands).
        if lo_n * d <= n * lo_d and (
            n * hi_d < hi_n * d or (index == last and n * hi_d == hi_n * d)
        ):
            return band
    return None


_EDGES: dict[int, tuple[tuple[Band, ...], list[tuple[int, int, int, int]]]] = {}


def _edges(bands: tuple[Band, ...]) -> list[tuple[int, int, int, int]]:
    """Each band's exact min and max as (numerator, denominator) pairs, worked out once."""
    cached = _EDGES.get(id(bands))
    if cached is not None and cached[0] is bands:
        return cached[1]
    edges = []
    for band in bands:
        lo, hi = exact(band.min), exact(band.max)
        edges.append((lo.numerator, lo.denominator, hi.numerator, hi.denominator))
    if len(_EDGES) >= 256:  # instruments parsed again and again must not grow it without end
        _EDGES.clear()
    _EDGES[id(bands)] = (bands, edges)  # keeps `bands` alive, so its id is never reused
    return edges
