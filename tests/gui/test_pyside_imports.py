"""The cheap check of later imports gives PySide6's own answers, without reading files line by line."""

from __future__ import annotations

import linecache
import sys
import types
from pathlib import Path

import PySide6.QtCore  # noqa: F401 - installs shibokensupport.feature
import pytest

import ethics_tool.gui.app
import ethics_tool.scoring
from ethics_tool.gui import pyside_imports


@pytest.fixture
def feature() -> types.ModuleType:
    module = sys.modules["shibokensupport.feature"]
    return module


def test_same_answers_as_pyside(
    feature: types.ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PySide6's own check (an earlier test may have started the app, which installs ours).
    original = getattr(feature._mod_uses_pyside, "__wrapped__", feature._mod_uses_pyside)
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # restored after the test
    gone = types.ModuleType("gone_module")
    gone.__file__ = str(tmp_path / "gone_module.py")  # as in the bundle: no source on disk
    modules = [ethics_tool.gui.app, ethics_tool.scoring, sys, linecache, gone]
    expected = [original(module) for module in modules]
    assert expected[:2] == [True, False]
    assert pyside_imports.install()
    fast = feature._mod_uses_pyside
    assert fast is not original
    assert [fast(module) for module in modules] == expected
    assert pyside_imports.install()  # a second call changes nothing
    assert feature._mod_uses_pyside is fast


def test_a_pyside_without_the_hook_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert not pyside_imports.install()
