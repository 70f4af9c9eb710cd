"""Lambda@Edge runtimes and the local interpreters that stand in for them.

Lambda@Edge supports the Node.js and Python runtimes Lambda supports (DG/lambda-at-edge-function-restrictions,
"Supported runtimes"). A handler runs on this machine's own interpreter of its language: a version that differs
from the configured runtime is a warning (the code usually behaves the same), a missing interpreter an error.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

NODE_RUNTIMES = ("nodejs18.x", "nodejs20.x", "nodejs22.x")
PYTHON_RUNTIMES = ("python3.9", "python3.10", "python3.11", "python3.12", "python3.13")
RUNTIMES = (*NODE_RUNTIMES, *PYTHON_RUNTIMES)
# Runtimes Lambda has deprecated: named so the error says why rather than "unknown".
DEPRECATED = ("nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "python3.7", "python3.8")


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


ARN = re.compile(r"^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:(?P<name>[\w-]{1,64})(?::(?P<qualifier>[^:]+))?$")
QUALIFIED = re.compile(r"^(?P<name>[\w-]{1,64})(?::(?P<qualifier>[^:]+))?$")


def function_reference(text: str) -> tuple[str | None, str | None]:
    """(name, problem) for a function reference: a local name, 'name:N', or a Lambda function ARN. CloudFront
    needs a numbered version in an ARN ($LATEST and aliases are refused); any number is accepted here."""
    match = ARN.match(text)
    if match is None:
        match = QUALIFIED.match(text)
        if match is None:
            return None, f"'{text}' is not a function name or a Lambda function ARN"
        if match["qualifier"] is not None and not match["qualifier"].isdigit():
            return None, f"'{text}': CloudFront needs a numbered version, not '{match['qualifier']}'"
        return match["name"], None
    qualifier = match["qualifier"]
    if qualifier is None or not qualifier.isdigit():
        what = "an unqualified ARN" if qualifier is None else f"'{qualifier}'"
        return None, f"CloudFront needs a numbered function version (like :1), not {what}"
    return match["name"], None
