"""Issue 15: sealed (age) and signed (Ed25519) exchange files, keys that survive.

Interop is proven with Debian's `age` command (installed by build/check-system.sh test)."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core.instrument import Instrument
from app.db.connection import open_database
from app.exchange import errors
from app.exchange.envelope import AGE_MAGIC, SIG_MAGIC
from app.exchange.export import export_round
from app.exchange.importer import Keys, import_bytes, import_file
from app.services import backups
from app.services.keys import KeyFileError, KeyRing
from tests.test_exchange import db_dump, filled_round

AGE = shutil.which("age")


@pytest.fixture
def agency(tmp_path: Path, mini: Instrument) -> Iterator[tuple[sqlite3.Connection, int, KeyRing]]:
    path = tmp_path / "agency" / "data.sqlite3"
    conn = open_database(path)
    rnd = filled_round(conn, mini, agency="Riverbend", end=date(2026, 3, 31))
    yield conn, rnd.id, KeyRing.for_database(path)
    conn.close()


@pytest.fixture
def coordinator(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, KeyRing, str]]:
    path = tmp_path / "state" / "data.sqlite3"
    conn = open_database(path)
    ring = KeyRing.for_database(path)
    key = ring.create_coordinator()
    yield conn, ring, key.recipient
    conn.close()


def sealed_file(
    agency: tuple[sqlite3.Connection, int, KeyRing], recipients: list[str], *, pdf: bool = False
) -> bytes:
    conn, round_id, ring = agency
    return export_round(
        conn,
        round_id,
        with_pdf=pdf,
        signing_key=ring.signing_key(),
        recipients=recipients,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ----- keys ---------------------------------------------------------------------------------


def test_keys_are_private_made_once_and_readable_over_the_phone(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "keys")
    key = ring.create_coordinator()
    assert key.recipient.startswith("age1")
    assert len(key.fingerprint) == 19 and key.fingerprint.count("-") == 3
    with pytest.raises(KeyFileError, match="already exists"):
        ring.create_coordinator()
    ring.signing_key()
    assert mode(ring.folder) == 0o700
    assert all(mode(p) == 0o600 for p in ring.folder.iterdir())
    text = ring.public_file_text(key)
    assert key.recipient in text and key.fingerprint in text and "SECRET" not in text
    agency = KeyRing(tmp_path / "agency-keys")
    with pytest.raises(KeyFileError, match="private key"):
        agency.add_recipient(next(ring.folder.glob("coordinator-*")).read_text(), "coord.key")
    with pytest.raises(KeyFileError, match="not an age public key"):
        agency.add_recipient("age1notakey\n", "bad.pub")
    assert agency.add_recipient(text) == [key]
    assert agency.add_recipient(text) == []  # once is enough
    assert [k.recipient for k in agency.recipients()] == [key.recipient]


def test_keys_export_and_import_with_a_passphrase(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "old" / "keys")
    key = ring.create_coordinator()
    signing = bytes(ring.signing_key().verify_key)
    exported = ring.export_private("correct horse")
    assert exported.startswith(AGE_MAGIC)
    new = KeyRing(tmp_path / "new" / "keys")
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        new.import_private(exported, "wrong")
    assert not new.folder.exists() or not any(new.folder.iterdir())
    new.import_private(exported, "correct horse")
    assert [k.recipient for k in new.coordinator_keys()] == [key.recipient]
    assert bytes(new.signing_key(create=False).verify_key) == signing
    assert all(mode(p) == 0o600 for p in new.folder.iterdir())


def test_keys_survive_backup_and_restore(tmp_path: Path, mini: Instrument) -> None:
    db = tmp_path / "data.sqlite3"
    conn = open_database(db)
    filled_round(conn, mini)
    ring = KeyRing.for_database(db)
    key = ring.create_coordinator()
    signing = bytes(ring.signing_key().verify_key)
    copy = backups.make_backup(conn, db)
    conn.close()
    carried = copy.with_name(copy.name + ".keys")
    assert carried.is_dir() and all(mode(p) == 0o600 for p in carried.iterdir())
    shutil.rmtree(ring.folder)  # the laptop's keys lost
    backups.restore(copy, db)
    assert [k.recipient for k in ring.coordinator_keys()] == [key.recipient]
    assert bytes(ring.signing_key(create=False).verify_key) == signing


# ----- sealed and signed --------------------------------------------------------------------


def test_a_sealed_file_opens_with_the_age_command(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
    tmp_path: Path,
) -> None:
    assert AGE is not None, "install Debian's age package (build/check-system.sh test)"
    _, ring, recipient = coordinator
    deputy = KeyRing(tmp_path / "deputy")
    deputy_key = deputy.create_coordinator().recipient
    data = sealed_file(agency, [recipient, deputy_key])
    assert data.startswith(AGE_MAGIC) and b"round.json" not in data
    sealed = tmp_path / "riverbend.smsoat"
    sealed.write_bytes(data)
    for keys in (ring, deputy):  # both recipients open it
        [identity] = keys.coordinator_files()
        opened = subprocess.run(
            [AGE, "-d", "-i", str(identity), str(sealed)], capture_output=True, timeout=60
        )
        assert opened.returncode == 0, opened.stderr
        with zipfile.ZipFile(io.BytesIO(opened.stdout)) as archive:
            assert {"manifest.json", "round.json", "instrument.json"} <= set(archive.namelist())
            assert archive.comment.startswith(SIG_MAGIC)


def test_a_file_sealed_with_the_age_command_imports(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
    tmp_path: Path,
) -> None:
    assert AGE is not None
    conn, ring, recipient = coordinator
    plain = tmp_path / "plain.smsoat"
    plain.write_bytes(sealed_file(agency, []))  # signed, not sealed
    sealed = tmp_path / "by-age.smsoat"
    made = subprocess.run(
        [AGE, "-r", recipient, "-o", str(sealed), str(plain)], capture_output=True, timeout=60
    )
    assert made.returncode == 0, made.stderr
    report = import_file(conn, sealed, keys=Keys(ring))
    assert report.written, report.reason
    assert report.envelope.startswith("sealed, signed by Riverbend, key ")
    assert "trusted from now on" in report.envelope


def test_a_file_sealed_for_another_key_is_refused(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
    tmp_path: Path,
) -> None:
    conn, ring, _ = coordinator
    other = KeyRing(tmp_path / "other").create_coordinator().recipient
    before = db_dump(conn)
    report = import_bytes(conn, sealed_file(agency, [other]), "x.smsoat", keys=Keys(ring))
    assert report.refused and isinstance(report.error, errors.SealedForOthersError)
    assert "sealed for another coordinator key" in report.reason
    nothing = import_bytes(conn, sealed_file(agency, [other]), "x.smsoat", keys=Keys())
    assert "no coordinator key here" in nothing.reason
    assert db_dump(conn) == before


@pytest.mark.parametrize("sealed", [False, True])
def test_flipping_any_byte_of_a_signed_file_is_refused(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
    sealed: bool,
) -> None:
    conn, ring, recipient = coordinator
    data = sealed_file(agency, [recipient] if sealed else [])
    keys = Keys(ring)
    before = db_dump(conn)
    step = 1 if not sealed else 3  # every byte of the plain file; every third of the sealed one
    for at in range(0, len(data), step):
        flipped = bytearray(data)
        flipped[at] ^= 0x01
        report = import_bytes(conn, bytes(flipped), "flipped.smsoat", keys=keys)
        assert report.refused, f"byte {at} of {len(data)} flipped, yet {report.status}"
    assert db_dump(conn) == before
    assert import_bytes(conn, data, "good.smsoat", keys=keys).written


def test_a_bit_hidden_in_base64_padding_is_refused(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
) -> None:
    """The last character before '=' carries unused bits; flipping one of them decodes to the
    same key or signature, so only the canonical encoding is accepted."""
    import base64
    import json

    conn, ring, _ = coordinator
    data = sealed_file(agency, [])
    start = data.index(SIG_MAGIC)
    fields = json.loads(data[start + len(SIG_MAGIC) :])
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    for name, unused in (("key", 2), ("sig", 4)):
        text = fields[name]
        last = text.rstrip("=")[-1]
        twin = alphabet[alphabet.index(last) ^ 1]  # the lowest bit is always unused here
        forged = text.rstrip("=")[:-1] + twin + "=" * (len(text) - len(text.rstrip("=")))
        assert base64.b64decode(forged) == base64.b64decode(text) and unused
        changed = data.replace(f'"{name}":"{text}"'.encode(), f'"{name}":"{forged}"'.encode())
        report = import_bytes(conn, changed, "forged.smsoat", keys=Keys(ring))
        assert report.refused and isinstance(report.error, errors.BadSignatureError)


def test_a_changed_agency_key_is_refused_unless_accepted(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
) -> None:
    conn, ring, recipient = coordinator
    first = import_bytes(conn, sealed_file(agency, [recipient]), "a.smsoat", keys=Keys(ring))
    assert first.written
    agency_conn, round_id, agency_ring = agency
    (agency_ring.folder / "agency-signing.key").unlink()  # a new laptop without the old key
    agency_conn.execute("UPDATE rounds SET name = 'Spring, revised' WHERE id = ?", (round_id,))
    # stamped now: a fixed date was older than the round's own stamps once the calendar passed
    # it, and the revision then read as "older" whenever the round's last stamp beat its answers'
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
    agency_conn.execute("UPDATE rounds SET updated_at = ?", (stamp,))
    changed = sealed_file(agency, [recipient])
    before = db_dump(conn)
    report = import_bytes(conn, changed, "b.smsoat", keys=Keys(ring))
    assert report.refused and isinstance(report.error, errors.KeyChangedError)
    assert "now signs with another key" in report.reason
    assert db_dump(conn) == before
    accepted = import_bytes(conn, changed, "b.smsoat", keys=Keys(ring, accept_new_key=True))
    assert accepted.written and "NEW key" in accepted.envelope
    # from now on the new key is the trusted one
    again = import_bytes(conn, changed, "b.smsoat", keys=Keys(ring))
    assert again.status == "duplicate" and not again.refused


def test_old_unsigned_files_still_import_labelled(
    agency: tuple[sqlite3.Connection, int, KeyRing],
    coordinator: tuple[sqlite3.Connection, KeyRing, str],
) -> None:
    conn, ring, _ = coordinator
    agency_conn, round_id, _ = agency
    old = export_round(agency_conn, round_id, with_pdf=False)  # no key: format version 1
    report = import_bytes(conn, old, "old.smsoat", keys=Keys(ring))
    assert report.written and report.envelope == "not sealed, unsigned (older format)"


# ----- the command line ---------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_keys_export_sealed_and_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini: Instrument
) -> None:
    state, agency_db = tmp_path / "state" / "data.sqlite3", tmp_path / "agency" / "data.sqlite3"
    conn = open_database(agency_db)
    filled_round(conn, mini, agency="Riverbend")
    conn.close()
    public = tmp_path / "coordinator.pub"
    code, out, err = run(capsys, "--db", str(state), "keys", "create", "--public", str(public))
    assert code == 0, err
    assert "Fingerprint" in out and public.read_text().count("age1") == 1
    plain = tmp_path / "plain.smsoat"
    code, out, err = run(capsys, "--db", str(agency_db), "export", "1", "-o", str(plain))
    assert code == 0 and "NOT sealed" in out and "warning: the file is not sealed" in err
    code, out, err = run(capsys, "--db", str(agency_db), "keys", "import", str(public))
    assert code == 0 and "Exports are now sealed" in out
    sealed = tmp_path / "sealed.smsoat"
    code, out, err = run(capsys, "--db", str(agency_db), "export", "1", "-o", str(sealed))
    assert code == 0 and "sealed for 1 coordinator key(s)" in out and err == ""
    assert sealed.read_bytes().startswith(AGE_MAGIC)
    code, out, err = run(capsys, "--db", str(state), "import", str(sealed))
    assert code == 0, err
    assert "sealed, signed by Riverbend" in out
    # the agency's key changes: refused with exit 2 unless accepted
    shutil.rmtree(agency_db.parent / "keys")
    code, *_ = run(capsys, "--db", str(agency_db), "keys", "import", str(public))
    newer = tmp_path / "newer.smsoat"
    code, out, err = run(capsys, "--db", str(agency_db), "export", "1", "-o", str(newer))
    assert code == 0
    code, out, err = run(capsys, "--db", str(state), "import", str(newer))
    assert code == 2 and "now signs with another key" in err and "--accept-new-key" in err
    code, out, err = run(capsys, "--db", str(state), "import", str(newer), "--accept-new-key")
    assert code == 0, err
    # keys to a passphrase-protected file and back
    secret = tmp_path / "pass.txt"
    secret.write_text("a long passphrase\n")
    saved = tmp_path / "keys.age"
    code, out, err = run(
        capsys,
        "--db",
        str(state),
        "keys",
        "export",
        "-o",
        str(saved),
        "--passphrase-file",
        str(secret),
    )
    assert code == 0, err
    assert mode(saved) == 0o600
    fresh = tmp_path / "fresh" / "data.sqlite3"
    code, out, err = run(
        capsys, "--db", str(fresh), "keys", "import", str(saved), "--passphrase-file", str(secret)
    )
    assert code == 0 and "Restored" in out, err
    code, out, err = run(capsys, "--db", str(fresh), "keys", "show")
    assert code == 0 and "coordinator key (opens sealed files)" in out
    code, out, err = run(capsys, "--db", str(fresh), "keys", "create")
    assert code == 2 and "already exists" in err and len(err.strip().splitlines()) == 1


def test_no_traceback_for_a_bad_key_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.pub"
    bad.write_text("hello\n")
    code, _, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "keys", "import", str(bad))
    assert code == 2 and "not an age public key" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_keys_module_is_qt_free() -> None:
    probe = "import sys, app.services.keys, app.exchange.envelope; print('PySide6' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
        cwd=Path(__file__).parent.parent,
    )
    assert out.stdout.strip() == "False", out.stderr


def test_an_unwritable_keys_folder_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini: Instrument
) -> None:
    db = tmp_path / "agency" / "data.sqlite3"
    conn = open_database(db)
    filled_round(conn, mini)
    conn.close()
    (db.parent / "keys").write_text("a file where the keys folder should be")
    out = tmp_path / "x.smsoat"
    code, _, err = run(capsys, "--db", str(db), "export", "1", "-o", str(out))
    assert code == 2 and "keys folder" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and not out.exists()


def test_cli_keys_remove_and_a_pipe_given_as_key_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "agency" / "data.sqlite3"
    state = KeyRing(tmp_path / "state-keys")
    key = state.create_coordinator()
    public = tmp_path / "coordinator.pub"
    public.write_text(state.public_file_text(key))
    code, out, err = run(capsys, "--db", str(db), "keys", "import", str(public))
    assert code == 0, err
    pipe = tmp_path / "pipe.pub"
    os.mkfifo(pipe)  # read without a bound, this blocked forever
    code, out, err = run(capsys, "--db", str(db), "keys", "import", str(pipe))
    assert code == 2 and "pipe" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "--db", str(db), "keys", "remove", "0000-0000")
    assert code == 2 and "No installed coordinator key" in err
    assert len(KeyRing.for_database(db).recipients()) == 1
    code, out, err = run(capsys, "--db", str(db), "keys", "remove", key.fingerprint)
    assert code == 0 and "no longer sealed" in out and "will not be sealed" in out
    assert KeyRing.for_database(db).recipients() == []


def test_a_coordinator_with_many_agencies_can_still_import(tmp_path: Path) -> None:
    """The trust table of 600 agencies is larger than one key file may be (64 KB): it was read
    with that limit, and every import of a large state was refused."""
    ring = KeyRing(tmp_path / "keys")
    keys = {f"agency-{i:04d}-uuid": os.urandom(32) for i in range(600)}
    with ring.batch():
        for uuid, key in keys.items():
            ring.trust(uuid, f"Agency {uuid}", key)
    assert (ring.folder / "trusted-agencies.json").stat().st_size > 64 * 1024
    fresh = KeyRing(ring.folder)
    signer, changed = fresh.check_signer("agency-0599-uuid", "Agency", keys["agency-0599-uuid"])
    assert not changed and not signer.new
    saved = fresh.export_private("pw")
    restored = KeyRing(tmp_path / "restored")
    assert restored.import_private(saved, "pw") == ["trusted-agencies.json"]
    assert restored.check_signer("agency-0001-uuid", "A", keys["agency-0001-uuid"])[1] is False
