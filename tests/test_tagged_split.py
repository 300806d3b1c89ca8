"""A table or paragraph split across pages is still one structure element (issue 19's known
limits): the table's header row repeated on the next page is a pagination artifact, not header
cells read a second time; a paragraph's two parts are one P whose /K points at both pages."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pikepdf
from pypdf import PdfReader
from reportlab.platypus import Spacer

from app.reports.common import HeaderInfo, build_pdf, data_table, make_styles, para
from tests import pdf_ua_check

HEADER = HeaderInfo(left="Split test", right="", lang="en", generated=date(2026, 5, 1))


def _elements(pdf: bytes, role: str) -> list[dict[str, Any]]:
    """Every element of `role`: its kids (MCIDs, MCRs as ("MCR", page), or child roles)."""
    found: list[dict[str, Any]] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = {page.obj.objgen: number for number, page in enumerate(doc.pages, 1)}

        def walk(element: Any) -> None:
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            if str(element.get("/S")) == f"/{role}":
                found.append(
                    {
                        "page": pages.get(element["/Pg"].objgen) if "/Pg" in element else None,
                        "kids": [
                            int(k)
                            if isinstance(k, int)
                            else ("MCR", pages[k["/Pg"].objgen])
                            if k.get("/Type") == "/MCR"
                            else str(k["/S"])[1:]
                            for k in kids
                        ],
                        "rows": [
                            [str(c["/S"])[1:] for c in _kids(k)]
                            for k in kids
                            if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/TR"
                        ],
                    }
                )
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
                    walk(kid)

        walk(doc.Root["/StructTreeRoot"]["/K"][0])
    return found


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _artifact_texts(pdf: bytes, number: int) -> list[str]:
    """Text shown inside /Artifact <</Type /Pagination>> marked content on page `number`."""
    texts: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        stack: list[bool] = []
        for operands, operator in pikepdf.parse_content_stream(doc.pages[number - 1]):
            op = str(operator)
            if op in ("BDC", "BMC"):
                pagination = (
                    str(operands[0]) == "/Artifact"
                    and op == "BDC"
                    and str(operands[1].get("/Type")) == "/Pagination"
                )
                stack.append(pagination)
            elif op == "EMC":
                stack.pop()
            elif op == "Tj" and any(stack):
                texts.append(bytes(operands[0]).hex())
    return texts


def test_a_table_over_three_pages_has_one_header_row() -> None:
    st = make_styles()
    rows = [["Agency", "Score"]] + [[f"Agency {n}", f"{n / 10:.2f}"] for n in range(160)]
    pdf = build_pdf(
        [para("Scores", st.title), data_table(rows, [300, 100])], title="Split", header=HEADER
    )
    assert pdf_ua_check.check(pdf) == []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 3
    tables = _elements(pdf, "Table")
    assert len(tables) == 1  # one table, not one per page
    rows_of_roles = tables[0]["rows"]
    assert len(rows_of_roles) == 161  # the header row once, then every data row
    assert rows_of_roles[0] == ["TH", "TH"]
    assert all(row == ["TD", "TD"] for row in rows_of_roles[1:])
    # the header repeated on pages 2 and 3 is drawn as a pagination artifact
    for page in (2, 3):
        assert len(_artifact_texts(pdf, page)) >= 2 + len(_artifact_texts(pdf, 1))


def test_a_label_table_split_keeps_its_row_headers() -> None:
    """A label | value table (no header row) keeps its labels as row headers on every page."""
    st = make_styles()
    rows = [[f"Label {n}", f"Value {n}"] for n in range(120)]
    pdf = build_pdf(
        [para("Facts", st.title), data_table(rows, [150, 250], header_rows=0)],
        title="Split",
        header=HEADER,
    )
    assert pdf_ua_check.check(pdf) == []
    (table,) = _elements(pdf, "Table")
    assert table["rows"] == [["TH", "TD"]] * 120


def test_a_paragraph_split_across_pages_is_one_p() -> None:
    st = make_styles()
    words = " ".join(f"word{n}" for n in range(900))
    pdf = build_pdf(
        [para("Notes", st.title), Spacer(1, 560), para(words, st.body)],
        title="Split",
        header=HEADER,
    )
    assert pdf_ua_check.check(pdf) == []
    paragraphs = _elements(pdf, "P")
    assert len(paragraphs) == 1
    (p,) = paragraphs
    assert p["page"] == 1
    assert isinstance(p["kids"][0], int)  # its start, on its own page (/Pg)
    assert ("MCR", 2) in p["kids"]  # the rest, on page 2, referenced with that page
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "word0" in text and "word899" in text


def test_the_structure_tree_is_packed_in_object_streams() -> None:
    """app.reports.pdf_file: the elements sit in compressed object streams behind a
    cross-reference stream, and strict readers (pypdf, pikepdf) resolve every one of them."""
    st = make_styles()
    rows = [["Agency", "Score"]] + [[f"Agency {n}", f"{n / 10:.2f}"] for n in range(160)]
    pdf = build_pdf(
        [para("Scores", st.title), data_table(rows, [300, 100])], title="Split", header=HEADER
    )
    assert b"/S/TD" not in pdf and b"/StructTreeRoot" in pdf  # the catalog's key stays plain
    assert b"/Type /XRef" in pdf and pdf.rstrip().endswith(b"%%EOF")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        streams = [o for o in doc.objects if isinstance(o, pikepdf.Stream)]
        assert any(o.get("/Type") == "/ObjStm" for o in streams)
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    cells = 0
    stack = list(root["/K"])
    while stack:
        element = stack.pop().get_object()
        kids = element.get("/K")
        if element["/S"] in ("/TD", "/TH"):
            cells += 1
            assert isinstance(kids, int)  # a cell's one MCID, written as /K itself
        elif isinstance(kids, list):
            stack.extend(k for k in kids if not isinstance(k, int))
        elif kids is not None and not isinstance(kids, int):
            stack.append(kids)
    assert cells == 161 * 2
