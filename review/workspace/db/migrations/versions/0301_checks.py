"""findings, waivers and check states

Revision ID: 0301
Revises: 0201
Create Date: 2026-11-25 13:30:23.382206
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0301'
down_revision = '0201'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('check_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_check_states_group_id_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_states')),
    sa.UniqueConstraint('group_id', 'scope', 'subject', name=op.f('uq_check_states_group_id'))
    )
    with op.batch_alter_table('check_states', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_states_group_id'), ['group_id'], unique=False)

    op.create_table('waivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('rule_id', sa.String(length=30), nullable=False),
    sa.Column('item_code', sa.String(length=100), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('waived_by', sa.String(length=100), nullable=False),
    sa.Column('waived_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_by', sa.String(length=100), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_waivers_group_id_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waivers'))
    )
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waivers_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_waivers_group_id'), ['group_id'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=True),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('item_code', sa.String(length=100), nullable=False),
    sa.Column('rule_id', sa.String(length=30), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('hint', sa.Text(), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('bbox', sa.JSON(), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_findings_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_findings_material_id_materials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_item_code'), ['item_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_material_id'), ['material_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_rule_id'), ['rule_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_findings_rule_id'))
        batch_op.drop_index(batch_op.f('ix_findings_material_id'))
        batch_op.drop_index(batch_op.f('ix_findings_item_code'))
        batch_op.drop_index(batch_op.f('ix_findings_group_id'))
        batch_op.drop_index(batch_op.f('ix_findings_fingerprint'))

    op.drop_table('findings')
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waivers_group_id'))
        batch_op.drop_index(batch_op.f('ix_waivers_fingerprint'))

    op.drop_table('waivers')
    with op.batch_alter_table('check_states', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_states_group_id'))

    op.drop_table('check_states')
