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
    ("newer format version", "format_version", 3, False, "$.format_version", "newer"),
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


# ----- crafted numbers, texts and identifiers (issue 22) ----------------------------------------


def _raw(doc: dict[str, Any], old: str, new: str) -> bytes:
    """The document's JSON text with one token replaced: numbers json.dumps cannot write."""
    text = json.dumps(doc, ensure_ascii=True)
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1e999", "out of range"),
        ("-1e999", "out of range"),
        ("NaN", "not a JSON number"),
        ("Infinity", "not a JSON number"),
        ("9" * 400, "more than 15 digits"),
        ("-" + "9" * 5000, "more than 15 digits"),
    ],
)
def test_non_finite_and_huge_numbers_are_refused_cleanly(
    mini_doc: dict[str, Any], token: str, expected: str
) -> None:
    raw = _raw(mini_doc, '"disagreement_spread": 2', f'"disagreement_spread": {token}')
    with pytest.raises(InstrumentError, match=expected):
        parse_instrument_bytes(raw, "x.json")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("scale.choices.3.value", 1e308),
        ("scale.choices.0.value", -1e7),
        ("scoring.disagreement_spread", 1e300),
        ("bands.2.max", 10**400),  # a parsed document may hold any Python int
        ("bands.0.min", float("nan")),
        ("scale.choices.3.value", float("inf")),
    ],
)
def test_numbers_outside_the_documented_range(
    mini_doc: dict[str, Any], path: str, value: Any
) -> None:
    doc = _edit(mini_doc, path, value)
    problems = problems_of(doc)
    assert any("expected a finite number from -1,000,000 to 1,000,000" in p for p in problems)


def test_numbers_at_the_edge_of_the_range_load(mini_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(mini_doc)
    doc["scoring"]["band_metric"] = "percent"
    for band, (lo, hi) in zip(doc["bands"], [(0, 30), (30, 60), (60, 100)], strict=True):
        band["min"], band["max"] = lo, hi
    doc["scale"]["choices"][0]["value"] = -1_000_000
    doc["scale"]["choices"][3]["value"] = 1_000_000.0
    doc["scoring"]["disagreement_spread"] = 1_000_000
    inst = parse_instrument(doc, "edge.json")
    assert inst.scale.max_value == 1_000_000


@pytest.mark.parametrize(
    "version",
    [
        "1.0.0\u200b",  # zero-width space: shows as 1.0.0
        "1.0.0\u2060",  # word joiner
        "1.0.\u0660",  # Arabic-Indic digit zero
        "1.0.0\n",
        " 1.0.0",
        "１.0.0",  # full-width digit
        "1.0.0 beta",
        "x" * 33,
        "",
        "-1",
    ],
)
def test_look_alike_versions_are_refused(mini_doc: dict[str, Any], version: str) -> None:
    doc = _edit(mini_doc, "version", version)
    assert any("$.version" in p and "ASCII" in p for p in problems_of(doc))


@pytest.mark.parametrize("inst_id", ["mini\u200b", "mini\n", "mіni", "Mini", "mini_x", "-mini"])
def test_look_alike_ids_are_refused(mini_doc: dict[str, Any], inst_id: str) -> None:
    doc = _edit(mini_doc, "id", inst_id)
    assert any("$.id" in p for p in problems_of(doc))


@pytest.mark.parametrize("version", ["1.0.0", "2", "1.0.0-rc.1+state.2", "2026A"])
def test_plain_versions_load(mini_doc: dict[str, Any], version: str) -> None:
    assert parse_instrument(_edit(mini_doc, "version", version), "v.json").version == version


@pytest.mark.parametrize("value", [1.0, True, "1"])
def test_format_version_must_be_the_whole_number_1(mini_doc: dict[str, Any], value: Any) -> None:
    doc = _edit(mini_doc, "format_version", value)
    assert any("$.format_version" in p for p in problems_of(doc))


def test_a_lone_surrogate_anywhere_is_refused(mini_doc: dict[str, Any]) -> None:
    raw = _raw(mini_doc, '"Mini instrument"', '"Mini \\ud800"')
    with pytest.raises(InstrumentError, match="lone surrogate"):
        parse_instrument_bytes(raw, "x.json")
    doc = _edit(mini_doc, "title.en", "Mini \udfff")
    with pytest.raises(InstrumentError, match=r"\$\.title\.en.*lone surrogate"):
        parse_instrument(doc, "x.json")
    # a surrogate pair, escaped, is an ordinary character (an emoji) and loads
    raw = _raw(mini_doc, '"Mini instrument"', '"Mini \\ud83d\\ude00"')
    assert parse_instrument_bytes(raw, "x.json").title.get("en") == "Mini \U0001f600"


def test_a_text_of_invisible_characters_is_empty(mini_doc: dict[str, Any]) -> None:
    doc = _edit(mini_doc, "title.es", "\u200b\u200b\u00a0\u200e")
    assert any("$.title.es" in p and "visible" in p for p in problems_of(doc))


def test_too_many_values_are_refused_before_they_are_built(mini_doc: dict[str, Any]) -> None:
    raw = _raw(mini_doc, '"examples": [', '"examples": [' + "[]," * 250_000)
    with pytest.raises(InstrumentError, match="more than the 200,000 allowed"):
        parse_instrument_bytes(raw, "x.json")


@pytest.mark.parametrize(
    "token", ["1e999", "9" * 400, "-" + "9" * 5000, '"\\ud800"', "NaN", "[" * 5000]
)
def test_one_crafted_file_in_the_user_folder_breaks_nothing(
    tmp_path: Path, mini_doc: dict[str, Any], token: str
) -> None:
    (tmp_path / "good.json").write_text(json.dumps(mini_doc), "utf-8")
    other = copy.deepcopy(mini_doc)
    other["id"] = "other"
    (tmp_path / "crafted.json").write_bytes(
        _raw(other, '"disagreement_spread": 2', f'"disagreement_spread": {token}')
    )
    catalog = load_catalog([tmp_path])
    assert list(catalog.instruments) == ["mini"]
    assert len(catalog.errors) == 1 and "crafted.json" in str(catalog.errors[0])


def test_instrument_list_and_check_with_a_crafted_file(
    tmp_path: Path,
    mini_doc: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main
    from app.services.catalog import default_catalog

    folder = tmp_path / "data" / "instruments"
    folder.mkdir(parents=True)
    crafted = folder / "crafted.json"
    crafted.write_bytes(
        _raw(mini_doc, '"disagreement_spread": 2', '"disagreement_spread": ' + "9" * 400)
    )
    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path / "data"))
    default_catalog.cache_clear()
    try:
        code = main(["instrument", "list"])
        out, err = capsys.readouterr()
        assert code == 0 and "sms-oat-bh" in out
        assert err.count("\n") == 1 and "crafted.json" in err and "more than 15 digits" in err
        code = main(["instrument", "check", str(crafted)])
        out, err = capsys.readouterr()
        assert code == 2 and err.count("\n") == 1 and "more than 15 digits" in err
        assert "Traceback" not in out + err
    finally:
        default_catalog.cache_clear()


@pytest.mark.parametrize("key", ["scale", "scoring", "bands", "sections"])
def test_a_missing_top_level_part_is_a_problem_not_a_crash(
    mini_doc: dict[str, Any], key: str
) -> None:
    """Found by the fuzzer (tests/test_fuzz_exchange.py): without "scale" the loader asked an
    empty scale for its range and raised IndexError."""
    doc = copy.deepcopy(mini_doc)
    del doc[key]
    assert any(f"missing key '{key}'" in p for p in problems_of(doc))
