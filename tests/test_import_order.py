"""Every feature's service (and the worker and the app) imports in a fresh interpreter on
its own: no import cycle depends on which module a process happens to load first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import goodbuyer

PACKAGE = Path(goodbuyer.__file__).parent
FIRST = sorted(
    [f"goodbuyer.{p.parent.name}.service" for p in PACKAGE.glob("*/service.py")]
    + ["goodbuyer.confirmations.worker", "goodbuyer.app", "goodbuyer.cli"]
)


@pytest.mark.parametrize("module", FIRST)
def test_module_imports_first(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
