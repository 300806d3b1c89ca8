"""A language's translation catalogues: the app's own and Qt's (standard buttons and dialogs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator

from app import paths

log = logging.getLogger(__name__)


def load_catalogues(parent: QObject, lang: str) -> list[QTranslator]:
    """The catalogues found for `lang`, loaded but not installed. Each is also looked for beside
    the app's own catalogue; one found nowhere is logged and left out.

    English has a catalogue too, though the source texts are English: it holds only the plural
    forms of the `%n` messages ("1 priority", "2 priorities"), which Qt takes from a catalogue
    and never from the source text. Qt's own buttons need none in English."""
    own_folder = str(paths.translations_dir())
    loaded = []
    wanted = [(f"smsoat_{lang}", own_folder)]
    if lang != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        wanted.append((f"qtbase_{lang}", qt_folder))
    for name, folder in wanted:
        translator = QTranslator(parent)
        if translator.load(name, folder) or translator.load(name, own_folder):
            loaded.append(translator)
        else:
            log.warning("translation %s not found", name)
    return loaded
