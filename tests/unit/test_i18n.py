"""The gettext catalogue: every text in the code is translated, plurals and contexts work, the
committed .mo is the compiled .po, and scripts/i18n.py extracts, checks and absorbs as it says."""

from __future__ import annotations

import gettext
import importlib.util
import io
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from ethics_tool import i18n

ROOT = Path(__file__).resolve().parents[2]
LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """scripts/i18n.py, the developers' tool (Babel is a test dependency, not a run-time one)."""
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_every_text_in_the_code_is_translated(tool: ModuleType) -> None:
    """The extraction check: Babel (keywords t, nt:1,2, pt:1c,2, N_) against the .po and .mo."""
    problems = tool.check()
    assert not problems, "run `python scripts/i18n.py check`:\n" + "\n".join(problems)


def test_committed_mo_is_the_compiled_po(tool: ModuleType) -> None:
    from babel.messages.mofile import read_mo

    catalog = tool.load_po("lv")
    with tool.mo_path("lv").open("rb") as fh:
        compiled = read_mo(fh)
    assert tool._translated(compiled) == tool._translated(catalog)
    assert len(tool._translated(catalog)) > 400


def test_the_catalogue_reads_as_latvian(tool: ModuleType) -> None:
    catalog = tool.load_po("lv")
    texts = [m.string for m in catalog if m.id and isinstance(m.string, str)]
    assert sum(1 for text in texts if LATVIAN_LETTERS.search(text)) > len(texts) / 3
    assert catalog.num_plurals == 3


@pytest.mark.parametrize(
    ("n", "latvian", "english"),
    [
        (1, "+ vēl 1 jautājums zem", "+ 1 more question below"),
        (21, "+ vēl 21 jautājums zem", "+ 21 more questions below"),
        (2, "+ vēl 2 jautājumi zem", "+ 2 more questions below"),
        (11, "+ vēl 11 jautājumi zem", "+ 11 more questions below"),
        (30, "+ vēl 30 jautājumi zem", "+ 30 more questions below"),
    ],
)
def test_plural_forms_follow_the_number(n: int, latvian: str, english: str) -> None:
    singular = (
        "+ {count} more question below the target level — see the theme sections and the "
        "action plan."
    )
    plural = (
        "+ {count} more questions below the target level — see the theme sections and the "
        "action plan."
    )
    assert i18n.nt(singular, plural, n, "lv").startswith(latvian)
    assert i18n.nt(singular, plural, n, "en").startswith(english)


def test_plural_fills_count_and_other_placeholders() -> None:
    text = i18n.nt(
        "Remove {name}? Their {count} answer is removed too (Edit → Undo brings it back).",
        "Remove {name}? Their {count} answers are removed too (Edit → Undo brings them back).",
        1,
        name="Anna",
    )
    assert text == (
        "Noņemt Anna? Tiks noņemta arī šī respondenta 1 atbilde (Rediģēt → Atsaukt to atjauno)."
    )


def test_context_tells_two_uses_of_one_word_apart(
    tool: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="lv")
    catalog.add("Open", "Atvērt", context="verb")
    catalog.add("Open", "Atvērts", context="status")
    catalog.add("Open", "Atvērt…")
    compiled = gettext.GNUTranslations(io.BytesIO(tool.mo_bytes(catalog)))
    monkeypatch.setattr(i18n, "translations", lambda lang: compiled)
    assert i18n.pt("verb", "Open") == "Atvērt"
    assert i18n.pt("status", "Open") == "Atvērts"
    assert i18n.t("Open") == "Atvērt…"
    assert i18n.pt("unknown context", "Open") == "Open"


def test_extraction_finds_every_keyword_and_reports_what_it_cannot_read(
    tool: ModuleType, tmp_path: Path
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text(
        "from ethics_tool.i18n import N_, nt, pt, t\n"
        "LABEL = N_('Marked')\n"
        "def f(n, name, word):\n"
        "    t('Plain {name}', name=name)\n"
        "    nt('{count} answer', '{count} answers', n)\n"
        "    pt('status', 'Open')\n"
        "    t(word)\n"
        "    return f\"<b>{t('Hidden')}</b>\"\n",
        encoding="utf-8",
    )
    template = tool.extract_template(package)
    keys = {tool._key(m) for m in template if m.id}
    assert keys == {
        ("Marked", None),
        ("Plain {name}", None),
        ("{count} answer", None),
        ("Open", "status"),
    }
    problems = tool.call_problems(package, template)
    assert any("a.py:7: t() needs a literal text" in p for p in problems), problems
    assert any("a.py:8: t('Hidden') is inside an f-string" in p for p in problems), problems


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    """A copy of the real catalogue to change."""
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "resources" / "translations", target)
    return target


def test_check_names_an_untranslated_text_and_a_stale_mo(
    tool: ModuleType, translations: Path
) -> None:
    catalog = tool.load_po("lv", translations)
    catalog["Saved"].string = ""
    tool.po_path("lv", translations).write_bytes(tool.po_bytes(catalog))
    problems = tool.check(translations=translations)
    assert any("'Saved' has no Latvian translation" in p for p in problems), problems
    assert any("ethics_tool.mo: does not match" in p for p in problems), problems


