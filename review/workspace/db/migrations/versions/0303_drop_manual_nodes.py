"""drop manual_nodes: written with every manual edition, never read (the edition's document is the manual)

Revision ID: 0303
Revises: 0302
Create Date: 2026-12-07 21:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0303'
down_revision = '0302'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('manual_nodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_manual_nodes_edition_id'))
    op.drop_table('manual_nodes')


def downgrade() -> None:
    # The table comes back empty: nothing read it, and each edition's document holds the manual.
    op.create_table('manual_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edition_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('parent_code', sa.String(length=100), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['edition_id'], ['manual_editions.id'], name=op.f('fk_manual_nodes_edition_id_manual_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manual_nodes')),
    sa.UniqueConstraint('edition_id', 'code', name=op.f('uq_manual_nodes_edition_id'))
    )
    with op.batch_alter_table('manual_nodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_manual_nodes_edition_id'), ['edition_id'], unique=False)
