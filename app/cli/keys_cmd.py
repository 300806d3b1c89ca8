"""`smsoat keys create|show|export|import`: the keys that seal and sign exchange files.

- `keys create [--public FILE]` makes the coordinator key pair (once per state office) and prints
  its public key and fingerprint; `--public` also writes the small file handed to agencies.
- `keys show [--public FILE]` prints the keys here: coordinator keys, the coordinator keys
  installed for exports, the agency signing key, the agencies trusted.
- `keys export -o FILE` writes every key here to one passphrase-protected age file.
- `keys import FILE` installs a coordinator public key file (an agency does this once), or
  restores keys exported with `keys export` (asks for the passphrase).
- `keys remove KEY` stops sealing exports for an installed coordinator key (age1… or its
  fingerprint), e.g. a deputy who left.

The passphrase is read from the terminal, or from the file given with `--passphrase-file`
(scripts, tests). Keys live in `keys/` beside the data file (app/services/keys.py).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed
from app.cli.output import shown


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="keys that seal and sign exchange files")
    what = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    create = what.add_parser("create", help="make the coordinator key pair (once per state)")
    create.add_argument("--public", type=Path, metavar="FILE", help="write the public key file")
    create.set_defaults(handler=run_create)
    show = what.add_parser("show", help="the keys here")
    show.add_argument("--public", type=Path, metavar="FILE", help="write the public key file")
    show.set_defaults(handler=run_show)
    export = what.add_parser("export", help="every key here, in a passphrase-protected file")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--passphrase-file", type=Path, metavar="FILE")
    export.set_defaults(handler=run_export)
    imp = what.add_parser("import", help="install a coordinator public key, or restore keys")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--passphrase-file", type=Path, metavar="FILE")
    imp.set_defaults(handler=run_import)
    remove = what.add_parser("remove", help="stop sealing exports for a coordinator key")
    remove.add_argument("key", metavar="KEY", help="the key (age1…) or its fingerprint")
    remove.set_defaults(handler=run_remove)


def _ring(context: CliContext) -> Any:
    from app.services.keys import KeyRing

    return KeyRing.for_database(context.database_path())


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    if args.passphrase_file is not None:
        from app.services.keys import read_key_file

        lines = read_key_file(args.passphrase_file).splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise CommandFailed("No terminal to ask for the passphrase: give --passphrase-file FILE.")
    first = getpass.getpass("Passphrase: ")
    if twice and getpass.getpass("Passphrase again: ") != first:
        raise CommandFailed("The two passphrases differ; nothing was written.")
    return first


def _write_public(ring: Any, path: Path, context: CliContext) -> None:
    from app.services.files import write_output

    keys = ring.coordinator_keys()
    if not keys:
        raise CommandFailed("There is no coordinator key here yet: smsoat keys create.")
    text = "".join(ring.public_file_text(k) for k in keys)
    write_output(path, text.encode("ascii"), context.database_path(), private=False)
    print(f"Wrote the public key file {shown(path)}")


def run_create(args: argparse.Namespace, context: CliContext) -> int:
    ring = _ring(context)
    key = ring.create_coordinator()
    print(f"Coordinator key made: {key.recipient}")
    print(f"Fingerprint (read it to agencies over the phone): {key.fingerprint}")
    print(f"Private key in {shown(ring.folder)}: keep a copy (smsoat keys export).")
    if args.public is not None:
        _write_public(ring, args.public, context)
    return 0


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.keys import fingerprint

    ring = _ring(context)
    for key in ring.coordinator_keys():
        print(f"coordinator key (opens sealed files): {key.recipient}  {key.fingerprint}")
    for key in ring.recipients():
        print(f"exports are sealed for: {key.recipient}  {key.fingerprint}")
    signing = ring.signing_key(create=False)
    if signing is not None:
        print(f"agency signing key: {fingerprint(bytes(signing.verify_key))}")
    if not (ring.coordinator_keys() or ring.recipients() or signing is not None):
        print("No keys here yet.")
    if args.public is not None:
        _write_public(ring, args.public, context)
    return 0


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.files import write_output

    ring = _ring(context)
    data = ring.export_private(_passphrase(args, twice=True))
    write_output(args.output, data, context.database_path(), private=True)
    print(f"Wrote the keys to {shown(args.output)} (protected by the passphrase)")
    return 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.keys import MAX_KEYS_EXPORT, is_keys_export, key_text, read_key_bytes

    ring = _ring(context)
    data = read_key_bytes(args.file, MAX_KEYS_EXPORT)  # a pipe or /dev/zero is refused
    if is_keys_export(data):
        restored = ring.import_private(data, _passphrase(args, twice=False))
        print(f"Restored {len(restored)} key file(s) into {shown(ring.folder)}")
        return 0
    added = ring.add_recipient(key_text(data, shown(args.file)), shown(args.file))
    for key in added:
        print(f"Exports are now sealed for {key.recipient} (fingerprint {key.fingerprint})")
    if not added:
        print("That coordinator key was already installed; nothing changed.")
    return 0


def run_remove(args: argparse.Namespace, context: CliContext) -> int:
    ring = _ring(context)
    wanted = args.key.strip()
    match = [
        k
        for k in ring.recipients()
        if wanted in (k.recipient, k.fingerprint, k.fingerprint.replace("-", ""))
    ]
    if not match:
        raise CommandFailed(
            f"No installed coordinator key is {shown(wanted)}; smsoat keys show lists them."
        )
    ring.remove_recipient(match[0].recipient)
    print(f"Exports are no longer sealed for {match[0].recipient} ({match[0].fingerprint})")
    if not ring.recipients():
        print("No coordinator key is left: exports will not be sealed.")
    return 0
