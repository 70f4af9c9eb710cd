import os
from collections.abc import Iterator

import pytest

from emulator.tls.ca import STATE_ENV


@pytest.fixture(autouse=True, scope="session")
def _state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One local CA for the whole run, never the developer's ~/.frontyard (subprocesses inherit it too)."""
    previous = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(tmp_path_factory.mktemp("state"))
    yield
    if previous is None:
        os.environ.pop(STATE_ENV, None)
    else:
        os.environ[STATE_ENV] = previous
