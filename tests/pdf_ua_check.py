"""A PDF/UA-1 checker written from the outside with pikepdf (a test-only dependency).

It reads the PDF as any assistive tool would and lists problems; an empty list means it passes:

- document: `/MarkInfo << /Marked true >>`, a `/Lang`, a `/StructTreeRoot`, `DisplayDocTitle`, a
  title in the document information and in the XMP metadata, and the PDF/UA identification
  (`pdfuaid:part` 1) in the XMP;
- every page: `/StructParents`, and every text-showing or path-painting operator (and every image
  or form drawn) inside marked content that is either an artifact or carries an MCID; every MCID
  found in the parent tree, pointing at an element that claims it;
- the structure tree: every Figure has alternative text, every Table has header cells (TH), and
  no heading level is skipped (H1 → H3).

Not checked (a full validator such as veraPDF does): font-level rules, colour contrast, reading
order beyond the tree's order, and the rest of the Matterhorn protocol.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "EI"}
INLINE_IMAGE = "INLINE IMAGE"


def _operator(item: Any) -> tuple[list[Any], str]:
    if isinstance(item, pikepdf.ContentStreamInlineImage):
        return [], INLINE_IMAGE
    operands, operator = item
    return list(operands), str(operator)


def _page_problems(number: int, page: pikepdf.Page, parent_tree: dict[int, Any]) -> list[str]:
    problems: list[str] = []
    key = page.obj.get("/StructParents")
    if key is None:
        return [f"page {number}: no /StructParents"]
    elements = parent_tree.get(int(key))
    stack: list[str | int] = []  # "artifact", an MCID, or "other"
    untagged = 0
    used: set[int] = set()
    for item in pikepdf.parse_content_stream(page):
        operands, operator = _operator(item)
        if operator in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid: str | int = "other"
            if tag == "/Artifact":
                mcid = "artifact"
            elif (
                operator == "BDC"
                and isinstance(operands[1], pikepdf.Dictionary)
                and "/MCID" in operands[1]
            ):
                mcid = int(operands[1]["/MCID"])
                used.add(mcid)
            stack.append(mcid)
        elif operator == "EMC":
            if not stack:
                problems.append(f"page {number}: EMC without BDC")
            else:
                stack.pop()
        elif (operator in PAINT or operator == INLINE_IMAGE) and not any(
            m == "artifact" or isinstance(m, int) for m in stack
        ):
            untagged += 1
    if stack:
        problems.append(f"page {number}: marked content left open")
    if untagged:
        problems.append(f"page {number}: {untagged} drawing operators outside tags and artifacts")
    for mcid in sorted(used):
        if elements is None or mcid >= len(elements):
            problems.append(f"page {number}: MCID {mcid} missing from the parent tree")
            continue
        if mcid not in _claimed(elements[mcid], page):
            problems.append(f"page {number}: MCID {mcid}'s element does not claim it")
    return problems


def _claimed(element: Any, page: pikepdf.Page) -> set[int]:
    """The MCIDs `element` claims on `page`: integers in /K count on the element's own /Pg, a
    marked-content reference (MCR, a paragraph split across pages) on the page it names."""
    kids = element.get("/K")
    own_page = element.get("/Pg")
    claimed: set[int] = set()
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int) and own_page is not None and own_page.objgen == page.obj.objgen:
            claimed.add(int(kid))
        elif (
            isinstance(kid, pikepdf.Dictionary)
            and kid.get("/Type") == "/MCR"
            and kid["/Pg"].objgen == page.obj.objgen
        ):
            claimed.add(int(kid["/MCID"]))
    return claimed


def _tree_problems(root: Any) -> tuple[list[str], list[str]]:
    """Problems in the structure tree, and the element roles in reading order."""
    problems: list[str] = []
    roles: list[str] = []
    last_heading = 0

    def walk(element: Any) -> bool:
        """Visit `element`; True when it or a descendant is a TH."""
        nonlocal last_heading
        role = str(element.get("/S", ""))[1:]
        roles.append(role)
        if role == "Figure" and not str(element.get("/Alt", "")).strip():
            problems.append("a Figure without alternative text")
        match = re.fullmatch(r"H(\d)", role)
        if match:
            level = int(match.group(1))
            if level > last_heading + 1:
                problems.append(f"heading level skipped: H{last_heading} → H{level}")
            last_heading = level
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        has_th = role == "TH"
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
                has_th = walk(kid) or has_th
        if role == "Table" and not has_th:
            problems.append("a Table without header cells")
        return has_th

    kids = root.get("/K")
    for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
        walk(kid)
    return problems, roles


def _parent_tree(root: Any) -> dict[int, Any]:
    nums = root["/ParentTree"].get("/Nums", [])
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def check(pdf: bytes) -> list[str]:
    """Every PDF/UA problem found in `pdf`; empty when it passes."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        catalog = doc.Root
        mark_info = catalog.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            problems.append("no /MarkInfo << /Marked true >>")
        if not str(catalog.get("/Lang", "")).strip():
            problems.append("no /Lang")
        preferences = catalog.get("/ViewerPreferences")
        if preferences is None or not bool(preferences.get("/DisplayDocTitle", False)):
            problems.append("DisplayDocTitle is not true")
        if not str(doc.docinfo.get("/Title", "")).strip():
            problems.append("no title in the document information")
        metadata = catalog.get("/Metadata")
        xmp = metadata.read_bytes().decode("utf-8") if metadata is not None else ""
        if not re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp):
            problems.append("no PDF/UA identification (pdfuaid:part 1) in the XMP metadata")
        if "<dc:title>" not in xmp:
            problems.append("no dc:title in the XMP metadata")
        root = catalog.get("/StructTreeRoot")
        if root is None:
            return [*problems, "no /StructTreeRoot"]
        tree = _parent_tree(root)
        for number, page in enumerate(doc.pages, 1):
            problems += _page_problems(number, page, tree)
        problems += _tree_problems(root)[0]
    return problems


def roles(pdf: bytes) -> list[str]:
    """The structure element roles in reading order (Document, H1, P, Table, TR, TH, …)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return _tree_problems(doc.Root["/StructTreeRoot"])[1]
