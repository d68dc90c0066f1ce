"""Every text of the GUI has a Latvian translation, with the same placeholders."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import ethics_tool.gui
from ethics_tool.i18n import catalog
from ethics_tool.paths import resource

GUI = Path(ethics_tool.gui.__file__).parent
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def gui_texts() -> dict[str, str]:
    """Each literal passed to t() in ethics_tool/gui, with the file it is in."""
    found: dict[str, str] = {}
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: t() needs a literal English text"
                )
                found.setdefault(first.value, f"{path.name}:{node.lineno}")
    return found


def test_every_gui_text_has_a_latvian_translation() -> None:
    texts = gui_texts()
    own = json.loads(resource("translations", "lv", "gui.json").read_text(encoding="utf-8"))
    merged = catalog("lv")
    missing = [f"{where}: {text!r}" for text, where in texts.items() if text not in own]
    assert not missing, "missing in resources/translations/lv/gui.json:\n" + "\n".join(missing)
    for text in texts:
        assert set(PLACEHOLDER.findall(merged[text])) == set(PLACEHOLDER.findall(text)), text
    unused = sorted(set(own) - set(texts))
    assert not unused, f"gui.json has texts the GUI no longer uses: {unused}"


def test_latvian_texts_are_latvian() -> None:
    own = json.loads(resource("translations", "lv", "gui.json").read_text(encoding="utf-8"))
    assert any(ch in "".join(own.values()) for ch in "āčēģīķļņšūž")
    assert own["Saved"] == "Saglabāts"
    assert own["Not applicable"] == "Nav attiecināms"
    assert own["Don't know"] == "Nezinu"
