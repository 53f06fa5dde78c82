"""initial schema: people, organizations, articles, events

Revision ID: 0001_initial
Revises:
Reviewed by hand: UtcDateTime is stored as a plain timezone-aware DateTime.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_utc_offset", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_created_at"), ["created_at"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("merged_into_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["organizations.id"],
            name=op.f("fk_organizations_merged_into_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("name_key", name=op.f("uq_organizations_name_key")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("merged_into_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["people.id"],
            name=op.f("fk_people_merged_into_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name_key", name=op.f("uq_people_name_key")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("sort_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("details", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_events_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_events_person_id_people"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_events_org_timeline", ["organization_id", "sort_date", "id"], unique=False)
        batch_op.create_index("ix_events_person_timeline", ["person_id", "sort_date", "id"], unique=False)
        batch_op.create_index("ix_events_sort", ["sort_date", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_status"), ["status"], unique=False)
        batch_op.create_index("ix_events_type_timeline", ["type", "sort_date", "id"], unique=False)

    op.create_table(
        "organization_aliases",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("alias_key", sa.String(length=300), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_organization_aliases_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization_aliases")),
        sa.UniqueConstraint(
            "alias_key", "organization_id", name=op.f("uq_organization_aliases_alias_key_organization_id")
        ),
    )
    with op.batch_alter_table("organization_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_aliases_alias_key"), ["alias_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organization_aliases_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "person_aliases",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("person_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("alias_key", sa.String(length=300), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_aliases_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("alias_key", "person_id", name=op.f("uq_person_aliases_alias_key_person_id")),
    )
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_aliases_alias_key"), ["alias_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_aliases_person_id"), ["person_id"], unique=False)

    op.create_table(
        "event_sources",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("event_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_text", sa.String(length=200), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule_id", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_sources_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sources_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        sa.UniqueConstraint("event_id", "article_id", name=op.f("uq_event_sources_event_id_article_id")),
    )
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_sources_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_sources_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_sources_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_sources_article_id"))

    op.drop_table("event_sources")
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_aliases_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_aliases_alias_key"))

    op.drop_table("person_aliases")
    with op.batch_alter_table("organization_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_aliases_organization_id"))
        batch_op.drop_index(batch_op.f("ix_organization_aliases_alias_key"))

    op.drop_table("organization_aliases")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_timeline")
        batch_op.drop_index(batch_op.f("ix_events_status"))
        batch_op.drop_index("ix_events_sort")
        batch_op.drop_index("ix_events_person_timeline")
        batch_op.drop_index("ix_events_org_timeline")
        batch_op.drop_index(batch_op.f("ix_events_created_at"))

    op.drop_table("events")
    op.drop_table("people")
    op.drop_table("organizations")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_created_at"))

    op.drop_table("articles")
