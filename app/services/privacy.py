"""Private until the meeting: each person's answers stay closed until the facilitator opens them.

"Each person rates alone" must hold beyond the rating screen: while others are still rating,
another person's answers, *This person's scores*, the team view, the meeting and the reports are
one click away and invite anchoring. A round with `private_until_opened` keeps all of those closed
until the facilitator opens the results (`open_results`): allowed once every counted team member
has finished, or deliberately earlier (`early=True`, which the GUI confirms). Opening is logged.

The rules (docs/team-memory.md):

- A person's own rating screen and paper entry stay open: they are that person's own answers.
  A person may set a PIN; then opening their answers asks for it while the results are closed.
  A facilitator can reset a PIN (logged), never read it: only a salted scrypt hash is stored.
- The command line follows the same rule: `smsoat score` and the reports refuse while results are
  closed, `smsoat history` masks individual answers, `smsoat open-results` opens them.
- New rounds are private by default; rounds from before this rule migrate as not private.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
from typing import Final

from app.core.errors import ValidationError
from app.core.models import Respondent, utc_now
from app.db import changelog, rounds
from app.db.connection import transaction
from app.services.progress import team_progress

HIDDEN_NOTE: Final = (
    "Individual answers are hidden (•••): this round is private until the facilitator opens the "
    "results ('smsoat open-results ROUND_ID --as NAME')."
)
_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~20 ms, enough for a 4-8 digit PIN on a shared PC
MIN_PIN, MAX_PIN = 4, 12


class ResultsClosed(ValidationError):
    """The round is private and its results are not open yet."""


def _row(conn: sqlite3.Connection, round_id: int) -> sqlite3.Row:
    rounds.get(conn, round_id)  # a clear NotFoundError first
    row: sqlite3.Row = conn.execute(
        "SELECT uuid, private_until_opened, results_opened_at FROM rounds WHERE id = ?",
        (round_id,),
    ).fetchone()
    return row


def is_private(conn: sqlite3.Connection, round_id: int) -> bool:
    """The round's option, whether or not its results are open yet."""
    return bool(_row(conn, round_id)["private_until_opened"])


def results_closed(conn: sqlite3.Connection, round_id: int) -> bool:
    """True while individual answers and team results must not be shown to anyone."""
    row = _row(conn, round_id)
    return bool(row["private_until_opened"]) and row["results_opened_at"] is None


def may_see_answers(conn: sqlite3.Connection, round_id: int) -> bool:
    """True when another person's answers may be shown (results open, or not private)."""
    return not results_closed(conn, round_id)


def require_open(conn: sqlite3.Connection, round_id: int, what: str = "The results") -> None:
    """Refuse (one clear line) while the results are closed."""
    if results_closed(conn, round_id):
        raise ResultsClosed(
            f"{what} of round {round_id} stay private until the facilitator opens the results"
            f" (in the app: Open results; here: smsoat open-results {round_id} --as NAME).",
            code="results_closed",
        )


def everyone_finished(conn: sqlite3.Connection, round_id: int) -> bool:
    """True when everyone on the round's team list has finished (and there is a team)."""
    team = team_progress(conn, round_id)
    return bool(team) and all(p.finished for p in team)


def set_private(conn: sqlite3.Connection, round_id: int, private: bool, *, actor: str) -> None:
    """Make a round private (a round from before this rule) or not. Results once opened stay
    open: the team has seen them, so closing them again would only pretend."""
    row = _row(conn, round_id)
    if private and row["results_opened_at"] is not None:
        raise ValidationError(
            "The results of this round were already opened; it cannot be made private again.",
            code="results_already_open",
        )
    rounds.change_round(
        conn,
        round_id,
        {"private_until_opened": 1 if private else 0},
        actor=actor,
        action="privacy",
        detail={"note": "private until opened" if private else "not private"},
    )


