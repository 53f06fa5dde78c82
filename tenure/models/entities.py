"""People and organizations, with the aliases that resolve names to them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tenure.models.base import Base, BigId, UtcDateTime, utcnow


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # Normalised full name (case, accents and punctuation folded): the resolution key.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    # Set when an analyst merges this person into another: reads follow the pointer.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class PersonAlias(Base):
    """Another name for a person ("LeCun", "Yann Le Cun"); `alias_key` is normalised."""

    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("alias_key", "person_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    # "extracted" (from an article), "analyst" (added through the API) or "builtin".
    origin: Mapped[str] = mapped_column(String(20), default="extracted")


class OrganizationAlias(Base):
    """Another name for an organization ("Facebook" for Meta)."""

    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("alias_key", "organization_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    origin: Mapped[str] = mapped_column(String(20), default="extracted")
