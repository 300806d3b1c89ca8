"""Tagged PDF (PDF/UA-1) on top of ReportLab, which writes no structure of its own.

Screen readers, reflow and "read aloud" need a *structure tree*: every heading, paragraph, table
cell and figure a structure element, tied to what is drawn by *marked content* (`BDC … EMC` with
an MCID) in the page's content stream; decoration (page header and footer, table rules and
shading, ruled writing lines) marked as `/Artifact` so it is skipped. This module adds that with
ReportLab's own APIs only:

- `TaggedFrame` (the document's frame) wraps each flowable it places: a Paragraph becomes `H1`…
  `H4` (from its style, never skipping a level) or `P`; a flowable with an `alt_text` attribute (a
  chart) a `Figure` with that text as `/Alt`; `RuledLines` an artifact. A flowable that draws
  nothing leaves no trace. Anything else draws untagged, which `tests/pdf_ua_check.py` catches.
- A Table gets ReportLab's render callback (`renderCB`): its rows become `TR`, its cells `TH`
  (header rows, scope Column; header columns, scope Row) or `TD`, its background and grid lines
  artifacts. What a cell draws (a Paragraph, a nested tick-box table) is that cell's content.
- `Tagger.finish()` writes the tree when the canvas saves: `StructTreeRoot` with a `Document`
  element, the `ParentTree` (page → MCID → element), `/StructParents` and `/Tabs /S` on every
  page, `/MarkInfo << /Marked true >>`, `/Lang`, `DisplayDocTitle`, XMP metadata with the title,
  language and the PDF/UA identification (`pdfuaid:part 1`), and bookmarks for the headings. The
  elements are formatted here as bytes and packed by `app.reports.pdf_file` (object streams).

Marked content never crosses a page, but an element can: a paragraph or table that the frame
splits across pages stays one element (`TaggedFrame.split` gives its parts one `_Parts`). The
later parts' marked content joins it (on another page than its `/Pg`, as an MCR dictionary), and
the header rows ReportLab repeats on a table's later pages are pagination artifacts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Table

from app.reports.pdf_file import Placeholder, install

# Paragraph style name → heading level (1 = the report's title).
HEADING_LEVELS = {"title": 1, "h1": 2, "h2": 3, "h3": 4}
OUTLINE_DEPTH = 3  # headings down to H3 get a bookmark


class _Raw(PDFObject):  # type: ignore[misc]
    """A PDF token written as is (`true`): ReportLab would print a Python bool as "True"."""

    def __init__(self, text: str) -> None:
        self.text = text

    def format(self, document: Any) -> bytes:
        return self.text.encode("ascii")


@dataclass(eq=False, slots=True)  # ~95,000 of them in the roll-up of 1,000 agencies
class Element:
    """One structure element: a role, its parent, and kids: elements, MCIDs on its own page
    (`page`, written as /Pg), or (page, MCID) for marked content on a later page (a split
    paragraph's rest, written as an MCR dictionary)."""

    role: str
    parent: Element | None
    page: int | None = None
    kids: list[Element | int | tuple[int, int]] = field(default_factory=list)
    alt: str | None = None
    scope: str | None = None  # TH: "Column" or "Row"
    number: int = 0  # its PDF object number, once the tree is written
    placed: bool = False  # attached to its parent (a split flowable's later parts are not again)


@dataclass(eq=False)
class _Parts:
    """What the parts of one split flowable share: the element of the first part placed."""

    element: Element | None = None


@dataclass
class _Bookmark:
    key: str
    title: str
    level: int
    top: float


@dataclass
class _Open:
    element: Element | None
    code_at: int
    artifact: bool = False
    bookmark: _Bookmark | None = None


class Tagger:
    """Collects the structure while pages are drawn; writes it when the canvas saves."""

    def __init__(self, lang: str, title: str) -> None:
        self.lang = lang
        self.title = title
        self.root = Element("Document", None)
        self.page_kids: dict[int, list[Element]] = {}  # page → element of each MCID
        self.bookmarks: dict[int, list[_Bookmark]] = {}
        self.last_heading = 0
        self.table: Element | None = None
        self.row: Element | None = None
        self.header_rows = 0
        self.header_cols: tuple[int, ...] = ()
        self.repeated_rows = 0  # a continued table's repeated header rows: pagination artifacts
        self.artifact_row = False

    def release(self) -> None:
        """Unlinks the structure once the file is written: every element and its parent refer
        to each other, so a roll-up's ~95,000 elements (and their lists) otherwise waited for a
        full cycle collection, ~0.3 s for whoever met it (the GUI thread's collector too)."""
        stack: list[Element] = [self.root]
        while stack:
            element = stack.pop()
            stack.extend(kid for kid in element.kids if isinstance(kid, Element))
            element.kids = []
            element.parent = None
        self.page_kids = {}
        self.table = self.row = None

    # ----- marked content ----------------------------------------------------------------------

    @staticmethod
    def _page(canvas: Canvas) -> int:
        return int(canvas.getPageNumber()) - 1

    def _mark(self, canvas: Canvas, element: Element) -> str:
        """Give `element` the next MCID on this page; the BDC operator that opens it."""
        page = self._page(canvas)
        kids = self.page_kids.setdefault(page, [])
        if element.page is None:
            element.page = page
        element.kids.append(len(kids) if element.page == page else (page, len(kids)))
        kids.append(element)
        return f"/{element.role} <</MCID {len(kids) - 1}>> BDC"

    def _attach(self, element: Element) -> None:
        assert element.parent is not None
        if not element.placed:
            element.placed = True
            element.parent.kids.append(element)

    def artifact_begin(self, canvas: Canvas, kind: str = "Layout") -> None:
        canvas._code.append(f"/Artifact <</Type /{kind}>> BDC")

    def artifact_end(self, canvas: Canvas) -> None:
        canvas._code.append("EMC")

    # ----- flowables placed by the frame -------------------------------------------------------

    def _heading_level(self, flowable: Flowable) -> int:
        style = getattr(flowable, "style", None)
        level = HEADING_LEVELS.get(getattr(style, "name", ""), 0)
        if level:
            level = min(level, self.last_heading + 1)  # never skip a level (H1 → H3)
        return level

    def begin(self, canvas: Canvas, flowable: Flowable, top: float) -> _Open | None:
        code_at = len(canvas._code)
        parts: _Parts | None = getattr(flowable, "tag_parts", None)
        if parts is not None and parts.element is not None:  # a later part of a split flowable
            if isinstance(flowable, Table):
                self.table, self.row = parts.element, None
                self.header_rows = 0
                self.header_cols = tuple(getattr(flowable, "tag_header_cols", ()))
                self.repeated_rows = int(flowable.repeatRows or 0)
                flowable._renderCB = self.table_event
            return _Open(parts.element, code_at)
        opened = self._begin(canvas, flowable, top, code_at)
        if parts is not None and opened is not None:
            parts.element = opened.element
        return opened

    def _begin(self, canvas: Canvas, flowable: Flowable, top: float, code_at: int) -> _Open | None:
        if isinstance(flowable, Table):
            element = Element("Table", self.root)
            self.table, self.row = element, None
            self.header_rows = int(getattr(flowable, "tag_header_rows", flowable.repeatRows or 0))
            self.header_cols = tuple(getattr(flowable, "tag_header_cols", ()))
            self.repeated_rows = 0
            flowable._renderCB = self.table_event
            return _Open(element, code_at)
        if getattr(flowable, "artifact", False):
            self.artifact_begin(canvas)
            return _Open(None, code_at, artifact=True)
        alt = getattr(flowable, "alt_text", None)
        if alt:
            return _Open(Element("Figure", self.root, alt=str(alt)), code_at)
        if isinstance(flowable, Paragraph):
            level = self._heading_level(flowable)
            if level:
                text = " ".join(flowable.getPlainText().split())
                mark = None
                if level <= OUTLINE_DEPTH and text:
                    top_abs = float(canvas.absolutePosition(0, top)[1])
                    mark = _Bookmark("", text, level, top_abs)
                return _Open(Element(f"H{level}", self.root), code_at, bookmark=mark)
            return _Open(Element("P", self.root), code_at)
        return None

    def end(self, canvas: Canvas, opened: _Open | None) -> None:
        if opened is None:
            return
        code = canvas._code
        if opened.artifact:
            if len(code) == opened.code_at + 1:
                del code[opened.code_at :]  # nothing drawn
            else:
                self.artifact_end(canvas)
            return
        element = opened.element
        assert element is not None
        if element.role == "Table":
            self.table = self.row = None
            if element.kids:
                self._attach(element)
            return
        if len(code) == opened.code_at:
            return  # drew nothing: no element
        if element.role.startswith("H"):
            self.last_heading = int(element.role[1:])
            if opened.bookmark is not None:  # only once placed: a heading that did not fit
                page = self._page(canvas)  # is tried again on the next page
                marks = self.bookmarks.setdefault(page, [])
                opened.bookmark.key = f"h{page}_{len(marks)}"
                marks.append(opened.bookmark)
        self._attach(element)
        code.insert(opened.code_at, self._mark(canvas, element))
        code.append("EMC")

    # ----- tables (ReportLab's render callback) ------------------------------------------------

    def table_event(self, table: Table, event: str, *args: Any) -> None:
        """ReportLab's table render callback: cells first, the ~150,000 calls of a big roll-up."""
        if event == "startCell":
            row = self.row
            if row is not None:
                if args[0] < self.header_rows:
                    cell = Element("TH", row, scope="Column")
                elif args[1] in self.header_cols:
                    cell = Element("TH", row, scope="Row")
                else:
                    cell = Element("TD", row)
                cell.placed = True
                row.kids.append(cell)
                table.canv._code.append(self._mark(table.canv, cell))
        elif event == "endCell":
            if self.row is not None:
                table.canv._code.append("EMC")
        elif event == "startRow":
            if self.table is None:
                return
            if int(args[0]) < self.repeated_rows:  # read once, where the table starts
                self.row = None
                self.artifact_row = True
                self.artifact_begin(table.canv, "Pagination")
                return
            self.row = Element("TR", self.table)
            self._attach(self.row)
        elif event == "endRow":
            if self.artifact_row:
                self.artifact_row = False
                self.artifact_end(table.canv)
        elif event in ("startBG", "startLines"):
            self.artifact_begin(table.canv)
        elif event in ("endBG", "endLines"):
            self.artifact_end(table.canv)

    # ----- pages and the document --------------------------------------------------------------

    def before_page_out(self, canvas: Canvas, page: int) -> None:
        """While page `page` is the canvas's current page: bind its bookmarks."""
        for mark in self.bookmarks.get(page, []):
            canvas.bookmarkHorizontalAbsolute(mark.key, mark.top)
            canvas.addOutlineEntry(mark.title, mark.key, level=mark.level - 1)

    def after_page_out(self, canvas: Canvas, page: int) -> None:
        """The page object just written gets its key into the parent tree and tab order."""
        pdf_page = canvas._doc.Pages.pages[-1]
        pdf_page.__NoDefault__ = [*pdf_page.__NoDefault__, "StructParents", "Tabs"]
        pdf_page.StructParents = page
        pdf_page.Tabs = PDFName("S")

    def finish(self, canvas: Canvas, subject: str, keywords: str) -> None:
        doc = canvas._doc
        doc.Reference(Placeholder(), "StructTreeRoot")
        install(doc, "StructTreeRoot", lambda first, number_of: self._tree(doc, first, number_of))
        catalog = doc.Catalog
        catalog.StructTreeRoot = PDFObjectReference("StructTreeRoot")
        catalog.MarkInfo = PDFDictionary({"Marked": _Raw("true")})
        catalog.Lang = PDFString(self.lang)
        catalog.Metadata = _xmp(self.title, self.lang, subject, keywords)
        if any(self.bookmarks.values()):
            catalog.setPageMode("UseOutlines")
        canvas.setViewerPreference("DisplayDocTitle", "true")

    def _tree(
        self, doc: Any, first: int, number_of: Callable[[str], int]
    ) -> tuple[bytes, list[bytes]]:
        """The StructTreeRoot (with its parent tree) and every element, numbered from `first`,
        as bytes (app.reports.pdf_file packs them): plain string joins, no ReportLab objects."""
        order: list[Element] = []
        stack = [self.root]
        while stack:  # depth first, in reading order
            element = stack.pop()
            element.number = first + len(order)
            order.append(element)
            stack.extend(kid for kid in reversed(element.kids) if isinstance(kid, Element))
        pages = [number_of(f"Page{n + 1}") for n in range(max(self.page_kids, default=-1) + 1)]
        root_number = number_of("StructTreeRoot")
        out = [_element_bytes(e, pages, root_number, doc) for e in order]
        nums = " ".join(
            f"{page} [{' '.join(f'{e.number} 0 R' for e in kids)}]"
            for page, kids in sorted(self.page_kids.items())
        )
        root = (
            f"<< /Type /StructTreeRoot /K [{self.root.number} 0 R] /ParentTree << /Nums [{nums}] >>"
            f" /ParentTreeNextKey {len(pages)} >>"
        )
        return root.encode("ascii"), out


def _element_bytes(element: Element, pages: list[int], root_number: int, doc: Any) -> bytes:
    """One structure element's dictionary; /K a single kid or an array, MCIDs on another page
    than the element's /Pg as marked-content references (MCR) with their own /Pg. Written
    compact (no optional /Type): the roll-up has ~95,000 of them."""
    parent = element.parent.number if element.parent is not None else root_number
    head = f"<</S/{element.role}/P {parent} 0 R"
    if element.page is not None:
        head += f"/Pg {pages[element.page]} 0 R"
    if element.scope is not None:
        head += f"/A<</O/Table/Scope/{element.scope}>>"
    kids = element.kids
    if len(kids) == 1 and type(kids[0]) is int:  # a table cell: one piece of marked content
        text = f"{head}/K {kids[0]}"
    else:
        text = f"{head}/K[{' '.join(map(_kid(pages), kids))}]"
    if element.alt is None:
        return f"{text}>>".encode("ascii")
    alt: bytes = PDFString(element.alt).format(doc)
    return text.encode("ascii") + b"/Alt " + alt + b">>"


def _kid(pages: list[int]) -> Callable[[Element | int | tuple[int, int]], str]:
    def kid(k: Element | int | tuple[int, int]) -> str:
        if isinstance(k, Element):
            return f"{k.number} 0 R"
        if isinstance(k, tuple):
            return f"<</Type/MCR/Pg {pages[k[0]]} 0 R/MCID {k[1]}>>"
        return str(k)

    return kid


def _xmp(title: str, lang: str, subject: str, keywords: str) -> PDFStream:
    """XMP metadata: title, description and language (Dublin Core), keywords, and the PDF/UA
    identification a validator looks for. Not compressed, so any tool can read it."""
    x = {k: escape(v) for k, v in {"title": title, "subject": subject, "kw": keywords}.items()}
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x["title"]}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{x["subject"]}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
   <dc:format>application/pdf</dc:format>
   <pdf:Keywords>{x["kw"]}</pdf:Keywords>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet.encode("utf-8"),
        filters=[],
    )
    stream.__RefOnly__ = 1
    return stream


