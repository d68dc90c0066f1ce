"""Versioned JSON export and import of one assessment (for archives and merging several computers).

The export holds the form snapshot, the metadata, every respondent's answers and comments, the action
plan and, for readers, the computed results. Import validates the whole file before it touches the
database and refuses a bad file with a message naming the field.

- :mod:`.schema`: the file's format (pydantic models) and :class:`ExchangeError`;
- :mod:`.writing`: the export document, written atomically;
- :mod:`.reading`: strict JSON, validation with the program's own answer rules, the domain view.

Exchange reads, validates and serialises; it never opens a database session (the services persist
what it returns through :mod:`ethics_tool.storage.repository`).
"""

from __future__ import annotations

from ethics_tool.exchange.reading import (
    export_problem,
    read_export,
    read_transfer,
    transfer_of,
)
from ethics_tool.exchange.schema import (
    FORMAT_VERSION,
    ExchangeError,
    ExportedAction,
    ExportedAnswer,
    ExportedAssessment,
    ExportedRespondent,
    ExportFile,
)
from ethics_tool.exchange.writing import export_document, write_export

__all__ = [
    "FORMAT_VERSION",
    "ExchangeError",
    "ExportFile",
    "ExportedAction",
    "ExportedAnswer",
    "ExportedAssessment",
    "ExportedRespondent",
    "export_document",
    "export_problem",
    "read_export",
    "read_transfer",
    "transfer_of",
    "write_export",
]
