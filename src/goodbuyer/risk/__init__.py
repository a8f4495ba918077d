"""Decisions on orders, with the rule executions that explain them."""
