"""Assemble a form from theme parts written separately: forms/parts/<form>-*.yaml -> forms/<form>.yaml.

Used while writing content in parallel; each part file holds a top-level ``themes:`` list. The scale,
bands and other header fields come from forms/parts/<form>-header.yaml.
Usage: python scripts/assemble_forms.py council [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ethics_tool.domain.loader import FormError, parse_form

ROOT = Path(__file__).resolve().parents[1]


def assemble(form: str) -> str:
    parts_dir = ROOT / "forms" / "parts"
    header = (parts_dir / f"{form}-header.yaml").read_text(encoding="utf-8").rstrip() + "\n"
    out = [header, "themes:\n"]
    for part in sorted(parts_dir.glob(f"{form}-part*.yaml")):
        data = yaml.safe_load(part.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "themes" not in data:
            raise SystemExit(f"{part}: expected a top-level 'themes:' list")
        body = part.read_text(encoding="utf-8").split("themes:", 1)[1]
        out.append(f"# ---- from {part.name}\n")
        out.append(body.strip("\n") + "\n")
    return "".join(out)


def main() -> int:
    form = sys.argv[1]
    text = assemble(form)
    try:
        parsed = parse_form(text, f"forms/{form}.yaml (assembled)")
    except FormError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{form}: {len(parsed.themes)} themes, {parsed.question_count} questions")
    if "--check" not in sys.argv:
        (ROOT / "forms" / f"{form}.yaml").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
