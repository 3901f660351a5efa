"""What every command module shares: exit codes and the shape of a command's handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from bot.config import Settings

EXIT_CONFIG = 2
EXIT_ALREADY_RUNNING = 3

# A command: the settings and the parsed arguments in, the exit status out (a coroutine
# for the commands that work asynchronously; `main` runs it).
Handler = Callable[[Settings, argparse.Namespace], int | Coroutine[Any, Any, int]]
if TYPE_CHECKING:  # what `add_subparsers` returns, each module adds its commands to it
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
