"""The home page (:mod:`.page`): the list of assessments, its table and search (:mod:`.table`), what can
be done with them (:mod:`.actions`) and how the row actions are carried out (:mod:`.intents`)."""

from ethics_tool.gui.pages.home.page import HomePage

__all__ = ["HomePage"]
