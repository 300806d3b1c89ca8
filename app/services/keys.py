"""Keys for sealed and signed exchange files (issue 15): kept as files in `keys/` beside the data.

Two kinds of key, each made with a maintained library, never home-made cryptography:

- the **coordinator key** (age X25519, `pyrage`): made once per state office with
  `create_coordinator`; its public half (`age1…`) is handed to agencies as a small recipients file
  with a fingerprint short enough to read over the phone. Agencies install it (`add_recipient`)
  and every export is then encrypted to it; the private half opens the files
  (`age -d -i keys/coordinator-XXXX.key` works too, the file is an age identity file).
- the **agency signing key** (Ed25519, `pynacl`): made on the first export from a data file; the
  file carries the signature and the public key, and the coordinator trusts a key on first use
  per agency (`check_signer`, `trust`).

Why files and not a table: a table would need a schema migration; files in `keys/` are created
0600 in a 0700 folder, and every backup of the data file (app/db/connection.backup_to) copies
the folder beside it (`<backup>.keys/`), so restoring a backup brings the keys back. Keys are
also exported to one passphrase-protected age file (`export_private`) for a new laptop. Losing
them: old sealed files stay readable only with a backup of the coordinator key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core.errors import ValidationError
from app.db.file_modes import make_private

KEYS_DIR = "keys"
SIGNING_FILE = "agency-signing.key"
RECIPIENTS_FILE = "recipients.txt"
TRUST_FILE = "trusted-agencies.json"
COORDINATOR_PREFIX = "coordinator-"
COORDINATOR_SUFFIX = ".key"
EXPORT_MAGIC = "smsoat-keys"
MAX_KEY_FILE = 64 * 1024
# The coordinator's table of trusted agency keys: some 10,000 agencies with a key change each.
MAX_TRUST_FILE = 2 * 1024 * 1024
# An exported keys file holds every key and the trust table (JSON-escaped inside): still small.
MAX_KEYS_EXPORT = 8 * 1024 * 1024
# The first line of every age file: an exported keys file (passphrase) starts with it, a public
# key file never does (app/exchange/envelope.py has the same constant for sealed files).
AGE_HEADER = b"age-encryption.org/v1\n"


class KeyFileError(ValidationError):
    """A key file or key operation that cannot go ahead; the message says what to do."""


def keys_folder(db_path: Path) -> Path:
    """The `keys/` folder beside the data file, where this laptop's keys live."""
    return db_path.parent / KEYS_DIR


