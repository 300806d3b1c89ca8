"""The PDF file's last step: ReportLab's objects as usual, the structure tree packed tight.

A tagged report holds one structure element per heading, paragraph and table cell: about 96,000
for the roll-up of 1,000 agencies. Written as ReportLab objects, each element went through its
generic object machinery (a registered name, an indirect-object wrapper, per-value formatting)
and took its own line in the cross-reference table: ~2 s and ~10 MB of that report. Here the
elements arrive as ready bytes and go into compressed *object streams* (PDF 1.5, ISO 32000-1
7.5.7), indexed by a *cross-reference stream* (7.5.8) instead of the classic table, which cannot
point into an object stream. Every other object is ReportLab's own, formatted by ReportLab.

`write_pdf` replaces `PDFDocument.format` for one document (never encrypted or signed: the app
does neither); the structure tree's root keeps the object number ReportLab gave its placeholder,
so the catalog's reference to it stays ReportLab's.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from itertools import accumulate
from struct import Struct
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFFile, PDFIndirectObject, PDFObject

PER_STREAM = 500  # objects per object stream: small enough to read one part without the rest
LEVEL = 1  # zlib's fastest: a fifth of the default's time for ~15 % more bytes on such text

# (first free object number, object number of a ReportLab object by name) →
# (the placeholder's own bytes, the bytes of objects first, first + 1, …)
Deferred = Callable[[int, Callable[[str], int]], tuple[bytes, list[bytes]]]


class Placeholder(PDFObject):  # type: ignore[misc]
    """Reserves an object number among ReportLab's objects; `write_pdf` writes its content."""

    def format(self, document: Any) -> bytes:
        raise AssertionError("written by app.reports.pdf_file.write_pdf")


def install(doc: PDFDocument, placeholder: str, deferred: Deferred) -> None:
    """Have `doc` write itself with `write_pdf` (its `format`, called from GetPDFData)."""
    doc.format = lambda: write_pdf(doc, placeholder, deferred)


def write_pdf(doc: PDFDocument, placeholder: str, deferred: Deferred) -> bytes:
    """ReportLab's `PDFDocument.format`, with the deferred objects in object streams."""
    if doc.encrypt.info() or getattr(doc, "_digiSigs", None):
        raise ValueError("an encrypted or signed PDF is written by ReportLab's own format")
    doc.encrypt.prepare(doc)
    catalog_name = doc.Reference(doc.Catalog).name
    info_name = doc.Reference(doc.info).name
    numbers = doc.numberToId
    objects = doc.idToObject
    out = PDFFile(doc._pdfVersion)
    offsets: dict[int, int] = {}
    reserved = 0
    counter = 0
    while True:  # ReportLab's loop: formatting may register new objects, so no fixed range
        counter += 1
        if counter not in numbers:
            break
        name = numbers[counter]
        if name == placeholder:
            reserved = counter
            continue
        formatted = PDFIndirectObject(name, objects[name]).format(doc)
        offsets[counter] = out.add(formatted)
    if not reserved:
        raise ValueError(f"no object named {placeholder}")
    first = counter
    numbered = doc.idToObjectNumberAndVersion
    own, extra = deferred(first, lambda name: int(numbered[name][0]))
    numbers_out = [reserved, *range(first, first + len(extra))]
    data_out = [own, *extra]
    in_stream: dict[int, tuple[int, int]] = {}  # object → (its object stream, index there)
    number = first + len(extra)
    for start in range(0, len(data_out), PER_STREAM):
        objs, datas = numbers_out[start : start + PER_STREAM], data_out[start : start + PER_STREAM]
        starts = accumulate((len(data) + 1 for data in datas), initial=0)
        head = (
            " ".join(f"{obj} {at}" for obj, at in zip(objs, starts, strict=False)) + "\n"
        ).encode("ascii")
        in_stream.update((obj, (number, index)) for index, obj in enumerate(objs))
        body = zlib.compress(head + b"\n".join(datas) + b"\n", LEVEL)
        dictionary = f"<< /Type /ObjStm /N {len(objs)} /First {len(head)} /Filter /FlateDecode"
        offsets[number] = out.add(_stream(number, dictionary, body))
        number += 1
    xref = number  # the cross-reference stream is the last object
    offsets[xref] = out.offset
    row = Struct(">BIH").pack
    rows = [row(0, 0, 65535)]  # object 0: the head of the free list
    for obj in range(1, xref + 1):
        at = offsets.get(obj)
        rows.append(row(1, at, 0) if at is not None else row(2, *in_stream[obj]))
    file_id = doc.ID().strip().split(b"\n")[0]  # ReportLab appends a comment line
    root, info = (int(numbered[name][0]) for name in (catalog_name, info_name))
    dictionary = (
        f"<< /Type /XRef /Size {xref + 1} /W [1 4 2] /Root {root} 0 R /Info {info} 0 R"
        f" /Filter /FlateDecode /ID "
    )
    out.add(_stream(xref, dictionary, zlib.compress(b"".join(rows)), file_id))
    out.add(f"startxref\n{offsets[xref]}\n%%EOF\n")
    return bytes(out.format(doc))


def _stream(number: int, dictionary: str, data: bytes, tail: bytes = b"") -> bytes:
    return (
        f"{number} 0 obj\n{dictionary}".encode("ascii")
        + tail
        + f" /Length {len(data)} >>\nstream\n".encode("ascii")
        + data
        + b"\nendstream\nendobj\n"
    )


__all__ = ["Deferred", "Placeholder", "install", "write_pdf"]
