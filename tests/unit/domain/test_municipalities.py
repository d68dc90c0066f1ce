"""The one reader of resources/municipalities.json: strict about each entry, never fatal."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from ethics_tool.benchmark.format import municipality_type_of
from ethics_tool.domain.municipalities import (
    Municipality,
    find_municipality,
    municipalities,
    read_municipalities,
)


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "municipalities.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shipped_list_has_the_42_municipalities_with_types() -> None:
    entries = municipalities()
    assert len(entries) == 42
    assert {entry.type for entry in entries} == {"valstspilseta", "novads"}
    assert sum(entry.type == "valstspilseta" for entry in entries) == 7
    assert all(entry.lv and entry.en and entry.id for entry in entries)


def test_entries_that_do_not_fit_are_named_in_the_log_and_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(
        tmp_path,
        {
            "municipalities": [
                {"id": "a", "lv": " Ādažu novads ", "en": "Ādaži Municipality", "type": "novads"},
                "Bauskas novads",  # not an object
                {"en": "Cēsis Municipality"},  # no Latvian name
                {"lv": "   "},  # an empty one
                {"lv": "Dienvidkurzemes novads", "type": 3},  # a type that is not text
                {"lv": "Ādažu novads", "en": "again"},  # the same name twice: the first counts
                {"lv": "Rīga"},  # only the name: the rest is empty
            ]
        },
    )
    with caplog.at_level(logging.WARNING, logger="ethics_tool.domain.municipalities"):
        entries = read_municipalities(path)
    assert entries == (
        Municipality(lv="Ādažu novads", en="Ādaži Municipality", type="novads", id="a"),
        Municipality(lv="Rīga"),
    )
    warnings = [record.getMessage() for record in caplog.records]
    assert [w.split(": ", 1)[1] for w in warnings] == [
        'municipalities[1] has no Latvian name ("lv")',
        'municipalities[2] has no Latvian name ("lv")',
        'municipalities[3] has no Latvian name ("lv")',
        "municipalities[4]: type must be text",
    ]
    assert all(w.startswith(str(path)) for w in warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        (json.dumps(["Rīga"]), 'expected a list under "municipalities"'),
        (json.dumps({"municipalities": {"lv": "Rīga"}}), 'expected a list under "municipalities"'),
    ],
)
def test_an_unusable_file_gives_an_empty_list(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str, message: str
) -> None:
    path = tmp_path / "municipalities.json"
    path.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ethics_tool.domain.municipalities"):
        assert read_municipalities(path) == ()
    assert message in caplog.text and str(path) in caplog.text


def test_a_missing_file_is_no_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert read_municipalities(tmp_path / "none.json") == ()
    assert not caplog.records


def test_a_name_is_found_in_latvian_or_english_whatever_the_case() -> None:
    known = (Municipality(lv="Līvānu novads", en="Līvāni Municipality", type="novads"),)
    assert find_municipality("  līvānu NOVADS ", known) == known[0]
    assert find_municipality("Līvāni municipality", known) == known[0]
    assert find_municipality("Līvāni", known) is None
    assert find_municipality("", known) is None


def test_the_benchmark_type_comes_from_the_list_or_the_name() -> None:
    assert municipality_type_of("Jelgava") == "valstspilseta"
    assert municipality_type_of("jelgavas novads") == "novads"
    assert municipality_type_of("Daugavpils") == "valstspilseta"
    assert municipality_type_of("Jaunais novads") == "novads"  # not in the list: by its name
    assert municipality_type_of("Kāda pilsēta") is None
