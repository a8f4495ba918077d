"""Support tickets and their messages."""
