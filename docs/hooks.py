"""MkDocs hooks: the configuration reference and the CLI reference are generated at build time from the code.

`configuration-reference.md` comes from the loader's key tables, `cli.md` from the argparse parser `frontyard`
runs. Neither is a committed file. The frontyard modules used are imported here, in one place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # build the documentation of this checkout, installed or not
    sys.path.insert(0, str(ROOT))

# -- the frontyard modules the generated pages come from (change these when modules move) -------------------------
from emulator.cli.main import build_parser  # noqa: E402
from emulator.config import keys as config_keys  # noqa: E402
from emulator.origins.mocks import MOCK_TYPES  # noqa: E402

GENERATED = {
    "configuration-reference.md": lambda: config_reference_markdown(),
    "cli.md": lambda: cli_reference_markdown(),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _anchor(path: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in path.lower()).strip("-")


def config_reference_markdown() -> str:
    """Every configuration key, section by section, from the tables the loader checks keys against."""
    out = [
        "---",
        "hide:",
        "  - navigation",  # the tables need the width; the page's own contents stay on the right
        "---",
        "",
        "# Configuration reference",
        "",
        "Every key frontyard's YAML accepts, generated from the tables the configuration loader checks keys "
        "against: a key missing here is refused by `frontyard validate`. The CloudFront, CloudFormation and "
        "Terraform columns name the same field in CloudFront's API (`DistributionConfig` and the policy "
        "configs), in the `AWS::CloudFront::*` resources and in the AWS Terraform provider. Keys marked "
        "*not emulated* are read and ignored with a warning that says why.",
        "",
        "For how the sections fit together, see [Configuration](configuration.md).",
        "",
    ]
    for table in config_keys.CONFIG:
        out += _table_markdown(table)
    out += ["## Mock origin types", "",
            "The options of each `mock.type`, besides `type` and `tls`. The fault options are accepted by "
            "every type.", ""]
    for name, mock in MOCK_TYPES.items():
        out += [f"### `{name}`", "", "| key | type | required | meaning |", "|---|---|---|---|"]
        for option, spec in mock.options.items():
            bounds = ""
            if spec.kind in ("int", "float") and (spec.lo is not None or spec.hi is not None):
                bounds = f" ({spec.lo if spec.lo is not None else 0} to {spec.hi if spec.hi is not None else '…'})"
            out.append(f"| `{option}` | {spec.kind}{bounds} | {'yes' if spec.required else 'no'} | "
                       f"{_cell(spec.help)} |")
        out.append("")
    out += ["## Local overlay", "",
            "`frontyard.local.yaml` beside an imported source (or `--local FILE`); see "
            "[Importing](importing.md).", ""]
    for table in config_keys.OVERLAY_CONFIG:
        out += _table_markdown(table)
    return "\n".join(out) + "\n"


def _table_markdown(table: config_keys.Table) -> list[str]:
    out = [f"### {table.title} {{#{_anchor(table.path)}}}", "", f"`{table.path}`", ""]
    if table.doc:
        out += [table.doc, ""]
    has_aws = any(k.cloudfront or k.cloudformation or k.terraform for k in table.keys)
    head = "| key | type | default | meaning |"
    rule = "|---|---|---|---|"
    if has_aws:  # one column, a name per line: three columns would not fit beside the meaning
        head += " CloudFront / CloudFormation / Terraform |"
        rule += "---|"
    out += [head, rule]
    for k in table.keys:
        meaning = k.doc + (f" *Not emulated: {k.ignored}.*" if k.ignored else "")
        row = (f"| `{k.name}` | {_cell(k.type)} | {_cell(k.default) if k.default is not None else '—'} | "
               f"{_cell(meaning)} |")
        if has_aws:
            names = (("`" + _cell(v) + "`") if v else "—" for v in (k.cloudfront, k.cloudformation, k.terraform))
            row += f" {'<br>'.join(names)} |"
        out.append(row)
    return [*out, ""]


def cli_reference_markdown() -> str:
    """Every subcommand of `frontyard`, its arguments and their help, from the parser the command runs."""
    parser = build_parser()
    out = ["# CLI reference", "",
           "Generated from the command's own argument parser. `python -m emulator …` is the same command. "
           "Exit codes: 0 success, 1 a failed run or check, 2 a configuration or source that does not load.", "",
           "```", parser.format_usage().strip(), "```", ""]
    for name, sub in _subcommands(parser):
        out += _command_markdown(f"frontyard {name}", sub)
    return "\n".join(out) + "\n"


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                if sub.description is None and helps.get(name):
                    sub.description = helps[name]
                found.append((name, sub))
    return found


def _command_markdown(title: str, parser: argparse.ArgumentParser) -> list[str]:
    out = [f"## `{title}`", ""]
    if parser.description:
        out += [parser.description[0].upper() + parser.description[1:] + ".", ""]
    usage = parser.format_usage().strip().removeprefix("usage: ")
    out += ["```", usage, "```", ""]
    rows = []
    nested = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            nested = _subcommands(parser)
            continue
        if action.option_strings:
            name = ", ".join(action.option_strings)
            if action.nargs != 0:
                name += " " + (action.metavar or action.dest.upper())
        else:
            name = action.metavar or action.dest
            if action.nargs == "?":
                name = f"[{name}]"
            elif action.nargs in ("*", "+"):
                name += " …"
        default = action.default
        shown = "" if default in (None, False, [], argparse.SUPPRESS) else f" (default: `{default}`)"
        rows.append(f"| `{_cell(name)}` | {_cell(action.help or '')}{shown} |")
    if rows:
        out += ["| argument | meaning |", "|---|---|", *rows, ""]
    for name, sub in nested:
        out += _command_markdown(f"{title.removeprefix('## ')} {name}", sub)
    return out


# -- MkDocs events ----------------------------------------------------------------------------------------------
def on_files(files, config):  # type: ignore[no-untyped-def]
    """Add the generated pages to the site (they are not files in docs/)."""
    from mkdocs.structure.files import File

    for name, make in GENERATED.items():
        existing = files.get_file_from_path(name)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, name, content=make()))
    return files
