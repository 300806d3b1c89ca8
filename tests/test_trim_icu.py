"""Issue 20: the Linux bundle's ICU data keeps what Qt needs for English and Spanish and nothing
of other languages (`build/trim_icu.py`; `make dist-check` checks the built library's size and
runs the frozen app). Whether a trimmed library still sorts, cases, breaks words and names time
zones as the full one does was compared by running Qt with each (docs/performance.md, "Bundle")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "build" / "trim_icu.py"
_spec = importlib.util.spec_from_file_location("trim_icu", SCRIPT)
assert _spec is not None and _spec.loader is not None
trim_icu = importlib.util.module_from_spec(_spec)
sys.modules["trim_icu"] = trim_icu
_spec.loader.exec_module(trim_icu)


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "en.res",
        "en_US_POSIX.res",
        "es.res",
        "es_419.res",
        "es_MX.res",
        "coll/root.res",
        "coll/es.res",
        "coll/ucadata.icu",
        "curr/en_GB.res",
        "lang/es.res",
        "zone/es.res",
        "brkitr/root.res",
        "brkitr/line.brk",
        "brkitr/word.brk",
        "pool.res",
        "res_index.res",
        "coll/res_index.res",
        "curr/pool.res",
        "supplementalData.res",
        "likelySubtags.res",
        "metaZones.res",
        "zoneinfo64.res",
        "timezoneTypes.res",
        "windowsZones.res",
        "icuver.res",
        "plurals.res",
        "nfc.nrm",
        "uts46.nrm",
        "cnvalias.icu",
        "uprops.icu",
    ],
)
def test_keeps_what_english_and_spanish_need(item: str) -> None:
    assert trim_icu.keep(item)


@pytest.mark.parametrize(
    "item",
    [
        "fr.res",
        "de_.res",
        "zh_Hant_TW.res",
        "sr_Latn_BA.res",
        "ca_ES_VALENCIA.res",
        "coll/de.res",
        "coll/zh.res",
        "curr/ja.res",
        "brkitr/ja.res",
        "brkitr/cjdict.dict",
        "brkitr/thaidict.dict",
        "translit/root.res",
        "translit/el_Latn.res",
        "ibm-1390_P110-2003.cnv",
        "gb18030.cnv",
        "unames.icu",
        "confusables.cfu",
    ],
)
def test_drops_other_languages_dictionaries_and_legacy_charsets(item: str) -> None:
    assert not trim_icu.keep(item)