def fingerprint(public: str | bytes) -> str:
    """A short, readable fingerprint: 16 hex digits of SHA-256 in groups of four (4F2A-…)."""
    raw = public.encode("ascii") if isinstance(public, str) else public
    digest = hashlib.sha256(raw).hexdigest().upper()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _write_private(path: Path, data: bytes) -> None:
    """Write a key file 0600 (created so before any byte is written), atomically."""
    tmp = path.with_name(path.name + ".part")
    try:
        make_private(tmp)
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KeyFileError(
            f"Cannot write the key file {path} ({exc.strerror or exc}); check that the data "
            "folder can be written to.",
            code="key_write_failed",
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc


def _read_small(path: Path) -> str:
    # the trust table grows with the agencies (about 190 bytes each): 64 KB stopped every import
    # of a state with some 340 agencies; it has a limit of its own
    limit = MAX_TRUST_FILE if path.name == TRUST_FILE else MAX_KEY_FILE
    try:
        if path.stat().st_size > limit:
            raise KeyFileError(
                f"{path.name} is too large to be a key file; choose the key file.",
                code="key_file_unusable",
                params={"name": path.name},
            )
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise KeyFileError(
            f"Cannot read the key file {path} ({exc}); choose the key file.",
            code="key_file_unreadable",
            params={"name": path.name, "reason": reason},
        ) from exc


@dataclass(frozen=True)
class PublicKey:
    """A coordinator's public key: its age recipient, fingerprint and label."""

    recipient: str  # age1…
    fingerprint: str
    label: str = ""


@dataclass(frozen=True)
class Signer:
    """Who signed a file, as the coordinator's import shows it."""

    agency_uuid: str
    agency: str
    fingerprint: str
    first_seen: str
    new: bool  # first time this agency's key is seen here

    def describe(self) -> str:
        return f"signed by {self.agency}, key {self.fingerprint}, first seen {self.first_seen}"


class KeyRing:
    """The keys of one data folder (`keys/` beside the data file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._batch: dict[str, Any] | None = None  # the trust table while a batch imports
        self._dirty = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Trust decisions of a batch of imports kept in memory and written once at its end
        (also when it stops early): 1,000 files do not rewrite the table 1,000 times."""
        if self._batch is not None:
            yield
            return
        self._batch = self._trust()
        self._dirty = False
        try:
            yield
        finally:
            table, dirty = self._batch, self._dirty
            self._batch = None
            if dirty:
                self._save_trust(table)

    @classmethod
    def for_database(cls, db_path: Path) -> KeyRing:
        return cls(keys_folder(db_path))

    def _ensure_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if os.name != "nt":
                self.folder.chmod(0o700)
        except OSError as exc:
            raise KeyFileError(
                f"Cannot create the keys folder {self.folder} ({exc.strerror or exc}); check "
                "that the data folder can be written to.",
                code="keys_folder_unwritable",
                params={"folder": str(self.folder), "reason": exc.strerror or str(exc)},
            ) from exc

    # ----- coordinator (age X25519) ------------------------------------------------------------
    def coordinator_files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p
            for p in self.folder.iterdir()
            if p.name.startswith(COORDINATOR_PREFIX) and p.name.endswith(COORDINATOR_SUFFIX)
        )

    def identities(self) -> list[Any]:
        """The coordinator identities here (pyrage objects), to open sealed files."""
        import pyrage

        found = []
        for path in self.coordinator_files():
            for line in _read_small(path).splitlines():
                line = line.strip()
                if line.startswith("AGE-SECRET-KEY-"):
                    try:
                        found.append(pyrage.x25519.Identity.from_str(line))
                    except pyrage.IdentityError as exc:
                        raise KeyFileError(
                            f"{path.name} holds a damaged key ({exc}).",
                            code="key_damaged",
                            params={"name": path.name},
                        ) from exc
        return found

    def coordinator_keys(self) -> list[PublicKey]:
        return [
            PublicKey(str(i.to_public()), fingerprint(str(i.to_public())))
            for i in self.identities()
        ]

    def create_coordinator(self) -> PublicKey:
        """Make the coordinator key pair, once: a second call refuses rather than replace it."""
        import pyrage

        if self.coordinator_files():
            raise KeyFileError(
                "A coordinator key already exists here; it is made once per state office "
                "(smsoat keys show prints it).",
                code="key_exists",
            )
        self._ensure_folder()
        identity = pyrage.x25519.Identity.generate()
        public = str(identity.to_public())
        fp = fingerprint(public)
        text = (
            f"# SMS OAT Studio coordinator key, made {date.today().isoformat()}\n"
            f"# public key: {public}\n# fingerprint: {fp}\n{identity}\n"
        )
        path = self.folder / f"{COORDINATOR_PREFIX}{fp.replace('-', '')[:8]}{COORDINATOR_SUFFIX}"
        _write_private(path, text.encode("ascii"))
        return PublicKey(public, fp)

    @staticmethod
    def public_file_text(key: PublicKey) -> str:
        """The small file handed to agencies: an age recipients file (`age -R` reads it)."""
        return (
            "# SMS OAT Studio coordinator public key\n"
            f"# fingerprint: {key.fingerprint} (read it over the phone to check)\n"
            f"{key.recipient}\n"
        )

    # ----- recipients (agency side) ------------------------------------------------------------
    def recipients(self) -> list[PublicKey]:
        path = self.folder / RECIPIENTS_FILE
        if not path.is_file():
            return []
        return parse_recipients(_read_small(path), path.name)

    def add_recipient(self, text: str, source: str = "the key file") -> list[PublicKey]:
        """Install coordinator public keys (an `age1…` line each); returns the keys added."""
        keys = parse_recipients(text, source)
        if not keys:
            raise KeyFileError(
                f"{source} holds no coordinator public key (a line starting age1).",
                code="key_not_public",
                params={"name": source},
            )
        have = {k.recipient for k in self.recipients()}
        added = [k for k in keys if k.recipient not in have]
        if added:
            self._ensure_folder()
            lines = [
                *(f"{k.recipient}" for k in self.recipients()),
                *(k.recipient for k in added),
            ]
            _write_private(self.folder / RECIPIENTS_FILE, ("\n".join(lines) + "\n").encode())
        return added

    def remove_recipient(self, recipient: str) -> bool:
        """Stop sealing exports for this coordinator key; False when it was not installed."""
        keys = self.recipients()
        kept = [k.recipient for k in keys if k.recipient != recipient]
        if len(kept) == len(keys):
            return False
        path = self.folder / RECIPIENTS_FILE
        if kept:
            _write_private(path, ("\n".join(kept) + "\n").encode())
        else:
            try:
                path.unlink()
            except OSError as exc:
                raise KeyFileError(
                    f"Cannot change {path} ({exc.strerror or exc}); check that the data folder "
                    "can be written to.",
                    code="key_write_failed",
                    params={"path": str(path), "reason": exc.strerror or str(exc)},
                ) from exc
        return True

    # ----- agency signing key (Ed25519) --------------------------------------------------------
    def signing_key(self, *, create: bool = True) -> Any:
        """The agency signing key (nacl SigningKey), made on first use when `create`."""
        from nacl.signing import SigningKey

        path = self.folder / SIGNING_FILE
        if path.is_file():
            text = _read_small(path).strip().splitlines()[-1].strip()
            try:
                seed = base64.b64decode(text, validate=True)
                return SigningKey(seed)
            except (ValueError, TypeError) as exc:
                raise KeyFileError(
                    f"{path.name} holds a damaged signing key.",
                    code="key_damaged",
                    params={"name": path.name},
                ) from exc
        if not create:
            return None
        self._ensure_folder()
        key = SigningKey.generate()
        public = bytes(key.verify_key)
        text = (
            "# SMS OAT Studio agency signing key (Ed25519 seed, base64)\n"
            f"# fingerprint: {fingerprint(public)}\n"
            f"{base64.b64encode(bytes(key)).decode('ascii')}\n"
        )
        _write_private(path, text.encode("ascii"))
        return key

    def signing_fingerprint(self) -> str | None:
        """The fingerprint of this agency's signing key, None before the first export."""
        key = self.signing_key(create=False)
        return None if key is None else fingerprint(bytes(key.verify_key))

    # ----- trust on first use (coordinator side) -----------------------------------------------
    def _trust(self) -> dict[str, Any]:
        if self._batch is not None:
            return self._batch
        path = self.folder / TRUST_FILE
        if not path.is_file():
            return {}
        try:
            loaded = json.loads(_read_small(path))
        except ValueError as exc:
            raise KeyFileError(
                f"{path} is damaged ({exc}); restore it from a backup.",
                code="key_damaged",
                params={"name": path.name},
            ) from exc
        return loaded if isinstance(loaded, dict) else {}

    def check_signer(self, agency_uuid: str, agency: str, public: bytes) -> tuple[Signer, bool]:
        """Who signed, and whether the key differs from the one trusted for this agency."""
        entry = self._trust().get(agency_uuid)
        fp = fingerprint(public)
        if entry is None:
            return Signer(agency_uuid, agency, fp, date.today().isoformat(), True), False
        if entry.get("key") == public.hex():
            return Signer(agency_uuid, agency, fp, str(entry.get("first_seen", "?")), False), False
        return Signer(agency_uuid, agency, fp, date.today().isoformat(), True), True

    def trust(self, agency_uuid: str, agency: str, public: bytes) -> None:
        """Remember (or replace) the key an agency signs with; the old one is kept in history."""
        table = self._trust()
        old = table.get(agency_uuid)
        if old is not None and old.get("key") == public.hex():
            return
        history = list(old.get("previous", [])) if old else []
        if old:
            history.append({"key": old.get("key"), "first_seen": old.get("first_seen")})
        table[agency_uuid] = {
            "agency": agency,
            "key": public.hex(),
            "first_seen": date.today().isoformat(),
            "previous": history,
        }
        if self._batch is not None:
            self._dirty = True
            return
        self._save_trust(table)

    def trust_snapshot(self) -> dict[str, Any] | None:
        """The batch's trust table as it is now (None outside a batch), to restore if the data
        the following trust decisions belong to is rolled back (entries are replaced, never
        changed in place, so a shallow copy is enough)."""
        return None if self._batch is None else dict(self._batch)

    def restore_trust(self, snapshot: dict[str, Any]) -> None:
        """Forget the batch's trust decisions made after `snapshot` was taken."""
        if self._batch is not None:
            self._batch.clear()
            self._batch.update(snapshot)

    def _save_trust(self, table: dict[str, Any]) -> None:
        self._ensure_folder()
        data = json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
        _write_private(self.folder / TRUST_FILE, data)

    # ----- moving keys between laptops ---------------------------------------------------------
    def private_files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        names = {SIGNING_FILE, RECIPIENTS_FILE, TRUST_FILE}
        return [
            p
            for p in sorted(self.folder.iterdir())
            if p.is_file() and (p.name in names or p in self.coordinator_files())
        ]

    def export_private(self, passphrase: str) -> bytes:
        """Every key file here in one age file protected by a passphrase (age's scrypt mode)."""
        import pyrage

        if not passphrase:
            raise KeyFileError(
                "Give a passphrase to protect the exported keys.", code="keys_no_passphrase"
            )
        files = self.private_files()
        if not files:
            raise KeyFileError("There are no keys here to export yet.", code="keys_none")
        bundle = {
            "format": EXPORT_MAGIC,
            "files": {p.name: _read_small(p) for p in files},
        }
        return bytes(pyrage.passphrase.encrypt(json.dumps(bundle).encode("utf-8"), passphrase))

    def import_private(self, data: bytes, passphrase: str) -> list[str]:
        """Restore exported keys; an existing different key file is kept aside, never lost."""
        import pyrage

        try:
            plain = bytes(pyrage.passphrase.decrypt(data, passphrase))
            bundle = json.loads(plain)
        except (pyrage.DecryptError, ValueError) as exc:
            raise KeyFileError(
                "The keys could not be opened: wrong passphrase, or not an exported keys file.",
                code="keys_passphrase",
            ) from exc
        # a JSON list or string inside a good age file must be refused too, not crash
        files = bundle.get("files") if isinstance(bundle, dict) else None
        if not isinstance(bundle, dict) or bundle.get("format") != EXPORT_MAGIC:
            files = None
        if not isinstance(files, dict):
            raise KeyFileError("This is not an exported SMS OAT keys file.", code="keys_not_export")
        allowed = {SIGNING_FILE, RECIPIENTS_FILE, TRUST_FILE}
        # every entry checked before the first is written: a bad file changes nothing here
        for name, text in files.items():
            ok = name in allowed or (
                name.startswith(COORDINATOR_PREFIX)
                and name.endswith(COORDINATOR_SUFFIX)
                and "/" not in name
                and "\\" not in name
                and ".." not in name
            )
            if not ok or not isinstance(text, str):
                raise KeyFileError(
                    f"The keys file holds an unexpected entry {name[:60]!r}.",
                    code="keys_not_export",
                )
        self._ensure_folder()
        restored = []
        for name, text in sorted(files.items()):
            target = self.folder / name
            if target.is_file() and _read_small(target) != text:
                _keep_aside(target)
            _write_private(target, text.encode("utf-8"))
            restored.append(name)
        return restored


