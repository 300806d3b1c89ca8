"""One line of text as content-stream operators, without a text object per line.

`Canvas.drawString` makes a text object for every call and encodes the string into the font's
subsets character by character. The roll-up of 1,000 agencies draws ~100,000 table cells, most of
them the same few dozen strings (scores, domain names, "–"): a quarter of its build time. Here the
operators of a plain left-to-right line in an embedded TrueType font are built the same way,
byte for byte, and kept per canvas, so a string already drawn in that font and size costs one
dictionary look-up. Anything else (text render modes, character or word spacing, bidi or shaped
text, standard Type 1 fonts, a top-down canvas) goes the usual way.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont


def line_operators(canvas: Any, text: str) -> str | None:
    """What `drawString` writes between the text origin and `T*` for `text` in the canvas's
    current font, size and leading; None when that font is not an embedded TrueType font."""
    key = (canvas._fontname, canvas._fontsize, canvas._leading, text)
    cache: dict[tuple[str, float, float, str], str | None] = canvas.__dict__.setdefault(
        "_line_operators", {}
    )
    found = cache.get(key, False)
    if found is not False:
        return found  # type: ignore[return-value]
    font = getFont(canvas._fontname)
    if not font._dynamicFont:
        cache[key] = None
        return None
    doc = canvas._doc
    size = f"{fp_str(canvas._fontsize)} Tf {fp_str(canvas._leading)} TL"
    parts, current = [], -1
    for subset, encoded in font.splitString(text, doc):
        if subset != current:
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {size}")
            current = subset
        parts.append(f"({canvas._escape(encoded)}) Tj")
    operators = " ".join(parts)
    cache[key] = operators
    return operators


def draw_string(canvas: Any, x: float, y: float, text: str) -> bool:
    """Draw `text` at (x, y) as `drawString` would; False (nothing drawn) when it cannot."""
    if not canvas.bottomup or type(text) is not str:  # a ShapedStr is drawn glyph by glyph
        return False
    operators = line_operators(canvas, text)
    if operators is None:
        return False
    canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {operators} T* ET")
    return True


__all__ = ["draw_string", "line_operators"]
