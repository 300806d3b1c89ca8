"""The instruments on offer: the shipped ones plus any the agency or state added.

A broken file in the user's folder never hides the others: it is reported beside the good ones.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_lint import instrument_warnings
from app.core.instrument_loader import load_instrument

log = logging.getLogger(__name__)


class Catalog:
    """The instruments that loaded, by id, and the files that did not (shown, never fatal)."""

    def __init__(
        self,
        instruments: dict[str, Instrument] | None = None,
        errors: list[InstrumentError] | None = None,
    ) -> None:
        self.instruments: dict[str, Instrument] = {} if instruments is None else instruments
        self.errors: list[InstrumentError] = [] if errors is None else errors
        # Every version of an id in the folder that offers it (File › Add instrument puts a new
        # version beside the old one); `instruments` holds the highest, the default for a round.
        self.versions: dict[str, dict[str, Instrument]] = {}

    def versions_of(self, instrument_id: str) -> list[Instrument]:
        """The versions on offer for an id, highest first (just the offered one when the catalog
        was built by hand)."""
        found = self.versions.get(instrument_id)
        if not found:
            one = self.instruments.get(instrument_id)
            return [] if one is None else [one]
        return sorted(found.values(), key=lambda i: version_key(i.version), reverse=True)

    def get_version(self, instrument_id: str, version: str | None) -> Instrument:
        """One version of an id; None (or the offered version) gives the offered one."""
        for instrument in self.versions_of(instrument_id):
            if version is None or instrument.version == version:
                return instrument
        offered = ", ".join(i.version for i in self.versions_of(instrument_id)) or "none"
        self.get(instrument_id)  # an unknown id says which ids are installed
        raise InstrumentError(
            f"Instrument '{instrument_id}' has no version '{version}' (installed: {offered})."
        )

    def get(self, instrument_id: str) -> Instrument:
        try:
            return self.instruments[instrument_id]
        except KeyError:
            known = ", ".join(sorted(self.instruments)) or "none"
            raise InstrumentError(
                f"No instrument '{instrument_id}' is installed (installed: {known})."
            ) from None

    def sorted(self) -> list[Instrument]:
        return sorted(self.instruments.values(), key=lambda i: (i.id, i.version))


def instrument_files(folder: Path) -> list[Path]:
    """The `*.json` files of one instruments folder, sorted; none when it is missing."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Versions compared part by part, numbers as numbers: 1.9 < 1.10 < 2.0."""
    parts = re.findall(r"[0-9]+|[A-Za-z]+", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def load_catalog(folders: Iterable[Path]) -> Catalog:
    """Later folders win on the same id (a state's newer wording replaces the shipped one);
    within one folder the highest version of an id is offered (File › Add instrument puts a new
    version beside the old file; rounds keep the copy they were started with)."""
    catalog = Catalog()
    for folder in folders:
        in_folder: set[str] = set()
        for path in instrument_files(folder):
            try:
                instrument = load_instrument(path)
            except InstrumentError as exc:
                log.warning("skipping instrument %s: %s", path, exc)
                catalog.errors.append(exc)
                continue
            for warning in instrument_warnings(instrument):
                log.warning("instrument %s: %s", path, warning)
            if instrument.id not in in_folder:  # a later folder replaces every earlier version
                catalog.versions[instrument.id] = {}
            catalog.versions[instrument.id][instrument.version] = instrument
            earlier = catalog.instruments.get(instrument.id)
            if (
                earlier is not None
                and instrument.id in in_folder
                and version_key(earlier.version) > version_key(instrument.version)
            ):
                continue
            in_folder.add(instrument.id)
            catalog.instruments[instrument.id] = instrument
    return catalog
