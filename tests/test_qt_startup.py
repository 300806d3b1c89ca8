"""PySide6's per-import source scan, answered from the file's bytes (app/ui/qt_startup.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's feature module)

from app.ui import qt_startup


def _feature() -> ModuleType:
    module = sys.modules.get("shibokensupport.feature")
    assert module is not None
    return module


def _module(tmp_path: Path, name: str, text: str) -> ModuleType:
    path = tmp_path / f"{name}.py"
    path.write_text(text, "utf-8")
    module = ModuleType(name)
    module.__file__ = str(path)
    return module


def test_the_scan_gives_pysides_own_answer_from_the_bytes(tmp_path: Path) -> None:
    feature = _feature()
    assert qt_startup.skip_source_scan()
    fast = feature._mod_uses_pyside
    assert getattr(fast, "fast", False)
    uses = _module(tmp_path, "uses_qt", "from PySide6.QtCore import QTimer\n")
    plain = _module(tmp_path, "plain_mod", "import json\n")
    assert fast(uses) is True
    assert fast(plain) is False
    # a module without a source file: PySide6's own answer (False for a builtin)
    assert fast(sys) is False
    # a file that vanished: PySide6's answer (its getsource fails: False), never an exception
    gone = _module(tmp_path, "gone_mod", "from PySide6 import QtCore\n")
    Path(str(gone.__file__)).unlink()
    assert fast(gone) is False


def test_installing_twice_keeps_one_wrapper() -> None:
    feature = _feature()
    qt_startup.skip_source_scan()
    first = feature._mod_uses_pyside
    qt_startup.skip_source_scan()
    assert feature._mod_uses_pyside is first


def test_the_gui_start_installs_it_before_the_launcher() -> None:
    import app.cli

    source = Path(app.cli.__file__).read_text("utf-8")
    assert source.index("skip_source_scan()") < source.index("from app.ui.launch import run_gui")


def test_a_module_imported_after_it_is_classified(tmp_path: Path) -> None:
    qt_startup.skip_source_scan()
    feature = _feature()
    assert getattr(feature._mod_uses_pyside, "fast", False)
    (tmp_path / "late_qt_user.py").write_text("from PySide6.QtCore import QObject\n", "utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        import late_qt_user  # type: ignore[import-not-found]  # noqa: F401
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("late_qt_user", None)
    assert feature.pyside_feature_dict.get("late_qt_user") == 0  # uses PySide6: feature set 0
