"""Lambda@Edge runtimes and the local interpreters that stand in for them.

Lambda@Edge supports the Node.js and Python runtimes Lambda supports (DG/lambda-at-edge-function-restrictions,
"Supported runtimes"). A handler runs on this machine's own interpreter of its language: a version that differs
from the configured runtime is a warning (the code usually behaves the same), a missing interpreter an error.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from dataclasses import dataclass

from emulator.config.rules import NODE_RUNTIMES


@dataclass(frozen=True)
class Interpreter:
    executable: str | None  # None: not installed
    version: str  # the local version, "" when not installed
    warning: str | None = None  # the local version differs from the runtime's
    install_hint: str = ""


@functools.cache
def _version(*argv: str) -> str:
    """What a command prints, "" when it cannot run (a pyenv shim of a version that is not active fails)."""
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip().lstrip("v") if out.returncode == 0 else ""


@functools.cache
def find_interpreter(runtime: str) -> Interpreter:
    """The local executable for a runtime; cached (config loads and reloads ask again)."""
    if runtime in NODE_RUNTIMES:
        wanted = runtime.removeprefix("nodejs").removesuffix(".x")
        node = shutil.which("node")
        version = _version(node, "--version") if node else ""
        if not node or not version:
            return Interpreter(None, "", install_hint=f"install Node.js {wanted} (Debian: apt-get install nodejs; "
                               "or from nodejs.org) so that `node` is on PATH")
        warning = None if version.split(".")[0] == wanted else \
            f"runs on the local Node.js {version}, not {wanted}.x as in Lambda"
        return Interpreter(node, version, warning)
    wanted = runtime.removeprefix("python")
    exact = shutil.which(f"python{wanted}")
    if exact and _version(exact, "-c", "import sys; print('%d.%d' % sys.version_info[:2])") == wanted:
        return Interpreter(exact, wanted)
    # The emulator's own interpreter (3.11 or newer) runs handlers written for any supported 3.x.
    local = f"{sys.version_info.major}.{sys.version_info.minor}"
    warning = None if local == wanted else f"runs on the local Python {local} ({sys.executable}), not {wanted} " \
        "as in Lambda"
    return Interpreter(sys.executable, local, warning)
