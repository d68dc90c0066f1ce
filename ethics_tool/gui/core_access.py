"""The open database at once, the services a moment later: what the pages reach the core through.

The desktop program shows its home list as soon as the database is open and the assessments are
listed (with SQLAlchemy's core only, :mod:`ethics_tool.storage.listing`); the services (with the
ORM, pydantic and the questionnaires) are loaded right after, on the start-up worker
(:mod:`ethics_tool.gui.startup`, docs/startup.md). :class:`CoreAccess` is what the home page holds
meanwhile: the list can be read from the first moment, and asking for :attr:`CoreAccess.services`
before they are there waits for them (with the wait cursor), so a click made that early is carried
out a moment later, never refused or lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.services import Services
    from ethics_tool.storage.db import Database


class CoreNotLoaded(RuntimeError):
    """The services were asked for, but loading them failed (the failure is shown on its own)."""


class CoreAccess:
    """The database (open from the start) and the services (once loaded)."""

    def __init__(
        self,
        db: Database,
        services: Services | None = None,
        wait: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self._services = services
        # Blocks until the services are loaded and handed over (set_services), or failed.
        self._wait = wait

    @property
    def loaded(self) -> bool:
        return self._services is not None

    def set_services(self, services: Services) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        """The services; waits for them when they are still being loaded."""
        if self._services is None and self._wait is not None:
            self._wait()
        if self._services is None:
            raise CoreNotLoaded("the program's core could not be loaded")
        return self._services

    def list_assessments(self, include_archived: bool = True) -> list[AssessmentSummary]:
        """The home list, read without the services (the same query ``Services`` uses)."""
        from ethics_tool.storage.listing import list_assessments

        return list_assessments(self.db.engine, include_archived)
