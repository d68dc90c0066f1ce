"""Optimistic version columns for several users on one server database.

``answer.version`` and ``action_item.version`` count the changes of a row: a client that saves a
row it saw at an older version is told about the conflict instead of overwriting it. The
``assessment.revision`` counter grows with every change to an assessment (its answers, respondents,
action plan or details), so a client notices changes made on another computer.

Revision ID: 0003_pg_versions
Revises: 0002_merge_lineage
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_pg_versions"
down_revision = "0002_merge_lineage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("revision")
