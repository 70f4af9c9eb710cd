"""The inspector: a ring buffer of served requests with their traces, its JSON API and the page that reads it.

Served only on the admin listener (never through a distribution). `history.History` is the only state;
`render` turns an entry into JSON when someone asks (nothing is rendered per request); `api` registers the
routes.
"""

from emulator.inspector.bodies import BodyStore
from emulator.inspector.history import Entry, History

__all__ = ["BodyStore", "Entry", "History"]
