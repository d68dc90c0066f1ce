"""The results page (:mod:`.page`) and its tabs: summary, priorities and gaps, action plan."""

from ethics_tool.gui.pages.results.page import ResultsPage

__all__ = ["ResultsPage"]
