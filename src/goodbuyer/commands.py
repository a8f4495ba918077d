"""The features that add commands to `goodbuyer` (each has `register(app)`)."""

from __future__ import annotations

from collections.abc import Callable

import typer

REGISTRARS: list[Callable[[typer.Typer], None]] = []

__all__ = ["REGISTRARS"]
