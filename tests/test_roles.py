"""Role codes and labels: one definition (app.core.models), tied to every other list by test."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.core.models import ROLE_LABELS_EN, ROLES
from app.db.migrations import ROLES_SQL
from app.reports import labels
from app.services import backups
from app.services.redaction import OTHER_ROLES


def test_every_role_has_one_english_label() -> None:
    assert tuple(ROLE_LABELS_EN) == ROLES


def test_the_database_accepts_exactly_the_roles() -> None:
    """Adding a role means a migration: the stored CHECK lists the codes as they were."""
    assert ",".join(f"'{role}'" for role in ROLES) == ROLES_SQL


def test_report_labels_cover_every_role_in_every_language() -> None:
    for lang in labels.LANGUAGES:
        words = labels.table(lang)
        # besides the roles: "role_mean", and the pool of one-person roles in roles-only tables
        extra = {"mean", OTHER_ROLES}
        assert {k.removeprefix("role_") for k in words if k.startswith("role_")} - extra == set(
            ROLES
        ), lang
        assert f"role_{OTHER_ROLES}" in words, lang
    assert [labels.role_label("en", r) for r in ROLES] == list(ROLE_LABELS_EN.values())


def test_screen_labels_are_the_english_labels_before_translation() -> None:
    from app.ui.texts import role_label

    assert {role: role_label(role) for role in ROLES} == ROLE_LABELS_EN


def test_screen_and_reports_name_a_role_alike_in_every_language(qapp: object) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.texts import role_label

    before = QLocale()
    try:
        for lang in labels.LANGUAGES:
            QLocale.setDefault(QLocale(lang))
            assert [role_label(r) for r in ROLES] == [labels.role_label(lang, r) for r in ROLES]
    finally:
        QLocale.setDefault(before)


def test_a_role_is_a_person_not_a_department() -> None:
    """Issue 16: "Función: Administración" named an office, not the person's role."""
    assert labels.role_label("es", "administrator") == "Administrador/a"


def test_backups_folder_is_named_once(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "smsoat.sqlite3"
    assert backups.backups_folder(db) == paths.backups_dir(db.parent)
    assert paths.backups_dir() == paths.data_dir() / paths.BACKUPS_FOLDER
