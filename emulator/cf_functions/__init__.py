"""CloudFront Functions engine: load-time gating and compilation, event building, an async runner.

The pipeline uses: compile_function() at config load, FunctionRunner.run_viewer_request() /
run_viewer_response() per request, and maps the outcome (Failed.kind) to 502/503.
"""

from .errors import FunctionLoadError, Problem
from .event import EdgeLocation, ViewerRequestInput, ViewerResponseInput, build_event
from .gating import RUNTIME_1, RUNTIME_2, RUNTIMES
from .kvs import KeyValueStore, load_kvs
from .origin import (
    CreateRequestOriginGroup,
    OriginChange,
    OriginGroupMember,
    OriginOverrides,
    SelectRequestOrigin,
    UpdateRequestOrigin,
)
from .result import ContinueRequest, ContinueResponse, Failed, FunctionResult, Outcome, Respond
from .runner import FunctionRunner, compute_utilization
from .runtime import CompiledFunction, FailureKind, FunctionSource, compile_function

__all__ = [
    "RUNTIMES",
    "RUNTIME_1",
    "RUNTIME_2",
    "CompiledFunction",
    "ContinueRequest",
    "ContinueResponse",
    "CreateRequestOriginGroup",
    "EdgeLocation",
    "Failed",
    "FailureKind",
    "FunctionLoadError",
    "FunctionResult",
    "FunctionRunner",
    "FunctionSource",
    "KeyValueStore",
    "OriginChange",
    "OriginGroupMember",
    "OriginOverrides",
    "Outcome",
    "Problem",
    "Respond",
    "SelectRequestOrigin",
    "UpdateRequestOrigin",
    "ViewerRequestInput",
    "ViewerResponseInput",
    "build_event",
    "compile_function",
    "compute_utilization",
    "load_kvs",
]
