"""A smaller ICU data library for the Linux bundle: PySide6's libicudata holds the data of every
language and every legacy character set (32 MB, a quarter of the bundle); the app needs English
and Spanish and reads only UTF-8.

The data blob (symbol `icudt<N>_dat`) is cut out of the wheel's library, the items nobody here
uses are removed with ICU's own `icupkg`, and the rest is compiled back into a library of the same
name with `genccode` and `gcc`. Kept: every item that is not tied to a language (properties,
normalisation, time zones, supplemental data, break rules), and the language data of root, English
and Spanish. Removed: other languages' locale, collation, names, units, spell-out and break
data, the word dictionaries for Chinese, Japanese, Thai and others, transliterators, and
the legacy character set tables (`.cnv`; UTF-8, UTF-16 and Latin-1 are built into ICU's code).
What is kept and removed is listed in docs/startup.md ("Bundle").

Usage: python build/trim_icu.py LIBICUDATA OUT_DIR → OUT_DIR/<same name>; exit 1 with one line
when a tool is missing (the spec then keeps the wheel's library and says so).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "es")
# a locale's own item: a language code, then optional script, region and variant
LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")
NOT_NEEDED_FOLDERS = ("translit",)


# Unicode character names (u_charName) and the spoof checker's confusables: Qt calls neither
NOT_NEEDED_ITEMS = ("unames.icu", "confusables.cfu", "confusables_wholeScript.cfu")


def keep(item: str) -> bool:
    folder, _, name = item.rpartition("/")
    if name.endswith((".cnv", ".dict")) or folder in NOT_NEEDED_FOLDERS:
        return False
    if item in NOT_NEEDED_ITEMS:
        return False
    locale = LOCALE_ITEM.match(name)
    if locale is None or name == "res_index.res":  # res_index: each tree's list of locales
        return True  # not a language's: properties, supplemental data, rules, root
    return locale.group(1) in KEEP_LANGUAGES


class ToolMissing(Exception):
    pass


def _run(*args: str) -> str:
    if shutil.which(args[0]) is None:
        raise ToolMissing(f"{args[0]} is not installed (Debian: icu-devtools, gcc, binutils)")
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout


def data_blob(library: Path) -> tuple[str, bytes]:
    """The library's common data (symbol icudt<N>_dat) and the symbol's stem."""
    symbols = _run("nm", "-D", "-S", "--defined-only", str(library))
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.M)
    if found is None:
        raise ValueError(f"{library.name} holds no ICU data symbol")
    address, size, symbol = int(found.group(1), 16), int(found.group(2), 16), found.group(3)
    for line in _run("readelf", "-W", "-S", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            start, offset = int(fields[3], 16), int(fields[4], 16)
            data = library.read_bytes()[offset + address - start :][:size]
            return symbol[: -len("_dat")], data
    raise ValueError(f"{library.name} has no .rodata section")


def trim(library: Path, out_dir: Path) -> Path:
    stem, blob = data_blob(library)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        full = work / f"{stem}l.dat"
        full.write_bytes(blob)
        items = _run("icupkg", "-l", str(full)).split()
        dropped = [item for item in items if not keep(item)]
        (work / "drop.txt").write_text("\n".join(dropped) + "\n")
        small = work / "small" / full.name
        small.parent.mkdir()
        # root's break rules name the word dictionaries removed here; ICU then breaks those
        # scripts by rule (a missing dictionary is an error it handles, not a crash)
        _run("icupkg", "--ignore-deps", "-r", str(work / "drop.txt"), str(full), str(small))
        _run("genccode", "-q", "-a", "gcc", "-e", stem, "-d", str(work), str(small))
        source = next(work.glob("*.S"))
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / library.name
        _run(
            "gcc", "-shared", "-nostdlib", "-o", str(target), str(source),
            f"-Wl,-soname,{library.name}",
        )  # fmt: skip
        kept = len(items) - len(dropped)
    print(
        f"trim_icu: {library.name} {library.stat().st_size / 1e6:.1f} MB -> "
        f"{target.stat().st_size / 1e6:.1f} MB ({kept} of {len(items)} items kept)"
    )
    return target


def main() -> int:
    try:
        trim(Path(sys.argv[1]), Path(sys.argv[2]))
    except (ToolMissing, ValueError, subprocess.CalledProcessError, OSError) as exc:
        print(f"trim_icu: not trimmed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
