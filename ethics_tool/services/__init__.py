"""Use cases shared by the GUI and the CLI: create, answer, score, compare, export, import, report.

Each public method is one unit of work in its own session and commits before it returns, so an answer
is on disk the moment it is given. Methods take and return plain domain objects, never ORM rows.

One module a use case, each a class over :class:`~ethics_tool.services.base.ServiceBase` (the
database, the form catalogue and the session helpers):

=================  ===============================================================================
``assessments``    create, list, load, change and delete assessments; a new round; a copy
``answers``        respondents, answers and comments
``results``        scores, the previous round, the comparison, every round of a unit
``action_plan``    action-plan rows, one by one or from an edited spreadsheet
``benchmarking``   the anonymous benchmark: submission, collector's set, reference, comparison
``reports``        the PDF report and the results spreadsheet
``transfer``       JSON export, import and merge; the backup before a merge; what an import did
``demo_data``      the demo story persisted, found and removed
``restore``        undo in the desktop program: a removed respondent or action put back
=================  ===============================================================================

:class:`Services` is the one object the GUI and the CLI hold. It is only the sum of those classes
(mixins): each use-case class inherits exactly the use cases it calls (``results`` stands on
``assessments``, ``benchmarking`` on ``results``…), so their dependencies are written in the class
line and checked by mypy, and no use case reaches another through the facade. A new use case goes
into a module of its own and is added to the bases below.
"""

from __future__ import annotations

from ethics_tool.services.assessments import NewRespondent
from ethics_tool.services.base import (
    ConflictError,
    FinishedError,
    NotFoundError,
    ServiceError,
    finished_error,
)
from ethics_tool.services.demo_data import DemoUseCases
from ethics_tool.services.reports import ReportUseCases
from ethics_tool.services.restore import RestoreUseCases
from ethics_tool.services.sharing import SharingUseCases
from ethics_tool.services.transfer import TransferUseCases, record_text, summary_lines

__all__ = [
    "ConflictError",
    "FinishedError",
    "NewRespondent",
    "NotFoundError",
    "ServiceError",
    "Services",
    "finished_error",
    "record_text",
    "summary_lines",
]


class Services(DemoUseCases, ReportUseCases, TransferUseCases, SharingUseCases, RestoreUseCases):
    """The application's use cases over one database and one form catalogue.

    ``Services(db, catalog)``; every use case of the modules above is a method of it.
    """
