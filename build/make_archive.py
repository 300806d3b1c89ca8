"""Pack dist/smsoat into an archive to hand out: .tar.xz on Linux/macOS, .zip on Windows."""

from __future__ import annotations

import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    folder = ROOT / "dist" / "smsoat"
    if not folder.is_dir():
        print(f"make_archive: {folder} does not exist; run make dist", file=sys.stderr)
        return 2
    platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    stem = ROOT / "dist" / f"smsoat-{version}-{platform}"
    if sys.platform == "win32":
        target = stem.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path("smsoat") / path.relative_to(folder))
    else:
        target = Path(f"{stem}.tar.xz")
        with tarfile.open(target, "w:xz", preset=6) as archive:
            archive.add(folder, arcname="smsoat")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
