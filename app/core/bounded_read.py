"""Reading a file a person named, with a size limit and only if it is a regular file.

`instrument check /dev/zero` read until the kernel stopped it (24 GB); a FIFO or a terminal blocked
forever. So the file is opened without blocking (a FIFO's open would wait for a writer), checked
with fstat on the open descriptor (no gap between the check and the read for a swap to slip
through), and read up to the limit plus one byte: more than the limit is refused, however the
file reports its size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """The path is not a regular file or is over the limit; the message says which, in words."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular_file(path: Path, limit: int) -> bytes:
    """The file's bytes; FileRefused for a folder, pipe, device or socket, or over `limit` bytes.

    OSError (missing, no permission) passes through for the caller to word.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(f"this is {_kind(mode)}, not a file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(f"the file is larger than {_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    mb = 1024 * 1024
    return f"{limit // mb} MB" if limit % mb == 0 else f"{limit:,} bytes"
