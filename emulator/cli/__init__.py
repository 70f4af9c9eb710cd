"""The `frontyard` command line: one module per subcommand, dispatched by the table in main.py."""

from emulator.cli.main import main

__all__ = ["main"]
