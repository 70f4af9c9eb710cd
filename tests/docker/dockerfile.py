"""Just enough of Dockerfile and .dockerignore syntax to check ours without a Docker engine."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from fnmatch import fnmatchcase

from tests.docker.stack import DOCKERFILE, DOCKERIGNORE


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, ENV, ...
    rest: str  # the arguments, continuation lines joined
    line: int

    @property
    def json(self) -> list[str]:
        """The exec form (a JSON array), as CMD and ENTRYPOINT should use."""
        value = json.loads(self.rest)
        assert isinstance(value, list), f"line {self.line}: {self.keyword} is not in exec form"
        return value

    @property
    def args(self) -> list[str]:
        return shlex.split(self.rest)


def instructions(text: str | None = None) -> list[Instruction]:
    text = DOCKERFILE.read_text() if text is None else text
    found: list[Instruction] = []
    pending, start = "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):  # comments (and parser directives); also inside continuations
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, rest = (pending + line).partition(" ")
        found.append(Instruction(keyword.upper(), " ".join(rest.split()) if not rest.lstrip().startswith("[")
                                 else rest.strip(), start))
        pending = ""
    return found


def stages(text: str | None = None) -> list[list[Instruction]]:
    """Instructions grouped by build stage, each starting with its FROM; global ARGs are left out."""
    result: list[list[Instruction]] = []
    for i in instructions(text):
        if i.keyword == "FROM":
            result.append([])
        if result:
            result[-1].append(i)
    return result


def final_stage(text: str | None = None) -> list[Instruction]:
    return stages(text)[-1]


def image_env(text: str | None = None) -> dict[str, str]:
    """The final stage's ENV, as the running container sees it."""
    env: dict[str, str] = {}
    for i in final_stage(text):
        if i.keyword == "ENV":
            for pair in i.args:
                name, _, value = pair.partition("=")
                env[name] = value
    return env


def global_args(text: str | None = None) -> dict[str, str]:
    args = {}
    for i in instructions(text):
        if i.keyword == "FROM":
            break
        if i.keyword == "ARG":
            name, _, default = i.rest.partition("=")
            args[name] = default
    return args


def base_image(stage: list[Instruction], args: dict[str, str]) -> str:
    image = stage[0].args[0]
    for name, value in args.items():
        image = image.replace("${" + name + "}", value).replace("$" + name, value)
    return image


def ignore_patterns() -> list[str]:
    return [line.strip() for line in DOCKERIGNORE.read_text().splitlines()
            if line.strip() and not line.strip().startswith("#")]


def _match(pattern: list[str], path: list[str]) -> bool:
    if not pattern:
        return not path
    if pattern[0] == "**":
        return any(_match(pattern[1:], path[i:]) for i in range(len(path) + 1))
    return bool(path) and fnmatchcase(path[0], pattern[0]) and _match(pattern[1:], path[1:])


def ignored(path: str, patterns: list[str] | None = None) -> bool:
    """Whether the build context leaves `path` out: the last pattern matching it or a parent folder wins."""
    parts = path.strip("/").split("/")
    result = False
    for pattern in ignore_patterns() if patterns is None else patterns:
        negate = pattern.startswith("!")
        pat = pattern.lstrip("!").strip("/").split("/")
        if any(_match(pat, parts[:n]) for n in range(1, len(parts) + 1)):
            result = not negate
    return result
