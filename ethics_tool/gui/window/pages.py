"""The main window's pages, each built the first time it is needed.

Only the home page is built before the window is "ready"; the questionnaire, results, compare,
settings, about and seminar pages are built (and wired) when they are first shown or first asked
for, so their widgets cost nothing at start-up. :class:`LazyPages` is a mapping from page name to
page widget: every registered name is a key, and looking a page up builds it on the spot. Code that
must not build a page (retranslating, finding the page in front) asks :meth:`LazyPages.built`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(Mapping[str, QWidget]):
    """Page name → page widget; a page is made by its factory and added to ``stack`` on first use."""

    def __init__(self, stack: QStackedWidget) -> None:
        self._stack = stack
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        self._building: set[str] = set()

    def register(self, name: str, factory: Callable[[], QWidget]) -> None:
        """``factory`` builds the page and wires its signals; it runs at most once."""
        self._factories[name] = factory

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is not None:
            return page
        factory = self._factories[name]  # KeyError for a name that is no page
        if name in self._building:  # a factory asked for its own page: a wiring bug
            raise RuntimeError(f"page {name!r} is asked for while it is being built")
        self._building.add(name)
        try:
            page = factory()
        finally:
            self._building.discard(name)
        self._built[name] = page
        self._stack.addWidget(page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def is_built(self, name: str) -> bool:
        return name in self._built

    def built(self) -> dict[str, QWidget]:
        """The pages made so far (a copy, in the order they were made)."""
        return dict(self._built)

    def build_all(self) -> None:
        for name in list(self._factories):
            self.__getitem__(name)

    def name_of(self, widget: QWidget | None) -> str | None:
        """The name of ``widget`` when it is one of the pages made so far."""
        for name, page in self._built.items():
            if page is widget:
                return name
        return None
