"""Alembic environment: runs on the connection `store.migrate` hands over, online only."""

from alembic import context

from store.models import Base
from store.queue import is_queue_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=lambda name, kind, _parents: kind != "table" or not is_queue_object(name),
)
with context.begin_transaction():
    context.run_migrations()
