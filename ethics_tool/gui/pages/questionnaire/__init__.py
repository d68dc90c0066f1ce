"""The questionnaire page (:mod:`.page`), its theme navigator (:mod:`.navigator`) and the consensus
panel (:mod:`.consensus`), around a :class:`~ethics_tool.gui.state.questionnaire.QuestionnaireSession`.
"""

from ethics_tool.gui.pages.questionnaire.page import QuestionnairePage

__all__ = ["QuestionnairePage"]
