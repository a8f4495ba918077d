"""Shops (tenants) and their API keys."""