def _keep_aside(target: Path) -> None:
    """A different key file already here is copied to NAME.replaced before it is replaced."""
    aside = target.with_name(target.name + ".replaced")
    try:
        shutil.copy2(target, aside)
        make_private(aside)
    except OSError as exc:
        raise KeyFileError(
            f"Cannot keep a copy of {target} aside ({exc.strerror or exc}); nothing was "
            "replaced. Check that the data folder can be written to.",
            code="key_write_failed",
            params={"path": str(aside), "reason": exc.strerror or str(exc)},
        ) from exc


def read_key_bytes(path: Path, limit: int = MAX_KEY_FILE) -> bytes:
    """A key file a person chose, read with a bound: a folder, pipe or device (`/dev/zero`) or a
    file over `limit` is refused in one line, never read until memory runs out or forever."""
    from app.core.bounded_read import FileRefused, read_regular_file

    try:
        return read_regular_file(path, limit)
    except FileRefused as exc:
        raise KeyFileError(
            f"Cannot use {path.name} as a key file: {exc}.",
            code="key_file_unusable",
            params={"name": path.name},
        ) from exc
    except OSError as exc:
        raise KeyFileError(
            f"Cannot read the key file {path} ({exc.strerror or exc}); choose the key file.",
            code="key_file_unreadable",
            params={"name": path.name, "reason": exc.strerror or str(exc)},
        ) from exc


