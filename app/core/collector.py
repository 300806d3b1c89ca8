"""Python's cycle collector paused around a burst of short-lived objects (a PDF, a workbook).

Each burst of new objects makes the collector walk every live object again: ~15 % of the state
roll-up PDF of 1,000 agencies and ~0.1 s of its workbook after an import had filled the heap. The
build's few cycles wait for the next collection (or are freed by the caller). Re-enabled only if
it was on before: a caller, or a concurrent build, that turned it off keeps it off. Qt-free and
import-light, so the workbook does not load ReportLab to use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the `with` block, then as it was."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