def open_results(
    conn: sqlite3.Connection, round_id: int, *, actor: str, early: bool = False
) -> None:
    """Open the results; before everyone counted has finished only with `early=True`."""
    row = _row(conn, round_id)
    if row["results_opened_at"] is not None:
        return
    finished = everyone_finished(conn, round_id)
    if not finished and not early:
        raise ValidationError(
            "Not everyone counted has finished rating; open the results early only on purpose"
            " (the app asks to confirm; the command line needs --early).",
            code="results_not_finished",
        )
    if not actor.strip():
        raise ValidationError("Say who opens the results (the facilitator's name).")
    rounds.change_round(
        conn,
        round_id,
        {"results_opened_at": utc_now()},
        actor=actor.strip(),
        action="open_results",
        detail={"note": "everyone finished" if finished else "opened early"},
    )


# ----- PINs -------------------------------------------------------------------------------------


def _hash(pin: str, salt: bytes) -> bytes:
    """scrypt through libsodium (PyNaCl, which the exchange's signatures need anyway): the
    installed app carries no OpenSSL, and hashlib has scrypt only with OpenSSL. The same function
    (Salsa20/8, SHA-256) with the same costs: byte for byte the hashes stored before."""
    from nacl.bindings import crypto_pwhash_scryptsalsa208sha256_ll as scrypt

    return bytes(scrypt(pin.encode("utf-8"), salt, _N, _R, _P, dklen=32))


def _check_pin_shape(pin: str) -> None:
    if not (pin.isdigit() and MIN_PIN <= len(pin) <= MAX_PIN):
        raise ValidationError(
            f"A PIN is {MIN_PIN} to {MAX_PIN} digits; choose another.", code="pin_shape"
        )


def _respondent_row(conn: sqlite3.Connection, respondent_id: int) -> sqlite3.Row:
    person = rounds.get_respondent(conn, respondent_id)
    row: sqlite3.Row = conn.execute(
        "SELECT p.uuid, p.pin_hash, r.uuid AS round_uuid FROM respondents p"
        " JOIN rounds r ON r.id = p.round_id WHERE p.id = ?",
        (person.id,),
    ).fetchone()
    return row


def respondent(conn: sqlite3.Connection, respondent_id: int) -> Respondent:
    """The team member (for the window, which reads storage through services)."""
    return rounds.get_respondent(conn, respondent_id)


def has_pin(conn: sqlite3.Connection, respondent_id: int) -> bool:
    """True when this person set a PIN for their own answers."""
    return _respondent_row(conn, respondent_id)["pin_hash"] is not None


def _store_pin(
    conn: sqlite3.Connection, respondent_id: int, value: str | None, action: str, actor: str
) -> None:
    row = _respondent_row(conn, respondent_id)
    with transaction(conn):
        conn.execute(
            "UPDATE respondents SET pin_hash = ?, updated_at = ? WHERE id = ?",
            (value, utc_now(), respondent_id),
        )
        changelog.append(
            conn,
            actor=actor,
            action=action,
            entity="respondent",
            entity_uuid=row["uuid"],
            round_uuid=row["round_uuid"],
        )


def set_pin(conn: sqlite3.Connection, respondent_id: int, pin: str, *, actor: str) -> None:
    """The person's own PIN; the log says a PIN was set, never which."""
    _check_pin_shape(pin)
    salt = secrets.token_bytes(16)
    stored = f"scrypt${salt.hex()}${_hash(pin, salt).hex()}"
    _store_pin(conn, respondent_id, stored, "set_pin", actor)


def reset_pin(conn: sqlite3.Connection, respondent_id: int, *, actor: str) -> None:
    """The facilitator's reset: the PIN is removed (the person may set a new one), logged."""
    _store_pin(conn, respondent_id, None, "reset_pin", actor)


def check_pin(conn: sqlite3.Connection, respondent_id: int, pin: str) -> bool:
    """True without a PIN set, or when `pin` matches (compared in constant time)."""
    stored = _respondent_row(conn, respondent_id)["pin_hash"]
    if stored is None:
        return True
    _, salt_hex, hash_hex = str(stored).split("$")
    return hmac.compare_digest(_hash(pin, bytes.fromhex(salt_hex)), bytes.fromhex(hash_hex))
