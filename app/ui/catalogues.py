"""A language's translation catalogues: the app's own and Qt's (standard buttons and dialogs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator

from app import paths

log = logging.getLogger(__name__)


def load_catalogues(parent: QObject, lang: str) -> list[QTranslator]:
    """The catalogues found for `lang`, loaded but not installed. Each is also looked for beside
    the app's own catalogue; one found nowhere is logged and left out."""
    own_folder = str(paths.translations_dir())
    loaded = []
    for name, folder in (
        (f"smsoat_{lang}", own_folder),
        (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(parent)
        if translator.load(name, folder) or translator.load(name, own_folder):
            loaded.append(translator)
        else:
            log.warning("translation %s not found", name)
    return loaded
