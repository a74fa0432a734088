"""Alembic environment: runs against the connection handed in by `review.workspace.db.migrate`."""
from __future__ import annotations

from alembic import context

from review.workspace.db import models  # noqa: F401 - registers the tables on Base.metadata
from review.workspace.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise SystemExit("请通过 materials-review 打开工作区来升级数据库。")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
