"""The envelope of an exchange file, format version 2: signed by the agency, sealed for the state.

Signed: the zip archive's comment (the last bytes of the file, after the end-of-central-directory
record) holds `SMSOAT-SIG1 {"alg":"ed25519","key":B64,"sig":B64}`; the signature covers every
byte of the archive before the comment, with the comment length field read as zero, i.e. the
archive exactly as written without a comment. So flipping any byte of a signed file is caught:
before the comment the signature fails, inside it the key or signature no longer parse or match.

Sealed: the signed archive, encrypted with age (binary format, X25519 recipients: the coordinator
keys installed at the agency), so `age -d -i KEY file.smsoat > file.zip` opens it too.

docs/exchange-format.md ("The envelope") says the same for another program.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.exchange import errors

AGE_MAGIC = b"age-encryption.org/v1\n"
SIG_MAGIC = b"SMSOAT-SIG1 "
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 65535


@dataclass(frozen=True)
class Opened:
    """The archive inside an envelope, and what the envelope said about it."""

    archive: bytes
    sealed: bool
    signer_key: bytes | None  # the Ed25519 public key that signed, verified


def sign_archive(archive: bytes, signing_key: Any) -> bytes:
    """The archive with its signature as the zip comment (the archive must have no comment)."""
    if archive[-_EOCD_SIZE:-18] != _EOCD or archive[-2:] != b"\x00\x00":
        raise ValueError("sign_archive needs a zip archive without a comment")
    signature = signing_key.sign(archive).signature
    comment = SIG_MAGIC + json.dumps(
        {
            "alg": "ed25519",
            "key": base64.b64encode(bytes(signing_key.verify_key)).decode("ascii"),
            "sig": base64.b64encode(signature).decode("ascii"),
        },
        separators=(",", ":"),
        sort_keys=True,
    ).encode("ascii")
    return archive[:-2] + len(comment).to_bytes(2, "little") + comment


def seal(data: bytes, recipients: Sequence[str]) -> bytes:
    """Encrypt to every coordinator key given (age X25519 recipients `age1…`)."""
    import pyrage

    keys = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    return bytes(pyrage.encrypt(data, keys))


def is_sealed(data: bytes) -> bool:
    return data.startswith(AGE_MAGIC)


def unseal(data: bytes, identities: Sequence[Any], name: str) -> bytes:
    """The archive inside a sealed file, or a clear refusal saying why it cannot be opened."""
    import pyrage

    if not identities:
        raise errors.SealedForOthersError(
            f"{name}: the file is sealed for the state coordinator and there is no coordinator "
            "key here; import it on the coordinator's computer, or import the coordinator's "
            "keys here (smsoat keys import)."
        )
    try:
        return bytes(pyrage.decrypt(data, list(identities)))
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise errors.SealedForOthersError(
                f"{name}: the file is sealed for another coordinator key, not for a key here; "
                "ask the agency which coordinator key it used (smsoat keys show prints yours)."
            ) from exc
        raise errors.TruncatedFileError(
            f"{name}: the sealed file is damaged or was changed after it was sealed ({exc}); "
            "ask for it to be sent again."
        ) from exc


def split_signature(archive: bytes, name: str) -> tuple[bytes, bytes] | None:
    """(signed bytes, public key) of a signed archive after checking the signature; None when the
    archive carries no signature. A signature that does not verify refuses the file."""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    start = archive.rfind(_EOCD, max(0, len(archive) - _EOCD_SIZE - _MAX_COMMENT))
    if start < 0:
        return None
    comment = archive[start + _EOCD_SIZE :]
    if not comment.startswith(SIG_MAGIC):
        return None
    declared = int.from_bytes(archive[start + 20 : start + 22], "little")

    def bad(reason: str) -> errors.BadSignatureError:
        return errors.BadSignatureError(
            f"{name}: the agency's signature does not verify ({reason}); the file was changed "
            "after it was signed or damaged on the way. Ask the agency to send it again."
        )

    if declared != len(comment):
        raise bad("its length is wrong")
    try:
        fields = json.loads(comment[len(SIG_MAGIC) :])
        if not isinstance(fields, dict) or fields.get("alg") != "ed25519":
            raise ValueError("unknown signature algorithm")
        key = base64.b64decode(str(fields["key"]), validate=True)
        sig = base64.b64decode(str(fields["sig"]), validate=True)
        if len(key) != 32 or len(sig) != 64:
            raise ValueError("wrong key or signature size")
        # Only the canonical encoding: base64's unused padding bits would otherwise let a
        # flipped bit in the last character pass unnoticed.
        if base64.b64encode(key).decode() != fields["key"] or (
            base64.b64encode(sig).decode() != fields["sig"]
        ):
            raise ValueError("not the canonical base64 encoding")
    except (ValueError, KeyError, TypeError) as exc:
        raise bad(f"the signature cannot be read: {exc}") from exc
    signed = archive[: start + 20] + b"\x00\x00"
    try:
        VerifyKey(key).verify(signed, sig)
    except BadSignatureError as exc:
        raise bad("the signature does not match the content") from exc
    return signed, key


def open_envelope(data: bytes, identities: Sequence[Any], name: str) -> Opened:
    sealed = is_sealed(data)
    archive = unseal(data, identities, name) if sealed else data
    found = split_signature(archive, name) if archive.startswith(b"PK") else None
    if found is None:
        return Opened(archive, sealed, None)
    signed, key = found
    return Opened(signed, sealed, key)
