"""metrics feature."""
