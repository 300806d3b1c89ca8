"""Does a comment look like it identifies a client? A cautious guess for the export dialog.

Comments are free text typed during an assessment and may name a client ("Mr. Ortiz missed his
3/14 visit, call 555-0142"). Before comments leave the agency the export dialog lists each one and
marks those this check flags, so the lead can untick them. It is a guess, not a guarantee: it
looks for dates, phone numbers, e-mail addresses, long digit runs (record or ID numbers) and a
capitalised word after "client", "patient", "Mr.", "Ms.", "Sr.", "Sra." and the like (English and
Spanish). False alarms are cheap (the lead reads and decides); misses are why exports leave
comments out unless ticked.
"""

from __future__ import annotations

import re

DATE = "date"
PHONE = "phone"
EMAIL = "email"
DIGITS = "digits"
NAME = "name"

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre"
)
_WORDS = (
    "client|patient|consumer|resident|miss|don|doña|dona|señor|señora|senor|senora|"
    "cliente|clienta|paciente|usuario|usuaria"
)
_ABBREVIATIONS = "mr|mrs|ms|mx|dr|sr|sra|srta"
_UPPER = "A-ZÁÉÍÓÚÜÑÀÈÌÒÙÇ"
_LOWER = "a-záéíóúüñàèìòùç'’-"

_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (EMAIL, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        DATE,
        re.compile(
            r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b"  # 3/14/2026, 14-03-26
            r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"  # 2026-03-14, 14.03.2026
            r"|\b\d{1,2}/\d{1,2}\b"  # 3/14
            rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # March 14th
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?:{_MONTHS})\b",  # 14 de marzo
            re.IGNORECASE,
        ),
    ),
    (PHONE, re.compile(r"(?<![\w/.-])\+?\(?\d[\d ().-]{5,}\d(?![\w/])")),
    (DIGITS, re.compile(r"\d{5,}")),
    (
        NAME,
        re.compile(
            rf"(?<!\w)(?:(?i:{_WORDS})s?:?|(?i:{_ABBREVIATIONS})\.?)\s+[{_UPPER}][{_LOWER}]+"
        ),
    ),
)


def identifying_reasons(text: str) -> list[str]:
    """What in `text` may identify a client: a subset of date, phone, email, digits, name."""
    found: list[str] = []
    for reason, pattern in _CHECKS:
        for match in pattern.finditer(text):
            if reason == PHONE and sum(ch.isdigit() for ch in match.group(0)) < 7:
                continue
            found.append(reason)
            break
    return found


def looks_identifying(text: str) -> bool:
    """True when a comment may name a client (see `identifying_reasons`)."""
    return bool(identifying_reasons(text))
