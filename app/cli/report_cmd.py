"""Placeholder: filled in by the reports issue (smsoat report …)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Adds no command yet."""
