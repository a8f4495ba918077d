"""The demo shop: a deterministic two-year history of a shop's customers as CSV files, with
the customers' true archetypes in a separate ground-truth file."""

from goodbuyer.demo.generator import DEFAULT_START, HISTORY_DAYS, Summary, generate

__all__ = ["DEFAULT_START", "HISTORY_DAYS", "Summary", "generate"]
