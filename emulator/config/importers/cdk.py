"""A CDK cloud assembly (`cdk.out`): the CloudFormation templates its manifest names."""

from __future__ import annotations

import json
from pathlib import Path

from emulator.issues import ConfigIssue, Location, Severity


def cdk_templates(manifest: Path) -> tuple[list[Path], list[ConfigIssue]]:
    """The stack templates a `cdk.out/manifest.json` names."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [], [ConfigIssue(Severity.ERROR, Location(str(manifest), 1, 1), "", f"cannot read the CDK "
                                f"manifest: {exc}")]
    out = []
    for artifact in (data.get("artifacts") or {}).values():
        if isinstance(artifact, dict) and artifact.get("type") == "aws:cloudformation:stack":
            template = (artifact.get("properties") or {}).get("templateFile")
            if template:
                out.append(manifest.parent / template)
    if not out:
        return [], [ConfigIssue(Severity.ERROR, Location(str(manifest), 1, 1), "",
                                "the CDK manifest names no CloudFormation stack", "run `cdk synth` first")]
    return out, []
