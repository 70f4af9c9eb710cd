"""frontyard's Lambda@Edge worker for Python handlers: one long-lived process per function, like a warm Lambda
execution environment (module state persists between invocations).

Protocol: one JSON object per line. stdin: {"id", "event", "context"}; stdout: first {"ready": true} or
{"ready": false, "error"}, then per invocation {"id", "ok", "result" | "error", "logs"}. What the handler prints
(stdout, stderr, logging) is captured into "logs", never mixed into the protocol. Standalone: it imports nothing
from frontyard, so any local python3 can run it.
"""

import importlib
import io
import json
import os
import sys
import time
import traceback


def _limit_memory(megabytes):
    # The address space the interpreter has now, plus the function's memory size: an approximation of
    # Lambda's ceiling (a handler that allocates past it gets MemoryError).
    try:
        import resource

        with open("/proc/self/status") as f:
            vm = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        limit = vm + megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError, StopIteration):
        pass


class Context:
    def __init__(self, c):
        self.function_name = c["functionName"]
        self.function_version = c["functionVersion"]
        self.invoked_function_arn = c["invokedFunctionArn"]
        self.memory_limit_in_mb = int(c["memoryLimitInMB"])
        self.aws_request_id = c["awsRequestId"]
        self.log_group_name = c["logGroupName"]
        self.log_stream_name = c["logStreamName"]
        self._deadline = time.monotonic() + c["timeoutMs"] / 1000

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def _describe(exc, code_dir):
    # The function's own traceback, as Lambda reports it: the frames before the first one in the function's
    # code are this worker's and importlib's, which say nothing about the function.
    tb = exc.__traceback__
    while tb is not None and not _in(tb.tb_frame.f_code.co_filename, code_dir):
        tb = tb.tb_next
    return {"errorType": type(exc).__name__, "errorMessage": str(exc),
            "stack": "".join(traceback.format_exception(type(exc), exc, tb))}


def _in(filename, code_dir):
    # "<frozen importlib._bootstrap>" is not a path: relative to the working directory (the code) it would look like one
    return os.path.isabs(filename) and os.path.realpath(filename).startswith(code_dir + os.sep)


def main():
    code_dir, handler, memory = os.path.realpath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    protocol = io.TextIOWrapper(os.fdopen(os.dup(1), "wb"), encoding="utf-8", newline="\n")
    captured = io.StringIO()
    sys.stdout = sys.stderr = captured

    def send(message):
        protocol.write(json.dumps(message) + "\n")
        protocol.flush()

    def take_logs():
        text = captured.getvalue()
        captured.seek(0)
        captured.truncate()
        return text

    sys.path.insert(0, code_dir)
    module_name, _, function_name = handler.rpartition(".")
    try:
        fn = getattr(importlib.import_module(module_name), function_name, None)
        if not callable(fn):
            raise AttributeError(f"Handler '{function_name}' missing on module '{module_name}'")
    except Exception as exc:  # the handler's own import error, reported like Lambda's Runtime.ImportModuleError
        send({"ready": False, "error": _describe(exc, code_dir), "logs": take_logs()})
        return 1
    _limit_memory(memory)
    send({"ready": True})
    for line in sys.stdin:
        message = json.loads(line)
        try:
            reply = {"id": message["id"], "ok": True, "result": fn(message["event"], Context(message["context"]))}
        except Exception as exc:  # the handler's exception is its invocation's result, as in Lambda
            reply = {"id": message["id"], "ok": False, "error": _describe(exc, code_dir)}
        reply["logs"] = take_logs()
        try:
            text = json.dumps(reply)
        except (TypeError, ValueError) as exc:  # a result JSON cannot express
            error = _describe(exc, code_dir)
            text = json.dumps({"id": message["id"], "ok": False, "error": error, "logs": reply["logs"]})
        protocol.write(text + "\n")
        protocol.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
