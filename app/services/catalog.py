"""The default instrument catalog: shipped instruments, then the user's own folder."""

from __future__ import annotations

from functools import lru_cache

from app import paths
from app.core.catalog import Catalog, load_catalog


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog([paths.instruments_dir(), paths.user_instruments_dir()])
