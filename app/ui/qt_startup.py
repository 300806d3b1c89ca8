"""Start-up costs of PySide6 that the app does not need to pay.

PySide6 looks at every module imported after it for `from __feature__ import …` (snake_case,
true_property) by reading the module's whole source through `inspect.getsource` (linecache,
tokenize): ~0.1 ms a module, a few ms over the ~70 modules the home window imports. The app
never selects a feature, so the question ("does this module mention PySide6?") is answered
here from the file's bytes, which is what PySide6 searches for, at a fraction of the cost.
Modules without a source file get PySide6's own answer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_MAX_SOURCE = 4 * 1024 * 1024  # a bounded read; our modules are far smaller


def _fast_scan(upstream: Any) -> Any:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with Path(path).open("rb") as source:
                return b"PySide6" in source.read(_MAX_SOURCE)
        except OSError:
            return bool(upstream(module))

    uses_pyside.fast = True  # type: ignore[attr-defined]
    return uses_pyside


def skip_source_scan() -> bool:
    """Load PySide6 and replace its per-import source scan with a byte search; False if PySide6
    has none (another version): nothing is changed then."""
    import PySide6.QtCore  # noqa: F401  (its import sets up the feature module)

    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get(
        "PySide6.support.feature"
    )
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if not getattr(upstream, "fast", False):
        feature._mod_uses_pyside = _fast_scan(upstream)  # type: ignore[attr-defined]
    return True
