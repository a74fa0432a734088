"""the OCR queue in its own table (it was check_states rows of scope "ocr")

Revision ID: 0302
Revises: 0301
Create Date: 2026-12-07 20:55:00
"""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0302'
down_revision = '0301'
branch_labels = None
depends_on = None

# The tables as this revision knows them (the models move on).
materials = sa.table('materials', sa.column('id', sa.Integer), sa.column('group_id', sa.Integer))
check_states = sa.table('check_states', sa.column('group_id', sa.Integer), sa.column('scope', sa.String),
                        sa.column('subject', sa.String), sa.column('key', sa.String))
ocr_queue = sa.table('ocr_queue', sa.column('material_id', sa.Integer), sa.column('sha256', sa.String),
                     sa.column('pages', sa.Integer), sa.column('queued_at', sa.DateTime(timezone=True)))


def upgrade() -> None:
    op.create_table('ocr_queue',
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_ocr_queue_material_id_materials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('material_id', name=op.f('pk_ocr_queue'))
    )
    # Move the queue: a row's subject is its material's id, its key the SHA-256 queued. The old rows
    # did not count the pages (NULL) nor say when they were queued (now). A row whose material is
    # gone or belongs to another group was never read; it is dropped with the rest.
    connection = op.get_bind()
    group_of = dict(connection.execute(sa.select(materials.c.id, materials.c.group_id)).all())
    queued_at = datetime.now(UTC)
    rows: dict[int, dict[str, object]] = {}
    for group_id, subject, key in connection.execute(
            sa.select(check_states.c.group_id, check_states.c.subject, check_states.c.key)
            .where(check_states.c.scope == 'ocr')):
        if subject.isdigit() and group_of.get(int(subject)) == group_id:
            rows[int(subject)] = {'material_id': int(subject), 'sha256': key, 'pages': None, 'queued_at': queued_at}
    if rows:
        op.bulk_insert(ocr_queue, list(rows.values()))
    op.execute(check_states.delete().where(check_states.c.scope == 'ocr'))


def downgrade() -> None:
    connection = op.get_bind()
    rows = [{'group_id': group_id, 'scope': 'ocr', 'subject': str(material_id), 'key': sha256}
            for material_id, sha256, group_id in connection.execute(
                sa.select(ocr_queue.c.material_id, ocr_queue.c.sha256, materials.c.group_id)
                .join(materials, materials.c.id == ocr_queue.c.material_id))]
    if rows:
        op.bulk_insert(check_states, rows)
    op.drop_table('ocr_queue')
