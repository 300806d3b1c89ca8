"""Words the walkthrough builds from the instrument: what is being rated, each choice's name and
place, and the question asked on the last item.

Apart from the walkthrough page so the page keeps to layout and saving. They keep the
"WalkthroughPage" translation context they had there, so the Spanish catalogue still finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.instrument import Instrument, Item
from app.ui.choice_group import ChoiceEntry, choice_key, full_text

UNANSWERED_LISTED = 30  # the finish question lists this many item numbers, then "…"


def provenance_text(instrument: Instrument, lang: str) -> str:
    """Title and version, the wording status (or an official file's terms), the source."""
    status = (
        QCoreApplication.translate("WalkthroughPage", "Official wording")
        if instrument.official
        else QCoreApplication.translate("WalkthroughPage", "Not the official wording")
    )
    lines = [
        QCoreApplication.translate("WalkthroughPage", "{0}, version {1}. {2}.").format(
            instrument.title.get(lang), instrument.version, status
        )
    ]
    if instrument.official and instrument.terms is not None:
        lines.append(
            QCoreApplication.translate("WalkthroughPage", "Terms of use: {0}").format(
                instrument.terms.get(lang)
            )
        )
    lines.append(instrument.attribution.get(lang))
    return "\n".join(lines)


def choice_entries(item: Item, lang: str) -> list[ChoiceEntry]:
    """An item's choices: "[2]  Beginning — …" on the button, the whole choice as its name, the
    key and the place in the list as its description."""
    count = len(item.scale.choices)
    entries = []
    for position, choice in enumerate(item.scale.choices, 1):
        key = choice_key(item, choice)
        full = full_text(choice, lang)
        entries.append(
            ChoiceEntry(
                choice,
                key,
                f"[{key}]  {full}",
                full,
                QCoreApplication.translate("WalkthroughPage", "Key {0}, {1} of {2}").format(
                    key, position, count
                )
                if key
                else QCoreApplication.translate("WalkthroughPage", "{0} of {1}").format(
                    position, count
                ),
            )
        )
    return entries


def finish_question(missing: list[str]) -> str:
    """Enter on the last item asks this: which items are still unanswered, if any."""
    if not missing:
        return QCoreApplication.translate(
            "WalkthroughPage", "This is the last item, and every item is answered. Finish now?"
        )
    shown = ", ".join(missing[:UNANSWERED_LISTED])
    if len(missing) > UNANSWERED_LISTED:
        shown += " …"
    return QCoreApplication.translate(
        "WalkthroughPage",
        "This is the last item. Not answered yet ({0}): {1}.\n\nFinish anyway? "
        "You can come back to them later.",
    ).format(len(missing), shown)
