"""Warnings about an instrument that loads but would mislead readers (the file is still valid).

A band named like an answer ("2 — Beginning" and the band *Beginning* 1–1.75) makes a domain whose
answers are all "Beginning" read as if it should be banded Beginning, when its mean of 2 is
Developing. So no band name may share its words with an answer label, in any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core.instrument import Band, Instrument, Scale

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return size > 0 and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _scales(instrument: Instrument) -> Iterator[Scale]:
    seen: list[Scale] = []
    for scale in [instrument.scale, *(item.scale for item in instrument.iter_items())]:
        if scale not in seen:
            seen.append(scale)
            yield scale


def _bands(instrument: Instrument) -> Iterator[tuple[str, Band]]:
    for band in instrument.bands:
        yield "$.bands", band
    for section in instrument.sections:
        for band in section.bands or ():
            yield f"section {section.id}", band


def band_label_collisions(instrument: Instrument) -> list[str]:
    """One line per band whose name is, or is inside, an answer label (or the other way round)."""
    found: list[str] = []
    for where, band in _bands(instrument):
        for lang in instrument.languages:
            band_words = _words(band.label.get(lang))
            for scale in _scales(instrument):
                for choice in scale.choices:
                    label = choice.label.get(lang)
                    answer_words = _words(label)
                    if _contains(answer_words, band_words) or _contains(band_words, answer_words):
                        found.append(
                            f"{where}: band '{band.id}' is named '{band.label.get(lang)}' ({lang}),"
                            f" like the answer '{label}'; rename one so a band never reads as an"
                            " answer"
                        )
    return list(dict.fromkeys(found))


def instrument_warnings(instrument: Instrument) -> list[str]:
    """Problems that do not stop an instrument loading but confuse readers (`instrument check`)."""
    return band_label_collisions(instrument)
