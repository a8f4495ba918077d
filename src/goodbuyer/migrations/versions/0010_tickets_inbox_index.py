"""tickets: an index for the inbox (a shop's tickets, most recently updated first)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 22:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_tickets_shop_updated", "tickets", ["shop_id", "updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_tickets_shop_updated", table_name="tickets")
