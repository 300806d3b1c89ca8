"""Errors from the core reach the user in the interface's language, with their details filled in;
an error without a known code keeps its own message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app import paths
from app.core.errors import StorageError, ValidationError
from app.db.connection import open_database
from app.db.organizations import create as create_agency
from app.services.files import write_atomically
from app.ui.error_text import user_message


def _raised(action: object) -> Exception:
    with pytest.raises(Exception) as caught:
        action()  # type: ignore[operator]
    return caught.value


def test_english_messages_with_their_details(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "d.sqlite3")
    try:
        err = _raised(lambda: create_agency(conn, "  "))
        assert isinstance(err, ValidationError) and err.code == "agency_name"
        assert user_message(err) == "An agency needs a name."
    finally:
        conn.close()
    missing = tmp_path / "no-such-folder" / "x.pdf"
    err = _raised(lambda: write_atomically(missing, b"x"))
    assert isinstance(err, StorageError) and err.code == "folder_missing"
    assert user_message(err) == str(err)  # the same words, from the interface's catalogue
    assert user_message(ValidationError("Something rare.")) == "Something rare."


def test_spanish_when_the_catalogue_is_installed(tmp_path: Path, qapp: object) -> None:
    translator = QTranslator()
    assert translator.load("smsoat_es", str(paths.translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        err = ValidationError(
            "Ana has 3 saved answers and cannot be removed.",
            code="member_has_answers",
            params={"name": "Ana", "count": 3},
        )
        assert user_message(err) == "Ana tiene 3 respuestas guardadas y no se puede quitar."
        full = StorageError("The disk is full …", code="disk_full")
        assert user_message(full).startswith("El disco está lleno")
        assert user_message(ValidationError("Unmapped.", code="no_such_code")) == "Unmapped."
    finally:
        QCoreApplication.removeTranslator(translator)
