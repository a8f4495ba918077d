"""Customers across their orders: lifetime value so far and predicted."""
