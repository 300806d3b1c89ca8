"""A round's action plan as the screens edit it: priorities and their PDSA cycles.

Each write is one transaction with its change-log entry, the old value included
(app/db/action_plans.py); screens call these names instead of the repository.
"""

from __future__ import annotations

from app.db.action_plans import (
    add_cycle,
    create_priority,
    cycles_for_priority,
    delete_priority,
    priorities_for_round,
    update_cycle,
    update_priority,
)

__all__ = [
    "add_cycle",
    "create_priority",
    "cycles_for_priority",
    "delete_priority",
    "priorities_for_round",
    "update_cycle",
    "update_priority",
]
