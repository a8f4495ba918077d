"""Shipments, carrier events and satisfaction surveys."""
