"""Returns (RMAs) and their lines."""
