"""Pseudo-localisation: `SMSOAT_PSEUDO=1` shows every interface string about 40 % longer, with
accented letters and in brackets, so clipped, overlapping or untranslated (plain) text stands out
on screen and in screenshots without waiting for a real translation. Placeholders (`{0}`, `%1`),
the letter after a `&` mnemonic, markup, file-dialog patterns and line breaks are kept as they are.

It wraps the chosen language: with `es` it lengthens the Spanish text, with `en` the English.
"""

from __future__ import annotations

import math
import os
import re

from PySide6.QtCore import QObject, QTranslator
from PySide6.QtWidgets import QApplication

PSEUDO_ENV = "SMSOAT_PSEUDO"
GROWTH = 0.4

# Qt strings that are read back as data, not shown: keep them.
_UNTOUCHED_CONTEXTS = {"QShortcut", "QKeySequence"}
_UNTOUCHED_SOURCES = {"QT_LAYOUT_DIRECTION"}
# Kept verbatim: {0} and {name} (error texts format named values), %1 %n, a mnemonic (&&, &x),
# markup <…>, entities &amp;, (*.ext), line breaks.
_KEEP = re.compile(r"\{\w*\}|%(?:\d+|n)|&[A-Za-z]+;|&&|&.|<[^>]*>|\(\*[^)]*\)|\n")
_ACCENTS = str.maketrans(
    "aceginorsuyzACEGINORSUYZ",
    "àçéĝîñöŕšûýžÀÇÉĜÎÑÖŔŠÛÝŽ",
)


def requested() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


def pseudo(text: str) -> str:
    """`Save {0}` → `[Šàvé {0} ~~~]`: accented, bracketed and about 40 % longer."""
    if not text:
        return text
    parts: list[str] = []
    visible = 0
    last = 0
    for match in _KEEP.finditer(text):
        plain = text[last : match.start()]
        parts.append(plain.translate(_ACCENTS))
        visible += len(plain)
        parts.append(match.group())
        visible += 1 if match.group().startswith("&") and len(match.group()) == 2 else 0
        last = match.end()
    tail = text[last:]
    parts.append(tail.translate(_ACCENTS))
    visible += len(tail)
    extra = max(0, math.ceil(visible * GROWTH) - 2)  # the brackets count towards the growth
    padding = " ".join("~" * min(5, extra - i) for i in range(0, extra, 6)) if extra else ""
    return "[" + "".join(parts) + (" " + padding if padding else "") + "]"


class PseudoTranslator(QTranslator):
    """Answers every lookup: the real catalogues' text for the language (or the source text),
    pseudo-localised."""

    def __init__(self, bases: list[QTranslator], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bases = bases

    def isEmpty(self) -> bool:  # no .qm is loaded, yet it answers every lookup
        return False

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if not source or context in _UNTOUCHED_CONTEXTS or source in _UNTOUCHED_SOURCES:
            return ""  # "no translation": Qt uses the source text
        text = ""
        for base in self.bases:
            text = base.translate(context, source, disambiguation, n) or ""
            if text:
                break
        return pseudo(text or source)


def install(app: QApplication, lang: str) -> QTranslator:
    """Installs the pseudo translator over `lang`'s catalogues (the app's and Qt's own)."""
    from app.ui.catalogues import load_catalogues

    bases = load_catalogues(app, lang)
    translator = PseudoTranslator(bases, app)
    app.installTranslator(translator)
    return translator
