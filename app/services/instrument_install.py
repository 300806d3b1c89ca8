"""Adding an instrument file (.json, or a workbook converted on the way) to the instruments folder
beside the data file: checked first, shown, then written (File › Add instrument…).

A new version of an installed instrument is added beside the old file, never over it: rounds keep
the copy of the version they were started with in the data file whatever the folder holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument, parse_instrument
from app.services.files import write_atomically
from app.services.instrument_xlsx import load_instrument_xlsx


@dataclass(frozen=True)
class CheckedFile:
    """A file's check result: the instrument, or every problem with its place."""

    path: Path
    instrument: Instrument | None
    problems: list[str] = field(default_factory=list)
    document: dict[str, Any] | None = None


def check_file(path: Path) -> CheckedFile:
    """An instrument file (.json or .xlsx) read and checked, with warnings, before installing."""
    try:
        if path.suffix.lower() == ".xlsx":
            doc = load_instrument_xlsx(path)
            return CheckedFile(path, parse_instrument(doc, str(path)), [], doc)
        instrument = load_instrument(path)
        return CheckedFile(path, instrument, [], dict(instrument.source))
    except InstrumentError as exc:
        return CheckedFile(path, None, exc.problems or [str(exc)])


def instruments_folder(db_path: Path) -> Path:
    """Where the app installs instruments: the instruments/ folder beside the data file."""
    return db_path.absolute().parent / "instruments"


def install(checked: CheckedFile, folder: Path, installed: list[Instrument]) -> Path:
    """Write a checked instrument as FOLDER/ID-VERSION.json; raises InstrumentError when it is
    already installed or another file has the same id and version with other content."""
    inst, doc = checked.instrument, checked.document
    if inst is None or doc is None:
        raise InstrumentError(f"{checked.path}: the file has problems; fix them first.")
    for other in installed:
        if other.id == inst.id and other.version == inst.version:
            if other.content_hash == inst.content_hash:
                raise InstrumentError(f"{inst.id} {inst.version} is already installed.")
            raise InstrumentError(
                f"Another {inst.id} {inst.version} with other content is installed; give this "
                "file a new version, so rounds can tell the two apart."
            )
    target = folder / f"{inst.id}-{inst.version}.json"
    if target.exists():
        raise InstrumentError(f"{target} already exists; remove it first or change the version.")
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_atomically(target, text.encode("utf-8"))
    return target
