"""The reading side of a large import, in a child process (`smsoat --exchange-reader`).

Reading a file (decrypting, checking the signature, unzipping, parsing and validating) is about
two thirds of an import's CPU and needs no database; SQLite's writing is the rest. Threads cannot
share that work (the Python parts hold the interpreter lock: measured slower, docs/performance.md),
so a batch runs readers in processes of their own (`app/exchange/reader_pool.py`) while the
importing thread writes.

The protocol, over the child's standard input and output, one frame each way per message: a
4-byte little-endian length, then a pickle. Only the parent writes to a reader and only the
reader answers, so both sides are our own code; the files read are never unpickled, only the
checked result of reading them.

- parent → child: `("hello", [identity, …])` first (the coordinator keys as AGE-SECRET-KEY lines,
  never on the command line), then `("read", index, path)` per file; end of input ends the child.
- child → parent: `("ready",)` once its modules are loaded, then per file, in the order asked,
  `("ok", index, fields, instrument_or_None, instrument_hash)`,
  `("refused", index, error_class_name, message, problems)` or
  `("unforeseen", index, exception_type_name, message, traceback_text)`.

The instrument travels once per child and content hash (the parent keeps it by hash); the raw
members do not travel at all (the importer never reads them after checking).
"""

from __future__ import annotations

import pickle
import struct
import sys
import traceback
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

FRAME = struct.Struct("<I")
# One message is a round document (a few hundred KB at the exchange format's limits) or an
# instrument; nothing legitimate comes near this.
MAX_FRAME = 64 * 1024 * 1024
FLAG = "--exchange-reader"
NOT_SENT = ("members", "instrument")


def write_frame(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(FRAME.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream (or a stream cut mid-frame)."""
    head = stream.read(FRAME.size)
    if len(head) < FRAME.size:
        return None
    (size,) = FRAME.unpack(head)
    if size > MAX_FRAME:
        raise ValueError(f"a reader message of {size:,} bytes")
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """The child's main loop: answer each `read` until the parent closes the input."""
    inp = stdin if stdin is not None else sys.stdin.buffer
    out = stdout if stdout is not None else sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by accident may corrupt the frames
    import pyrage

    from app.exchange.errors import ExchangeFileError
    from app.exchange.reader import read_exchange_file

    hello = read_frame(inp)
    if not isinstance(hello, tuple) or hello[0] != "hello":
        return 2
    identities = [pyrage.x25519.Identity.from_str(line) for line in hello[1]]
    write_frame(out, ("ready",))
    sent: set[str] = set()
    while (message := read_frame(inp)) is not None:
        _, index, path = message
        try:
            exchange = read_exchange_file(Path(path), identities=identities)
        except ExchangeFileError as exc:
            reply: tuple[Any, ...] = ("refused", index, type(exc).__name__, str(exc), exc.problems)
        except Exception as exc:  # the importer refuses the file and logs this traceback
            text = "".join(traceback.format_exception(exc))
            reply = ("unforeseen", index, type(exc).__name__, str(exc), text)
        else:
            digest = exchange.instrument.content_hash
            instrument = None if digest in sent else exchange.instrument
            sent.add(digest)
            values = {f.name: getattr(exchange, f.name) for f in fields(exchange)}
            for name in NOT_SENT:
                del values[name]
            reply = ("ok", index, values, instrument, digest)
        write_frame(out, reply)
    return 0
