"""The default instrument catalog: shipped instruments, the user's own folder, and the
`instruments/` folder beside the data file in use (so `--db /shared/state.sqlite3` also finds
`/shared/instruments/`, where a state keeps the files it hands out)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app import paths
from app.core.catalog import Catalog, load_catalog

_data_file: Path | None = None


def use_data_file(db_path: Path | None) -> None:
    """The data file this process works on (`--db`, or the default); set once at the edge (the
    command line, the GUI launch) before the catalog is first read."""
    global _data_file
    _data_file = db_path
    default_catalog.cache_clear()


def instrument_folders(db_path: Path | None = None) -> list[Path]:
    """Shipped, then the user's folder, then the folder beside the data file; later folders win
    on the same id. A folder named twice (the default data file lives in the user's folder) is
    read once."""
    folders = [paths.instruments_dir(), paths.user_instruments_dir()]
    if db_path is not None:
        folders.append(db_path.absolute().parent / "instruments")
    unique: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        key = folder.resolve() if folder.exists() else folder.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The instruments of every folder this data file uses (shipped, user, beside the file)."""
    return load_catalog(instrument_folders(_data_file))
