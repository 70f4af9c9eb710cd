"""The async front of the worker processes: one Worker per configured function, started when the edge starts."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any

from emulator.config.model import LambdaFunctionConfig
from emulator.lambda_edge.workers import Invocation, Worker

ACCOUNT = "123456789012"


def context_for(fn: LambdaFunctionConfig) -> dict[str, Any]:
    """What the handler's `context` object holds (Lambda@Edge runs in us-east-1, version 1 here)."""
    return {"functionName": f"us-east-1.{fn.name}", "functionVersion": "1",
            "invokedFunctionArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{fn.name}:1",
            "memoryLimitInMB": fn.memory_size, "awsRequestId": str(uuid.uuid4()),
            "logGroupName": f"/aws/lambda/us-east-1.{fn.name}", "logStreamName": "frontyard/local"}


class LambdaRunner:
    def __init__(self, functions: Sequence[LambdaFunctionConfig]) -> None:
        self.workers = {fn.name: Worker(fn) for fn in functions}

    async def start(self) -> dict[str, str]:
        """Start every worker (warm, like a provisioned environment); returns the load errors by function.
        A function that cannot load answers its invocations with 503, and the edge serves everything else."""
        names = list(self.workers)
        errors = await asyncio.gather(*(self.workers[n].start() for n in names))
        return {n: e for n, e in zip(names, errors, strict=True) if e is not None}

    async def invoke(self, fn: LambdaFunctionConfig, event: dict[str, Any]) -> Invocation:
        return await self.workers[fn.name].invoke(event, context_for(fn), fn.timeout)

    async def close(self) -> None:
        await asyncio.gather(*(w.close() for w in self.workers.values()))
