"""The store's policy: segments and block/allow lists (the policy document comes later)."""
