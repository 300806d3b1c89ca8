"""Moving a finished temp file into place, retried while another program holds the target.

On Windows a replace fails with a sharing violation (`PermissionError`) while an antivirus
scanner, a sync client or a viewer has the target open, often only for a moment. Outputs
(`app.services.files.write_atomically`) and the data file's backups (`connection.backup_to`)
both go through here, so both ride out a brief lock the same way before reporting it.
"""

from __future__ import annotations

import time
from pathlib import Path

REPLACE_TRIES = 5  # an antivirus scanner or a sync client holds a new file for a moment
REPLACE_PAUSE_S = 0.2


def replace_retrying(
    tmp: Path, path: Path, *, tries: int | None = None, pause: float | None = None
) -> None:
    """`tmp.replace(path)`, a `PermissionError` retried `tries` times `pause` seconds apart, then
    raised; every other error at once."""
    tries = REPLACE_TRIES if tries is None else tries
    pause = REPLACE_PAUSE_S if pause is None else pause
    for attempt in range(tries):
        try:
            tmp.replace(path)
            return
        except PermissionError:
            if attempt == tries - 1:
                raise
            time.sleep(pause)
