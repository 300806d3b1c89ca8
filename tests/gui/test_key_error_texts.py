"""Issue 15: every key error a person can meet in the keys or export dialog carries a code, and
the dialog says it in the interface's language (app/ui/error_text.py), not in the English of the
command line."""

from __future__ import annotations

import ast
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import keys
from app.services.keys import KeyFileError, KeyRing
from app.ui import error_text, pseudo
from app.ui.keys_dialog import KeysDialog

KEYS_SOURCE = Path(keys.__file__)


def _raised_key_errors() -> list[tuple[int, str | None, list[str]]]:
    """(line, code, names of its params) of every KeyFileError(...) the keys service builds."""
    found = []
    for node in ast.walk(ast.parse(KEYS_SOURCE.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "KeyFileError"
        ):
            continue
        words = {k.arg: k.value for k in node.keywords}
        code = words.get("code")
        params = words.get("params")
        names = (
            [str(k.value) for k in params.keys if isinstance(k, ast.Constant)]
            if isinstance(params, ast.Dict)
            else []
        )
        found.append((node.lineno, code.value if isinstance(code, ast.Constant) else None, names))
    return found


def test_every_key_error_has_a_code_with_a_translated_text(qapp: object) -> None:
    raised = _raised_key_errors()
    assert len(raised) >= 20  # the scan found the service's errors
    assert [line for line, code, _ in raised if not code] == []  # each one has a code
    translator = pseudo.PseudoTranslator([])
    qapp.installTranslator(translator)  # type: ignore[attr-defined]
    try:
        for line, code, names in raised:
            error = KeyFileError(
                "English words", code=str(code), params={n: f"<{n}>" for n in names}
            )
            shown = error_text.user_message(error)
            # the dialog's words come through the translator, with every value in them
            assert shown.startswith("[") and shown != "English words", (line, code, shown)
            assert all(f"<{n}>" in shown for n in names if f"{{{n}}}" in shown), (line, shown)
    finally:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]


def test_a_damaged_key_in_the_folder_is_named_in_the_interface_language(
    qtbot: QtBot, qapp: object, tmp_path: Path
) -> None:
    db_path = tmp_path / "smsoat.sqlite3"
    ring = KeyRing.for_database(db_path)
    ring.folder.mkdir()
    (ring.folder / "coordinator-1.key").write_text("AGE-SECRET-KEY-1NOTAKEY\n")
    before = (ring.folder / "coordinator-1.key").read_bytes()
    translator = pseudo.PseudoTranslator([])
    qapp.installTranslator(translator)  # type: ignore[attr-defined]
    try:
        dialog = KeysDialog(None, db_path)
        qtbot.addWidget(dialog)
        shown = dialog.status.text()
    finally:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]
    assert shown.startswith("[") and "coordinator-1.key" in shown, shown
    assert "holds a damaged key" not in shown  # not the command line's English
    assert (ring.folder / "coordinator-1.key").read_bytes() == before


def test_saving_keys_when_there_are_none_says_so_in_the_interface_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = KeysDialog(None, tmp_path / "smsoat.sqlite3")
    qtbot.addWidget(dialog)
    try:
        dialog.ring.export_private("pw")
    except KeyFileError as exc:
        assert exc.code == "keys_none"
        assert error_text.user_message(exc) == "There are no keys here to save yet."
    else:
        raise AssertionError("exporting no keys was not refused")
    assert dialog.export_keys() is None
    assert dialog.status.text() == "There are no keys here to save yet."


def test_pseudo_localisation_keeps_named_placeholders() -> None:
    """Error texts format named values ({name}, {path}); accenting them made every such text
    fall back to English under pseudo-localisation."""
    shown = pseudo.pseudo("{name} in the keys folder is damaged ({reason}).")
    assert "{name}" in shown and "{reason}" in shown and shown.startswith("[")
