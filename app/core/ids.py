"""Random identifiers that travel with the data (agency, round, respondent, priority, cycle)."""

from __future__ import annotations


def random_uuid() -> str:
    """A random (version 4) UUID as text.

    `uuid` is imported here, not at module level: on Linux importing it also imports `platform`,
    which costs the GUI's cold start about 15 ms for a function only saving new records calls.
    """
    import uuid

    return str(uuid.uuid4())
