"""Just enough of `PIL.Image` for ReportLab to import; any use says images are not supported."""

from __future__ import annotations

from typing import Any

MESSAGE = "bitmap images are not supported in this build of SMS OAT Studio"


class Image:
    """Placeholder type, so ReportLab's isinstance checks work and are always false."""


def open(*_args: Any, **_kwargs: Any) -> Image:  # noqa: A001 - mirrors PIL.Image.open
    raise OSError(MESSAGE)


def new(*_args: Any, **_kwargs: Any) -> Image:
    raise OSError(MESSAGE)