def test_absorb_moves_a_lane_table_into_the_catalogue(
    tool: ModuleType, translations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tool.load_po("lv", translations)
    del catalog["Saved"]
    tool.save(catalog, "lv", translations)
    assert tool.check(translations=translations)  # "Saved" is missing now
    table = translations / "lv" / "lane.json"
    table.write_text(
        json.dumps({"Saved": "Saglabāts", "A text no code uses": "Teksts"}), encoding="utf-8"
    )

    assert tool.absorb([table], translations=translations) is False
    assert json.loads(table.read_text("utf-8")) == {"A text no code uses": "Teksts"}
    assert "left in" in capsys.readouterr().out

    assert tool.absorb([table], drop_unused=True, translations=translations) is True
    assert not table.exists()
    assert tool.check(translations=translations) == []
    with tool.mo_path("lv", translations).open("rb") as fh:
        assert gettext.GNUTranslations(fh).gettext("Saved") == "Saglabāts"


def test_absorb_keeps_the_catalogue_on_a_conflict_unless_told(
    tool: ModuleType, translations: Path
) -> None:
    table = translations / "lv" / "lane.json"
    table.write_text(json.dumps({"Saved": "Noglabāts"}), encoding="utf-8")
    assert tool.absorb([table], translations=translations)
    assert tool.load_po("lv", translations)["Saved"].string == "Saglabāts"
    table.write_text(json.dumps({"Saved": "Noglabāts"}), encoding="utf-8")
    assert tool.absorb([table], replace=True, translations=translations)
    assert tool.load_po("lv", translations)["Saved"].string == "Noglabāts"


def test_absorb_names_a_broken_table(tool: ModuleType, translations: Path) -> None:
    table = translations / "lv" / "lane.json"
    table.write_text('{"Saved": "Saglabāts",\n}', encoding="utf-8")
    assert tool.main(["--translations", str(translations), "absorb", str(table)]) == 1
    assert table.exists()


def test_help_explains_the_subcommands(tool: ModuleType) -> None:
    with pytest.raises(SystemExit) as exit_info:
        tool.main(["--help"])
    assert exit_info.value.code == 0


def test_switching_language_tells_listeners() -> None:
    heard: list[str] = []
    i18n.on_language_changed(heard.append)
    try:
        i18n.set_language("en")
        assert i18n.t("Completed") == "Completed"
        i18n.set_language("lv")
        assert i18n.t("Completed") == "Pabeigts"
    finally:
        i18n.remove_listener(heard.append)
    assert heard == ["en", "lv"]
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.set_language("de")


def test_labels_of_stored_values_are_translated() -> None:
    assert i18n.status_label("completed", "lv") == "Pabeigts"
    assert i18n.role_label("chair", "en") == "Council chair"
    assert i18n.unit_type_label("Mans birojs", "lv") == "Mans birojs"


def test_number_and_date_formats() -> None:
    assert i18n.format_percent(63.4259, "lv") == "63 %"
    assert i18n.format_percent(63.5, "lv", 1) == "63,5 %"
    assert i18n.format_percent(None) == "–"
    assert i18n.format_date(date(2025, 6, 7), "lv") == "07.06.2025."
    assert i18n.format_date(date(2025, 6, 7), "en") == "2025-06-07"


def _same_texts(a: gettext.NullTranslations, b: gettext.NullTranslations) -> None:
    catalogue = a._catalog  # type: ignore[attr-defined]
    assert catalogue == b._catalog  # type: ignore[attr-defined]
    for key in catalogue:
        if isinstance(key, tuple):  # a plural form: (msgid, index)
            assert a.ngettext(key[0], key[0], 21) == b.ngettext(key[0], key[0], 21)
        elif "\x04" in key:  # a text in a context
            context, text = key.split("\x04", 1)
            assert a.pgettext(context, text) == b.pgettext(context, text)
        else:
            assert a.gettext(key) == b.gettext(key)
    for n in range(0, 130):  # Latvian's three plural forms
        assert a.ngettext("one", "many", n) == b.ngettext("one", "many", n)
        assert a.plural(n) == b.plural(n)  # type: ignore[attr-defined]


def test_the_parsed_catalogue_is_kept_and_read_back_the_same(tmp_path: Path) -> None:
    mo = tmp_path / "ethics_tool.mo"
    shutil.copyfile(i18n.mo_path("lv"), mo)
    cached = tmp_path / "cache" / "lv.marshal"
    with mo.open("rb") as fh:
        plain = gettext.GNUTranslations(fh)
    first = i18n.load_catalogue(mo, cached)  # parses the file and keeps the parsed copy
    assert cached.is_file()
    _same_texts(plain, first)
    again = i18n.load_catalogue(mo, cached)  # from the copy
    assert again is not first
    _same_texts(plain, again)
    assert again.ngettext("{count} answer", "{count} answers", 21) == plain.ngettext(
        "{count} answer", "{count} answers", 21
    )


def test_a_stale_or_damaged_copy_of_the_catalogue_is_made_again(tmp_path: Path) -> None:
    mo = tmp_path / "ethics_tool.mo"
    shutil.copyfile(i18n.mo_path("lv"), mo)
    cached = tmp_path / "lv.marshal"
    cached.write_bytes(b"not a catalogue")
    _same_texts(i18n.translations("lv"), i18n.load_catalogue(mo, cached))
    made = cached.read_bytes()
    assert made != b"not a catalogue"
    # A new .mo file (another size) is parsed again, never answered from the old copy.
    with mo.open("ab") as fh:
        fh.write(b"\0")
    i18n.load_catalogue(mo, cached)
    assert cached.read_bytes() != made
    # A cache folder that cannot be written: the file is parsed every time, nothing fails.
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    _same_texts(i18n.translations("lv"), i18n.load_catalogue(mo, blocked / "lv.marshal"))
    assert not list(tmp_path.glob("*.tmp"))
