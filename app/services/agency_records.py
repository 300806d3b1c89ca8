"""Agency records as the screens see them: list, read, add, edit, and what deleting one takes.

Each write is one transaction with its change-log entry (app/db/organizations.py); screens call
these names instead of the repository so the storage layer stays theirs to change.
"""

from __future__ import annotations

from app.db.organizations import (
    create,
    deletion_impact,
    get,
    ids_by_name,
    list_all,
    names_of,
    update,
)

__all__ = ["create", "deletion_impact", "get", "ids_by_name", "list_all", "names_of", "update"]
