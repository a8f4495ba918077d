"""Alembic migrations, shipped inside the package so `goodbuyer db upgrade` works anywhere."""