def read_key_file(path: Path) -> str:
    """A small key file as text, or one clear line saying why it cannot be read."""
    return key_text(read_key_bytes(path), path.name)


def key_text(data: bytes, source: str) -> str:
    """A public key file's bytes as text: small, and UTF-8 (a binary file is refused)."""
    if len(data) > MAX_KEY_FILE:
        raise KeyFileError(
            f"{source} is too large to be a key file; choose the key file.",
            code="key_file_unusable",
            params={"name": source},
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyFileError(
            f"{source} is not a key file (it is not text); choose the key file.",
            code="key_file_unusable",
            params={"name": source},
        ) from exc


def is_keys_export(data: bytes) -> bool:
    """An exported keys file (age, passphrase) rather than a coordinator public key file."""
    return data.startswith(AGE_HEADER)


def parse_recipients(text: str, source: str) -> list[PublicKey]:
    """The public keys in a key file's text, one per line; `source` names the file in errors."""
    import pyrage

    keys = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("AGE-SECRET-KEY-"):
            raise KeyFileError(
                f"{source} holds a private key; give agencies the public key file instead "
                "(smsoat keys show --public FILE).",
                code="key_is_private",
                params={"name": source},
            )
        try:
            recipient = pyrage.x25519.Recipient.from_str(line)
        except pyrage.RecipientError as exc:
            raise KeyFileError(
                f"{source}: {line[:20]!r} is not an age public key (age1…) ({exc}).",
                code="key_not_public",
                params={"name": source},
            ) from exc
        keys.append(PublicKey(str(recipient), fingerprint(str(recipient))))
    return keys


def restore_keys_from(backup: Path, db_path: Path) -> list[str]:
    """Bring back the keys a backup carries; a different key here is kept aside, never lost."""
    source = backup.with_name(backup.name + ".keys")
    if not source.is_dir():
        return []
    ring = KeyRing(keys_folder(db_path))
    ring._ensure_folder()
    restored = []
    for path in sorted(source.iterdir()):
        if not path.is_file():
            continue
        target = ring.folder / path.name
        if target.is_file() and target.read_bytes() != path.read_bytes():
            _keep_aside(target)
        _write_private(target, path.read_bytes())
        restored.append(path.name)
    return restored
