"""Hostile questionnaire files: the loader raises FormError and nothing else, in the user's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ethics_tool import i18n
from ethics_tool.cli import main
from ethics_tool.domain import checks
from ethics_tool.domain.loader import FormError, load_catalog, load_form, parse_form

SAMPLE = Path(__file__).parents[2] / "data" / "sample_form.yaml"


def problem(text: str) -> str:
    with pytest.raises(FormError) as info:
        parse_form(text, "bad.yaml")
    return str(info.value)


@pytest.mark.parametrize(
    "text",
    ["[x]: y\n", "{a: 1}: 2\n", "? [a]\n: 1\n", "id: [x\n", "id: quick\n[: 1\n"],
)
def test_list_or_mapping_as_a_key_is_a_form_error(text: str) -> None:
    message = problem(text)
    assert message.startswith("bad.yaml:") and "TypeError" not in message


@pytest.mark.parametrize("depth", [40, 300, 1000])
def test_deep_nesting_is_refused(depth: int) -> None:
    flow = "{k: " * depth + "1" + "}" * depth
    block = "a:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(depth))
    for text in (flow, block):
        assert "ligzdots dziļāk" in problem(text) or "nesting depth" in problem(text)


def test_alias_expansion_bomb_is_refused_quickly() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    assert "aizstājvārdi" in problem(text)


def test_text_expansion_through_one_anchor_is_limited() -> None:
    """A form whose texts all reuse one long anchored string must not become a huge snapshot."""
    base = (Path(__file__).parents[3] / "forms" / "council.yaml").read_text(encoding="utf-8")
    long = "x" * 90_000
    first = True

    def anchored(match: re.Match[str]) -> str:
        nonlocal first
        value = f"&long {long}" if first else "*long"
        first = False
        return f"{match.group(1)}en: {value}"

    text = re.sub(r"^(\s+)en: [^{}&*|>\n]+$", anchored, base, flags=re.MULTILINE)
    assert text.count("*long") * len(long) > checks.MAX_TEXT_CHARS
    assert len(text) < 2 * len(base)
    assert "rakstzīmēs" in problem(text)
    # The same form with a few references is fine: anchors themselves are not refused.
    few = base.replace("  lv: Īss pašnovērtējums", "  lv: &short Īss pašnovērtējums", 1)
    few = few.replace("  en: A short self-assessment", "  en: *short\n  # A short self", 1)
    assert parse_form(few, "ok.yaml").description is not None


def test_self_reference_and_impossible_date() -> None:
    assert "atsaucas pats uz sevi" in problem("a: &a [*a]\n")
    assert "month must be in 1..12" in problem("id: 2024-13-45\n")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert load_form(path).id == load_form(SAMPLE).id


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ethics_tool.domain.loader.MAX_FORM_FILE_BYTES", 1000)
    with pytest.raises(FormError, match="fails ir par lielu"):
        load_form(SAMPLE)
    assert 10 * SAMPLE.stat().st_size < checks.MAX_FORM_FILE_BYTES


def test_messages_are_latvian_without_pydantic_english(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("weight: 1.3", "weight: smagi", 1)
    message = problem(text)
    assert "jābūt skaitlim" in message and "Input should" not in message
    i18n.set_language("en")
    assert "must be a number" in problem(text)


def test_one_bad_file_among_the_forms_is_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "aaa.yaml").write_text("[x]: y\n", encoding="utf-8")
    (forms / "deep.yaml").write_text("{k: " * 400 + "1" + "}" * 400, encoding="utf-8")
    (forms / "sample.yaml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    catalog = load_catalog([forms])
    assert "sample" in catalog.forms
    assert sorted(Path(e.source).name for e in catalog.errors) == ["aaa.yaml", "deep.yaml"]
    monkeypatch.setenv("ETHICS_TOOL_FORMS", str(forms))
    code = main(["--lang", "en", "--db", str(tmp_path / "db.sqlite3"), "forms", "list"])
    out, err = capsys.readouterr()
    assert code == 0 and "sample" in out
    assert "aaa.yaml" in err and "deep.yaml" in err and "Traceback" not in err
