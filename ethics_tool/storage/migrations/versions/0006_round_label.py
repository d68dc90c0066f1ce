"""round label: a name for each round of a unit ("2. kārta"), shown beside its date

Revision ID: 0006_round_label
Revises: 0003_pg_versions
Create Date: 2026-12-01 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_round_label"
down_revision = "0003_pg_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("round_label", sa.String(length=100), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("round_label")
