"""frontyard: a local emulator of the Amazon CloudFront edge.

The public API (typed, documented in the README's "Python API and pytest plugin"):

    from emulator import Edge
    async with Edge.from_file("frontyard.yaml") as edge:
        r = await edge.dispatch("GET", "https://app.localhost/api/x", {"Accept": "application/json"})

`Response` is what `dispatch` returns, `Trace`/`Decision` the decisions it carries, `FakeClock` the clock
tests advance, `ConfigError` what a bad config raises. The pytest plugin (emulator.testing) wraps these.
"""

__version__ = "0.1.0"

from emulator.clock import FakeClock, SystemClock
from emulator.edge import Edge, Response
from emulator.errors import ConfigError
from emulator.trace import Decision, Trace

__all__ = ["ConfigError", "Decision", "Edge", "FakeClock", "Response", "SystemClock", "Trace", "__version__"]