class TaggedFrame(Frame):  # type: ignore[misc]
    """A Frame that tags each flowable it places (see the module's docstring)."""

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        tagger: Tagger | None = getattr(canv, "tagger", None)
        if tagger is None:
            return int(super()._add(flowable, canv, trySplit))
        opened = tagger.begin(canv, flowable, self._y - flowable.getSpaceBefore())
        try:
            placed = int(super()._add(flowable, canv, trySplit))
        finally:
            tagger.end(canv, opened)
        return placed

    add = _add

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """A paragraph or table split across pages stays one element: its parts share it (the
        later parts' marked content joins the first's element; a table's repeated header rows
        on the next page are pagination artifacts, not header cells read again)."""
        parts: list[Flowable] = super().split(flowable, canv)
        if (
            len(parts) > 1
            and isinstance(flowable, (Paragraph, Table))
            and all(type(part) is type(flowable) for part in parts)
        ):
            shared = getattr(flowable, "tag_parts", None) or _Parts()
            for part in parts:
                part.tag_parts = shared
                for name in ("tag_header_rows", "tag_header_cols"):  # ReportLab makes new
                    if hasattr(flowable, name):  # tables without our attributes
                        setattr(part, name, getattr(flowable, name))
        return parts


__all__ = ["Element", "TaggedFrame", "Tagger", "pdfdoc"]
