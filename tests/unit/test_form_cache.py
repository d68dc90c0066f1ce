"""The form cache gives the same questionnaires as the YAML files, and never a stale or broken one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ethics_tool.domain.form_cache import FormCache
from ethics_tool.domain.loader import FormError, load_catalog, load_form
from ethics_tool.paths import data_root


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    folder.mkdir()
    shutil.copy(data_root() / "forms" / "quick.yaml", folder / "quick.yaml")
    return folder


def test_a_second_start_reads_the_cache_and_gets_the_same_forms(
    tmp_path: Path, forms: Path
) -> None:
    first = FormCache(tmp_path / "cache")
    catalog = load_catalog([data_root() / "forms"], load=first)
    assert first.misses == len(catalog.forms) and first.hits == 0
    second = FormCache(tmp_path / "cache")
    cached = load_catalog([data_root() / "forms"], load=second)
    assert second.hits == len(catalog.forms) and second.misses == 0
    assert cached.forms == catalog.forms
    assert cached.sources == catalog.sources
    uncached = load_catalog([data_root() / "forms"])
    assert cached.forms == uncached.forms


def test_an_edited_form_is_read_again(tmp_path: Path, forms: Path) -> None:
    path = forms / "quick.yaml"
    before = FormCache(tmp_path / "cache")(path)
    assert before.title.lv == "Ātrais ētikas tests"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    # One word changed for another of the same length: the file keeps its size, and its
    # modification time is set back (a coarse clock, a copy restored from a backup).
    path.write_text(text.replace("Ātrais ētikas tests", "Ātrais ētikas testi", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    again = FormCache(tmp_path / "cache")
    after = again(path)
    assert again.misses == 1
    assert after.title.lv == "Ātrais ētikas testi"
    assert FormCache(tmp_path / "cache")(path) == after  # and the new entry is used next time


def test_a_form_broken_after_caching_shows_its_problem(tmp_path: Path, forms: Path) -> None:
    path = forms / "quick.yaml"
    FormCache(tmp_path / "cache")(path)
    path.write_text("id: quick\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(FormError, match="YAML"):
        FormCache(tmp_path / "cache")(path)
    catalog = load_catalog([forms], load=FormCache(tmp_path / "cache"))
    assert not catalog.forms and len(catalog.errors) == 1


def test_a_damaged_entry_is_rebuilt(tmp_path: Path, forms: Path) -> None:
    path = forms / "quick.yaml"
    cache = tmp_path / "cache"
    FormCache(cache)(path)
    (entry,) = cache.iterdir()
    header = entry.read_text(encoding="utf-8").partition("\n")[0]
    entry.write_text(header + '\n{"id": "quick", "title": 5', encoding="utf-8")
    again = FormCache(cache)
    assert again(path) == load_form(path)
    assert again.misses == 1
    assert FormCache(cache)(path) == load_form(path)


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, forms: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    cache = FormCache(blocker / "forms")
    assert cache(forms / "quick.yaml") == load_form(forms / "quick.yaml")
    assert blocker.read_text(encoding="utf-8") == "x"
