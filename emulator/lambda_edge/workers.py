"""Supervision of the warm worker processes: one long-lived process per function, speaking line-delimited JSON.

Like Lambda's execution environment, a worker handles one invocation at a time and keeps its module state
between them; requests for a busy function wait their turn (at most MAX_WAITING of them, then throttled, as
Lambda throttles past its concurrency). A worker that crashes is started again on the next invocation; one
that overruns its timeout is killed (and so restarted), as Lambda does. Everything here is asyncio
subprocess I/O: a hung or crashed handler never blocks the event loop or another function.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from emulator.config.model import LambdaFunctionConfig

HERE = Path(__file__).parent
MAX_WAITING = 64  # invocations queued for one busy function before Lambda-style throttling
START_TIMEOUT = 10.0  # Lambda's init phase limit (seconds)
LINE_LIMIT = 32 * 1024 * 1024  # a reply holds a generated body of up to 1 MB, base64 and JSON-escaped
STDERR_TAIL = 64  # lines of the worker's own stderr kept to explain a crash


class Status(StrEnum):
    OK = "ok"  # the handler returned (result is its value)
    ERROR = "error"  # the handler threw or rejected, or could not be loaded
    TIMEOUT = "timeout"  # killed after the function's timeout
    CRASHED = "crashed"  # the process died during the invocation (out of memory, process.exit, ...)
    THROTTLED = "throttled"  # too many invocations waiting for this function


@dataclass(frozen=True)
class Invocation:
    status: Status
    result: Any = None
    error: str = ""  # "ErrorType: message" for the trace
    logs: str = ""  # what the handler printed
    duration_ms: float = 0.0


def environment(fn: LambdaFunctionConfig) -> dict[str, str]:
    """The process's environment plus Lambda's reserved variables (Lambda@Edge supports no others)."""
    return {**os.environ, "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_LAMBDA_FUNCTION_NAME": f"us-east-1.{fn.name}", "AWS_LAMBDA_FUNCTION_VERSION": "1",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(fn.memory_size), "AWS_EXECUTION_ENV": f"AWS_Lambda_{fn.runtime}",
            "LAMBDA_TASK_ROOT": str(fn.code_dir), "TZ": ":UTC"}


def command(fn: LambdaFunctionConfig) -> list[str]:
    if fn.language == "nodejs":
        # V8's heap ceiling stands for the function's memory size.
        return [fn.interpreter, f"--max-old-space-size={fn.memory_size}", str(HERE / "node_worker.js"),
                str(fn.code_dir), fn.handler]
    return [fn.interpreter, "-u", str(HERE / "python_worker.py"), str(fn.code_dir), fn.handler, str(fn.memory_size)]


@dataclass
class _Process:
    proc: asyncio.subprocess.Process
    stderr: deque[str] = field(default_factory=lambda: deque(maxlen=STDERR_TAIL))
    reader: asyncio.Task[None] | None = None


class Worker:
    """One function's worker process, started lazily (or by `start`) and restarted after a crash or timeout."""

    def __init__(self, fn: LambdaFunctionConfig) -> None:
        self.fn = fn
        self._process: _Process | None = None
        self._lock = asyncio.Lock()
        self._waiting = 0
        self.max_waiting = MAX_WAITING
        self._next_id = 0
        self.starts = 0  # how many processes were started (tests and the trace read it)
        self.load_error: str | None = None

    @property
    def waiting(self) -> int:
        """Invocations waiting for the one in progress."""
        return self._waiting

    async def start(self) -> str | None:
        """Start the process if it is not running; returns the load error, if the handler cannot be loaded."""
        if self._process is not None and self._process.proc.returncode is None:
            return None
        await self._stop()
        proc = await asyncio.create_subprocess_exec(
            *command(self.fn), cwd=str(self.fn.code_dir), env=environment(self.fn), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, limit=LINE_LIMIT)
        self.starts += 1
        process = _Process(proc)
        process.reader = asyncio.create_task(self._drain_stderr(process))  # owned; cancelled in _stop
        self._process = process
        try:
            assert proc.stdout is not None
            line = await asyncio.wait_for(proc.stdout.readline(), START_TIMEOUT)
        except TimeoutError:
            await self._stop()
            return f"the {self.fn.runtime} worker did not start within {START_TIMEOUT:g} s"
        hello = _parse(line)
        if hello is None or not hello.get("ready"):
            await proc.wait()
            await self._finish_reader(process)
            err = hello.get("error") if hello else None
            self.load_error = _error_text(err) if err else _crash_text(process, "the worker exited while starting")
            await self._stop()
            return self.load_error
        self.load_error = None
        return None

    async def invoke(self, event: dict[str, Any], context: dict[str, Any], timeout: float) -> Invocation:
        if self._waiting >= self.max_waiting:
            return Invocation(Status.THROTTLED, error=f"{self._waiting} invocations already waiting for "
                              f"'{self.fn.name}'")
        self._waiting += 1
        try:
            await self._lock.acquire()
        finally:
            self._waiting -= 1
        try:
            return await self._invoke(event, context, timeout)
        finally:
            self._lock.release()

    async def _invoke(self, event: dict[str, Any], context: dict[str, Any], timeout: float) -> Invocation:
        started = time.perf_counter()

        def took() -> float:
            return (time.perf_counter() - started) * 1000

        problem = await self.start()
        if problem is not None:
            return Invocation(Status.ERROR, error=problem, duration_ms=took())
        process = self._process
        assert process is not None and process.proc.stdin is not None and process.proc.stdout is not None
        self._next_id += 1
        message = {"id": self._next_id, "event": event, "context": {**context, "timeoutMs": int(timeout * 1000)}}
        try:
            process.proc.stdin.write(json.dumps(message).encode() + b"\n")
            await process.proc.stdin.drain()
            line = await asyncio.wait_for(self._reply(process, self._next_id), timeout)
        except TimeoutError:
            await self._stop()  # Lambda ends the execution environment of a function that timed out
            return Invocation(Status.TIMEOUT, error=f"Task timed out after {timeout:.2f} seconds",
                              duration_ms=took())
        except (ConnectionError, ValueError) as exc:  # a broken pipe, or a line past LINE_LIMIT
            await self._stop()
            return Invocation(Status.CRASHED, error=f"worker failed: {exc}", duration_ms=took())
        reply = _parse(line)
        if reply is None:  # EOF: the process died mid-invocation
            await process.proc.wait()
            await self._finish_reader(process)
            text = _crash_text(process, f"Runtime exited with code {process.proc.returncode}")
            await self._stop()
            return Invocation(Status.CRASHED, error=text, duration_ms=took())
        logs = str(reply.get("logs") or "")
        if not reply.get("ok"):
            return Invocation(Status.ERROR, error=_error_text(reply.get("error")), logs=logs, duration_ms=took())
        return Invocation(Status.OK, reply.get("result"), logs=logs, duration_ms=took())

    async def _reply(self, process: _Process, wanted: int) -> bytes:
        """The reply line for invocation `wanted`; a late reply to an abandoned (cancelled) one is skipped."""
        assert process.proc.stdout is not None
        while True:
            line = await process.proc.stdout.readline()
            reply = _parse(line)
            if reply is None or reply.get("id") == wanted:
                return line

    async def _drain_stderr(self, process: _Process) -> None:
        assert process.proc.stderr is not None
        while line := await process.proc.stderr.readline():
            process.stderr.append(line.decode("utf-8", "replace").rstrip())

    async def _finish_reader(self, process: _Process) -> None:
        if process.reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(process.reader, 1.0)

    async def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.proc.kill()
        await process.proc.wait()
        if process.reader is not None:
            process.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await process.reader

    async def close(self) -> None:
        await self._stop()


def _parse(line: bytes) -> dict[str, Any] | None:
    if not line:
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _error_text(error: object) -> str:
    if not isinstance(error, dict):
        return str(error)
    stack = str(error.get("stack") or "").strip()
    head = f"{error.get('errorType', 'Error')}: {error.get('errorMessage', '')}"
    return head if not stack else f"{head}\n{stack}"


def _crash_text(process: _Process, what: str) -> str:
    tail = "\n".join(process.stderr).strip()
    return f"{what}: {tail}" if tail else what

