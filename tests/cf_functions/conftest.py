from __future__ import annotations

import pytest

from emulator.cf_functions import CompiledFunction, FunctionRunner, FunctionSource, compile_function


@pytest.fixture
async def runner():
    async with FunctionRunner(workers=2, pool_size=1) as r:
        yield r


def make(code: str, runtime: str = "cloudfront-js-1.0", **kw) -> CompiledFunction:
    return compile_function(FunctionSource(kw.pop("name", "fn"), runtime, code, kw.pop("path", "index.js"), **kw))
