"""Outbound channels behind one protocol."""
