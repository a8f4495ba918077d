"""The features that add commands to `goodbuyer` (each has `register(app)`)."""

from __future__ import annotations

from collections.abc import Callable

import typer

from goodbuyer.confirmations import commands as confirmation_commands
from goodbuyer.confirmations.channels import commands as fakes_commands
from goodbuyer.customers import commands as customers_commands
from goodbuyer.demo import commands as demo_commands
from goodbuyer.identity import commands as identity_commands
from goodbuyer.policy import commands as policy_commands
from goodbuyer.risk import backtest_commands, model_commands
from goodbuyer.risk import commands as risk_commands
from goodbuyer.shopify import commands as shopify_commands
from goodbuyer.store import commands as store_commands
from goodbuyer.support import commands as support_commands
from goodbuyer.support import playbook_commands
from goodbuyer.support.replies import commands as replies_commands
from goodbuyer.support.triage import commands as triage_commands

REGISTRARS: list[Callable[[typer.Typer], None]] = [
    store_commands.register,
    demo_commands.register,
    identity_commands.register,
    customers_commands.register,
    risk_commands.register,
    shopify_commands.register,
    policy_commands.register,
    model_commands.register,
    backtest_commands.register,
    confirmation_commands.register,
    fakes_commands.register,
    triage_commands.register,
    support_commands.register,
    playbook_commands.register,
    replies_commands.register,
]

__all__ = ["REGISTRARS"]
