"""Pack dist/smsoat into an archive to hand out: .tar.xz on Linux/macOS, .zip on Windows."""

from __future__ import annotations

import lzma
import platform
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def xz_filters() -> list[dict[str, int]]:
    """xz's strongest preset, after its branch-call filter for x86 code where the bundle is x86:
    machine code's relative call addresses made absolute repeat, and compress. 35.7 -> 26.1 MB
    with the other size work (docs/performance.md, "Bundle"); any `tar -xJf` opens it."""
    filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]
    if platform.machine().lower() in ("x86_64", "amd64", "i386", "i686"):
        filters.insert(0, {"id": lzma.FILTER_X86})
    return filters


def main() -> int:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    folder = ROOT / "dist" / "smsoat"
    if not folder.is_dir():
        print(f"make_archive: {folder} does not exist; run make dist", file=sys.stderr)
        return 2
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    stem = ROOT / "dist" / f"smsoat-{version}-{system}"
    if sys.platform == "win32":
        target = stem.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path("smsoat") / path.relative_to(folder))
    else:
        target = Path(f"{stem}.tar.xz")
        with lzma.open(target, "wb", format=lzma.FORMAT_XZ, filters=xz_filters()) as packed:
            with tarfile.open(fileobj=packed, mode="w") as archive:
                archive.add(folder, arcname="smsoat")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
