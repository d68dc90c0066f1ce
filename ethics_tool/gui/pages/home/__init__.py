"""The home page (:mod:`.page`): the list of assessments, its table and search (:mod:`.table`) and what can
be done with them (:mod:`.actions`)."""

from ethics_tool.gui.pages.home.page import HomePage

__all__ = ["HomePage"]
