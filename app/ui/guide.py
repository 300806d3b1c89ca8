"""F1: a short guide to the self-assessment process, and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def guide_html() -> str:
    translate = QCoreApplication.translate
    steps = [
        translate(
            "Guide",
            "Set up: create your agency, start a round (choose the instrument and a name;"
            " the review period defaults to the prior three months) and add the team — at least"
            " two people with different perspectives: clinical and support staff, peer"
            " specialists, administrators, clients.",
        ),
        translate(
            "Guide",
            "Rate alone: each person picks their name and is walked through every item,"
            " thinking of the review period. There are no right or wrong answers: give your best"
            " guess, or Don't know. Each click is saved at once; you can stop and resume later.",
        ),
        translate(
            "Guide",
            "Paper: anyone who prefers paper prints the blank form; type their answers in"
            " later with Type in a paper form.",
        ),
        translate(
            "Guide",
            "Meet: the team looks at items rated low by most and items where ratings"
            " differ widely, agrees a score for each item and notes why.",
        ),
        translate(
            "Guide",
            "Plan: choose a few priorities, set a goal for each and test changes in small"
            " Plan-Do-Study-Act cycles. Repeat the assessment about every six months.",
        ),
    ]
    keys = translate(
        "Guide",
        "Keys while rating: the number shown on a choice selects it (0 = 10), D = don't know,"
        " N = not applicable, Up/Down change the choice, Left/Right or Enter move between items,"
        " Ctrl+E shows the examples.",
    )
    keys += " " + translate(
        "Guide", "Delete or Backspace clears the current item's answer (a comment on it stays)."
    )
    items = "".join(f"<li>{s}</li>" for s in steps)
    title = translate("Guide", "How a self-assessment round works")
    return f"<h2>{title}</h2><ol>{items}</ol><p>{keys}</p>" + coordinator_html()


def coordinator_html() -> str:
    """The state coordinator's part of the guide: links, peer groups, the due list, sites."""
    translate = QCoreApplication.translate
    points = [
        translate(
            "Guide",
            "One agency, several laptops: an agency that reinstalled or works from two laptops"
            " arrives as two records with the same state identifier. The import preview proposes"
            " linking them; in Agencies, links and due… choose the pair and link it. A link moves"
            " nothing: the agency counts once in the roll-up, and Undo this link sets the records"
            " apart again with nothing lost.",
        ),
        translate(
            "Guide",
            "Peer groups: give agencies groups (region=North; setting=rural; provider type=FQHC)"
            " one by one or from a CSV file whose first column is state_id. Compare by group then"
            " shows the picture of that group only. When fewer than 5 agencies are in a group its"
            " median and quartiles are hidden, and so is each agency's own score in that group's"
            " screen and files, so that they cannot identify an agency.",
        ),
        translate(
            "Guide",
            "Who is due: each instrument says how often it is repeated (six months for the SMS"
            " OAT). The next round is due that long after the end of the last round's review"
            " period. The Due and overdue tab lists who is overdue, never reported or due soon on"
            " a chosen day, and exports the list as CSV or XLSX for follow-up. The agency's home"
            " page shows its own next-due date.",
        ),
        translate(
            "Guide",
            "Sites: an agency may have several sites (clinics). A round belongs to one site or to"
            " the whole agency: choose it in Start a round, or change it on the round page. Add,"
            " rename or remove sites in Agencies, links and due…; removing a site that holds"
            " rounds asks first and makes them the whole agency's, nothing is deleted. The"
            " roll-up shows both levels: each agency's row, then its sites' newest rounds (the"
            " Agencies by site tab, the Sites sheet of the workbook, a table on the agency's page"
            " of the PDF). Sites do not count in the state figures.",
        ),
    ]
    title = translate("Guide", "For the state coordinator")
    items = "".join(f"<li>{p}</li>" for p in points)
    return f"<h2>{title}</h2><ul>{items}</ul>"
