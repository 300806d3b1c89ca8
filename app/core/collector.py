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


def let_go(*containers: object) -> None:
    """Empty lists, dicts and sets one item at a time, in a Python loop.

    Freeing a container of 100,000 objects is one call in C: the whole cascade of freed objects
    runs without letting another thread have the interpreter (~60 ms for the intermediates of a
    roll-up of 100,000 rounds, which held the GUI thread that long as the worker's function
    returned). Emptied here item by item, the worker lets the GUI thread in every few ms. Only
    these containers are emptied, never what is inside them: an item something else still
    refers to (a result) stays as it is.
    """
    for item in containers:
        if isinstance(item, dict):
            while item:
                item.popitem()
        elif isinstance(item, (list, set)):
            while item:
                item.pop()
