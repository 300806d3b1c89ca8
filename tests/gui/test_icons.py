"""The app's icon ships in every format the installers use and loads."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from app import paths


@pytest.mark.parametrize("name", ["smsoat.png", "smsoat.ico", "smsoat.icns"])
def test_icon_files_load_at_256_pixels(name: str, qapp: object) -> None:
    image = QImage(str(paths.resources_dir() / "icons" / name))
    assert not image.isNull(), name
    assert (image.width(), image.height()) == (256, 256)
