"""Every dialog of the GUI: the standard questions (:class:`Dialogs`) and the feature dialogs.

Feature dialogs (new assessment, respondents, blank questionnaire) are plain ``QDialog`` classes in
modules of their own; :class:`Dialogs` shows any of them with :meth:`Dialogs.ask` without knowing
them, so that nothing here imports a page.
"""

from ethics_tool.gui.dialogs.standard import Dialogs

__all__ = ["Dialogs"]
