"""Instrument files: the shipped ones load, and every kind of broken file is refused by place."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.core.catalog import load_catalog
from app.core.errors import InstrumentError
from app.core.instrument_loader import (
    load_instrument,
    parse_instrument,
    parse_instrument_bytes,
)

REPO = Path(__file__).parent.parent
SCHEMA = json.loads((REPO / "instruments/schema/instrument.schema.json").read_text("utf-8"))
SHIPPED = [REPO / "instruments" / f"{name}.json" for name in ("sms-oat-bh", "sms-primary-care")]


def problems_of(doc: Any) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        parse_instrument(doc, "bad.json")
    assert info.value.problems, "an InstrumentError must list its problems"
    return info.value.problems


def test_mini_fixture_loads(mini_doc: dict[str, Any]) -> None:
    inst = parse_instrument(mini_doc, "mini.json")
    assert [d.id for d in inst.domains] == ["1.1", "1.2", "2"]
    assert [i.id for i in inst.items][:3] == ["1.1.1", "1.1.2", "1.2.1"]
    assert inst.item("2.2") is not None and inst.item("2.2").domain_id == "2"
    assert inst.scale.low_threshold == 1.5
    assert inst.band_for(4.0).id == "high" and inst.band_for(1.0).id == "low"
    assert inst.band_for(2.0).id == "mid"


def test_only_instrument_files_in_instruments_folder() -> None:
    """Every .json in instruments/ must be a valid instrument: the catalog loads them all."""
    catalog = load_catalog([REPO / "instruments"])
    assert not catalog.errors, catalog.errors
    assert {p.stem for p in SHIPPED} <= set(catalog.instruments)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_instrument_valid_and_matches_schema(path: Path) -> None:
    inst = load_instrument(path)
    assert "en" in inst.languages and "es" in inst.languages
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(path.read_text("utf-8")))
    for domain in inst.domains:
        assert domain.suggestions, domain.id
        for item in domain.items:
            assert 1 <= len(item.examples) <= 4, item.id


def test_sms_oat_follows_the_oat_structure(sms_oat: Any) -> None:
    s1, s2 = sms_oat.sections[0], sms_oat.sections[1]
    assert s1.id == "1" and s1.has_subsections
    assert s1.title.get("en") == "Self-Management Support Foundations"
    first = s1.domains[0]
    assert first.id == "1.1"
    assert first.title.get("en") == "Activating Clients to Engage in Self-Management"
    assert first.items[0].id == "1.1.1"
    assert "respect" in first.items[0].prompt.get("en").lower()
    assert s2.title.get("en") == "Monitoring Self-Management Support Activities"
    assert not s2.has_subsections and s2.items[0].id == "2.1"
    assert "feedback" in s2.items[0].prompt.get("en").lower()
    assert all(len(d.items) >= 3 for d in sms_oat.domains)
    kinds = {c.kind for c in sms_oat.scale.choices}
    assert kinds == {"score", "dont_know", "not_applicable"}
    assert "not the official" in sms_oat.description.get("en").lower()


def test_primary_care_has_a_differently_shaped_scale(primary_care: Any, sms_oat: Any) -> None:
    assert primary_care.scale.max_value != sms_oat.scale.max_value
    assert len(primary_care.scale.levels) == 4
    assert primary_care.band_metric == "percent"


def test_hash_ignores_formatting_but_not_content(mini_doc: dict[str, Any]) -> None:
    compact = json.dumps(mini_doc, separators=(",", ":")).encode()
    pretty = json.dumps(mini_doc, indent=4, ensure_ascii=False).encode()
    a = parse_instrument_bytes(compact, "a")
    b = parse_instrument_bytes(pretty, "b")
    assert a.content_hash == b.content_hash
    edited = copy.deepcopy(mini_doc)
    edited["sections"][1]["items"][0]["prompt"]["en"] += "!"
    assert parse_instrument(edited, "c").content_hash != a.content_hash


def _edit(doc: dict[str, Any], path: str, value: Any = None, delete: bool = False) -> Any:
    """Set or delete the value at a dotted path such as 'sections.0.items.1.prompt.es'."""
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node: Any = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key: Any = int(last) if isinstance(node, list) else last
    if delete:
        del node[key]
    else:
        node[key] = value
    return doc


BROKEN = [
    (
        "missing spanish text",
        "sections.1.items.0.prompt.es",
        None,
        True,
        "$.sections[1].items[0].prompt.es",
        "missing or empty 'es'",
    ),
    ("empty text", "title.en", "  ", False, "$.title.en", "missing or empty 'en'"),
    ("undeclared language", "title.fr", "Titre", False, "$.title.fr", "not declared"),
    (
        "duplicate item id",
        "sections.1.items.1.id",
        "2.1",
        False,
        "$.sections[1].items[1].id",
        "already used",
    ),
    (
        "item outside its domain",
        "sections.0.subsections.0.items.0.id",
        "1.2.9",
        False,
        "$.sections[0].subsections[0].items[0].id",
        "inside '1.1'",
    ),
    (
        "subsection outside its section",
        "sections.0.subsections.1.id",
        "2.2",
        False,
        "$.sections[0].subsections[1].id",
        "inside section 1",
    ),
    ("band gap", "bands.1.min", 2.5, False, "$.bands[1].min", "a gap"),
    ("band overlap", "bands.2.min", 2.5, False, "$.bands[2].min", "an overlap"),
    ("bands short of the top", "bands.2.max", 3.5, False, "$.bands[2].max", "must end at 4"),
    ("bands start late", "bands.0.min", 1.5, False, "$.bands[0].min", "must start at 1"),
    (
        "value not a number",
        "scale.choices.0.value",
        "one",
        False,
        "$.scale.choices[0].value",
        "expected a number",
    ),
    (
        "don't know with a value",
        "scale.choices.4.value",
        0,
        False,
        "$.scale.choices[4].value",
        "never scored",
    ),
    (
        "duplicate choice code",
        "scale.choices.1.code",
        "1",
        False,
        "$.scale.choices[1].code",
        "used twice",
    ),
    (
        "unknown kind",
        "scale.choices.5.kind",
        "maybe",
        False,
        "$.scale.choices[5].kind",
        "expected one of",
    ),
    (
        "unknown key",
        "sections.1.items.0.promt",
        {"en": "x", "es": "y"},
        False,
        "$.sections[1].items[0].promt",
        "unknown key",
    ),
    (
        "no examples",
        "sections.1.items.0.examples",
        [],
        False,
        "$.sections[1].items[0].examples",
        "at least 1",
    ),
    (
        "both subsections and items",
        "sections.0.items",
        [],
        False,
        "$.sections[0]",
        "either 'subsections' or 'items'",
    ),
    ("newer format version", "format_version", 2, False, "$.format_version", "newer"),
    (
        "spread not positive",
        "scoring.disagreement_spread",
        0,
        False,
        "$.scoring.disagreement_spread",
        "above 0",
    ),
    (
        "unknown band metric",
        "scoring.band_metric",
        "median",
        False,
        "$.scoring.band_metric",
        '"mean" or "percent"',
    ),
    ("missing suggestions", "sections.1.suggestions", None, True, "$.sections[1]", "suggestions"),
    (
        "review period out of range",
        "review_period_months",
        0,
        False,
        "$.review_period_months",
        "1 to 24",
    ),
    ("no english", "languages", ["es"], False, "$.languages", 'must include "en"'),
]


@pytest.mark.parametrize(
    ("path", "value", "delete", "where", "what"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_instrument_names_the_place(
    mini_doc: dict[str, Any], path: str, value: Any, delete: bool, where: str, what: str
) -> None:
    problems = problems_of(_edit(mini_doc, path, value, delete))
    assert any(f"bad.json: {where}: " in p and what in p for p in problems), problems


def test_every_problem_is_reported_at_once(mini_doc: dict[str, Any]) -> None:
    doc = _edit(mini_doc, "bands.1.min", 2.5)
    doc = _edit(doc, "sections.1.items.0.prompt.es", None, delete=True)
    doc = _edit(doc, "sections.1.items.1.id", "2.1")
    assert len(problems_of(doc)) == 3


def test_levels_must_cover_every_scored_value(mini_doc: dict[str, Any]) -> None:
    doc = _edit(
        mini_doc,
        "scale.levels",
        [
            {"min": 1, "max": 2, "label": {"en": "a", "es": "a"}},
            {"min": 4, "max": 4, "label": {"en": "b", "es": "b"}},
        ],
    )
    assert any("scored value 3 is in no level" in p for p in problems_of(doc))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xff\xfe not utf-8 \x80", "not UTF-8"),
        (b'{"format": "smsoat-instrument", ', "not valid JSON at line 1"),
        (b"[1, 2, 3]", "not an instrument file"),
        (b"", "not valid JSON"),
    ],
)
def test_unreadable_files(raw: bytes, expected: str) -> None:
    with pytest.raises(InstrumentError, match=expected):
        parse_instrument_bytes(raw, "x.json")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match="cannot read"):
        load_instrument(tmp_path / "nope.json")


def test_catalog_skips_broken_files_but_keeps_good_ones(
    tmp_path: Path, mini_doc: dict[str, Any]
) -> None:
    (tmp_path / "good.json").write_text(json.dumps(mini_doc), "utf-8")
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    catalog = load_catalog([tmp_path])
    assert list(catalog.instruments) == ["mini"]
    assert len(catalog.errors) == 1 and "bad.json" in str(catalog.errors[0])
    with pytest.raises(InstrumentError, match="No instrument 'other'"):
        catalog.get("other")
