"""merge lineage: assessment lineage, answer history (installation, version vector), app_meta

Revision ID: 0002_merge_lineage
Revises: 0004_seminar
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_merge_lineage"
down_revision = "0005_bench"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lineage", sa.String(length=36), nullable=True))
    # Every existing assessment is its own lineage; copies imported elsewhere kept its UUID.
    op.execute("UPDATE assessment SET lineage = uuid")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.alter_column("lineage", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_index(batch_op.f("ix_assessment_lineage"), ["lineage"], unique=False)
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("installation", sa.String(length=36), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("clock", sa.Text(), server_default="{}", nullable=False))
        batch_op.alter_column("kind", existing_type=sa.String(length=10), nullable=True)


def downgrade() -> None:
    # Comments without an answer have no place in the old schema.
    op.execute("DELETE FROM answer WHERE kind IS NULL")
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(length=10), nullable=False)
        batch_op.drop_column("clock")
        batch_op.drop_column("installation")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_lineage"))
        batch_op.drop_column("lineage")
    op.drop_table("app_meta")
