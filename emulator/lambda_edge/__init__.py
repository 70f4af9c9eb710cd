"""Lambda@Edge: Node.js and Python handlers run locally in warm worker processes (AWS: "Customize at the edge with
Lambda@Edge").

event.py builds the `Records[0].cf` event, result.py validates what a function returns as CloudFront does,
workers.py supervises one long-lived process per function (line-delimited JSON over stdin/stdout), runner.py
is the async front the pipeline calls, runtimes.py maps Lambda runtimes to local interpreters.
"""

from .result import Generated, InvalidResult, RequestChange
from .runner import LambdaRunner
from .workers import Invocation, Status

__all__ = ["Generated", "InvalidResult", "Invocation", "LambdaRunner", "RequestChange", "Status"]
