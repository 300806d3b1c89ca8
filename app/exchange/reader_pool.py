"""Files of a large import read ahead by child processes while the importing thread writes.

`ReaderPool.readings(files)` yields each file with a callable that returns its `ExchangeFile` or
raises what reading raises, in the files' order, exactly as reading in line would. Children
(`app/exchange/reader_process.py`) start in the background; until one has said it is ready, the
next file is read in this process, so a batch never waits for a child to start and a small batch
never needs one. A child that dies, or answers nonsense, is dropped and its files are read here:
the pool can make an import faster, never make it fail.
"""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from app.core.instrument import Instrument
from app.exchange import errors
from app.exchange.reader import ExchangeFile, read_exchange_file
from app.exchange.reader_process import FLAG, read_frame, write_frame

log = logging.getLogger(__name__)

# Files each child holds at once: enough to keep it busy while the writer commits a group.
DEPTH = 4
# How long `readings(here_until_ready=False)` waits for a child to start.
READY_TIMEOUT = 30.0
# A child that has not answered a file by then is ended and the file is read here.
ANSWER_TIMEOUT = 120.0


def reader_count() -> int:
    """Children for this machine: one per core the process may use but one (the writer's), at
    most four; none on one core. A file takes a reader ~2 ms and the writer ~1.4 ms, so on two
    cores one reader beat two (476 vs 425-438 sealed files/s, docs/performance.md)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, 4))


def reader_command() -> list[str]:
    """How to start a reader: the frozen app runs itself, a source tree runs `python -m app`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FLAG]
    return [sys.executable, "-m", "app", FLAG]


class ReaderGone(Exception):
    """The child stopped answering (died, or answered out of turn)."""


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    replies: queue.Queue[Any] = field(default_factory=queue.Queue)
    ready: bool = False
    gone: bool = False
    pending: int = 0

    def ask(self, index: int, path: Path) -> None:
        assert self.process.stdin is not None
        write_frame(self.process.stdin, ("read", index, str(path)))
        self.pending += 1


def _listen(stream: IO[bytes], replies: queue.Queue[Any]) -> None:
    """Moves a child's answers into its queue (a thread per child: pipes cannot be polled the
    same way everywhere); None marks the end."""
    try:
        while (message := read_frame(stream)) is not None:
            replies.put(message)
    except Exception as exc:  # a damaged frame: the child is dropped
        log.warning("a reader process answered badly: %s", exc)
    replies.put(None)


class ReaderPool:
    """Reader children for one import; close() (or `with`) ends them."""

    def __init__(self, identities: Sequence[Any], count: int | None = None) -> None:
        self._identities = identities
        self._secrets = [str(identity) for identity in identities]
        self._instruments: dict[str, Instrument] = {}
        self._children: list[_Child] = []
        self.answered = 0  # files a child read (the rest were read here)
        for _ in range(reader_count() if count is None else count):
            child = self._start()
            if child is not None:
                self._children.append(child)

    def _start(self) -> _Child | None:
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):  # this source tree's app, not another install's
            root = str(Path(__file__).resolve().parents[2])
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        try:
            process = subprocess.Popen(
                reader_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
            assert process.stdin is not None and process.stdout is not None
            write_frame(process.stdin, ("hello", self._secrets))
        except OSError as exc:
            log.info("no reader process (%s): files are read in line", exc)
            return None
        child = _Child(process)
        threading.Thread(target=_listen, args=(process.stdout, child.replies), daemon=True).start()
        return child

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Ends every child at once: files it was reading ahead are dropped, never imported."""
        for child in self._children:
            _end(child)
        self._children = []

    def readings(
        self, files: Sequence[Path], *, here_until_ready: bool = True
    ) -> Iterator[tuple[Path, Callable[[], ExchangeFile]]]:
        """Each file with its reading, in order. `here_until_ready`: read in this process while
        no child is ready (False waits for the children first: tests and benchmarks)."""
        if not here_until_ready:
            self._wait_ready()
        asked: deque[tuple[int, _Child]] = deque()  # files given to children, in order
        following = self._hand_out(files, 0, asked)  # the first file not given to anyone yet
        for index, path in enumerate(files):
            if index == following:  # no child has it: read here
                following += 1
                yield path, partial(self._read_here, path)
            else:
                _, child = asked.popleft()
                yield path, partial(self._answer, child, index, path)
            following = self._hand_out(files, following, asked)

    def _hand_out(
        self, files: Sequence[Path], following: int, asked: deque[tuple[int, _Child]]
    ) -> int:
        """Gives the next files, in order, to the ready children with room."""
        for child in self._children:
            if child.gone:
                continue
            if not child.ready:
                child.ready = self._check_ready(child)
                if not child.ready:
                    continue
            while child.pending < DEPTH and following < len(files):
                try:
                    child.ask(following, files[following])
                except OSError:
                    child.gone = True
                    break
                asked.append((following, child))
                following += 1
        return following

    def _wait_ready(self) -> None:
        for child in self._children:
            if not child.gone and not child.ready:
                child.ready = self._check_ready(child, READY_TIMEOUT)

    def _check_ready(self, child: _Child, timeout: float | None = None) -> bool:
        try:
            message = child.replies.get(timeout=timeout) if timeout else child.replies.get_nowait()
        except queue.Empty:
            return False
        if message != ("ready",):
            _end(child)
            return False
        return True

    def _read_here(self, path: Path) -> ExchangeFile:
        return read_exchange_file(path, identities=self._identities)

    def _answer(self, child: _Child, index: int, path: Path) -> ExchangeFile:
        """The child's reading of `path`, or this process's own when the child has gone."""
        if child.gone:
            return self._read_here(path)
        try:
            message = child.replies.get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:  # stuck: this process reads the file (and meets what it met)
            message = None
        child.pending -= 1
        if not isinstance(message, tuple) or len(message) < 2 or message[1] != index:
            _end(child)
            return self._read_here(path)
        self.answered += 1
        return self._result(message)

    def _result(self, message: tuple[Any, ...]) -> ExchangeFile:
        kind = message[0]
        if kind == "ok":
            _, _, values, instrument, digest = message
            if instrument is not None:
                self._instruments[digest] = instrument
            return ExchangeFile(**values, instrument=self._instruments[digest], members={})
        if kind == "refused":
            _, _, name, text, problems = message
            kind_of = getattr(errors, name, None)
            if not (isinstance(kind_of, type) and issubclass(kind_of, errors.ExchangeFileError)):
                kind_of = errors.ExchangeFileError
            raise kind_of(text, list(problems))
        _, _, name, text, trace = message
        log.error("a reader process met an unexpected %s:\n%s", name, trace)
        raise UnforeseenInReader(name, text)


class UnforeseenInReader(ValueError):
    """What slipped past the typed checks in a reader process: the importer refuses the file,
    naming the original exception's type (`kind`) as it would for one raised here."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(f"{kind}: {text}")
        self.kind = kind


def _end(child: _Child) -> None:
    child.gone = True
    process = child.process
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:
        pass
    if process.poll() is None:
        process.kill()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover - a kill that did not take
        log.warning("reader process %s did not end", process.pid)
