"""The dilemma deck: the loader's messages for broken cards and the editorial rules of the deck."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ethics_tool import i18n, paths
from ethics_tool.domain.dilemma_loader import (
    Deck,
    DilemmaError,
    deck_dirs,
    load_deck,
    parse_dilemma,
)
from ethics_tool.domain.dilemmas import THEME_IDS, Audience, Dilemma, discussion_questions

DECK_DIR = paths.data_root() / "forms" / "dilemmas"
LATVIAN = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")

GOOD = """\
id: sample
title: {lv: Paraugs, en: Sample}
themes: [T3]
roles:
  - {lv: Deputāts, en: Councillor}
situation: {lv: Kaut kas notika., en: Something happened.}
options:
  - {lv: Viens., en: One.}
  - {lv: Divi., en: Two.}
  - {lv: Trīs., en: Three.}
note: {lv: Piezīme., en: Note.}
references:
  - {kind: law, ref: "Likums, 1. pants"}
"""


@pytest.fixture(autouse=True)
def _english() -> None:
    """The loader's problems are translated; these tests read the English ones."""
    i18n.set_language("en")


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck([DECK_DIR])


def problems(text: str) -> list[str]:
    with pytest.raises(DilemmaError) as info:
        parse_dilemma(text, "card.yaml")
    return [str(p) for p in info.value.problems]


# -- the loader ---------------------------------------------------------------------------------
def test_a_good_card_loads() -> None:
    card = parse_dilemma(GOOD)
    assert card.id == "sample" and card.audience is Audience.ANY
    assert [o.en for o in card.options] == ["One.", "Two.", "Three."]


def test_too_few_options_names_the_line_and_the_rule() -> None:
    text = GOOD.replace("  - {lv: Trīs., en: Three.}\n", "")
    assert problems(text) == ["line 8, options: a card needs 3 or 4 options"]


def test_unknown_theme_and_missing_field_are_both_reported() -> None:
    text = GOOD.replace("themes: [T3]", "themes: [T3, T13]").replace(
        "note: {lv: Piezīme., en: Note.}\n", ""
    )
    found = problems(text)
    assert "line 3, themes: unknown theme id(s) 'T13'; use T1 … T12 as in the forms" in found
    assert "line 1, note: required field is missing" in found


def test_blank_english_text_points_at_its_field() -> None:
    text = GOOD.replace(
        "situation: {lv: Kaut kas notika., en: Something happened.}",
        "situation:\n  lv: Kaut kas notika.\n  en: '  '",
    )
    assert problems(text) == ["line 8, situation.en: text must not be blank"]


def test_a_misspelt_field_is_named() -> None:
    text = GOOD.replace("note:", "notes:")
    found = problems(text)
    assert any(p.startswith("line 11, notes: unknown field") for p in found)


def test_duplicate_key_and_broken_yaml() -> None:
    assert problems(GOOD + "id: again\n")[0].startswith("line 14, (file): invalid YAML")
    assert "duplicate key 'id'" in problems(GOOD + "id: again\n")[0]
    assert problems("- just\n- a list\n") == [
        "(file): the file must contain a mapping (id, title, situation, options…)"
    ]


def test_a_broken_file_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("themes: [T3]", "themes: []"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(GOOD, encoding="utf-8")  # the same id again
    (tmp_path / "d.yaml").write_bytes("id: x\ntitle: {lv: \xff}".encode("latin-1"))
    deck = load_deck([tmp_path, tmp_path / "missing"])
    assert list(deck.cards) == ["sample"]
    messages = [e.first_line for e in deck.errors]
    assert messages[0].startswith(f"{tmp_path / 'b.yaml'}: line 3, themes:")
    assert messages[1] == f"{tmp_path / 'c.yaml'}: id: card id 'sample' already used by " + str(
        tmp_path / "a.yaml"
    )
    assert messages[2].startswith(f"{tmp_path / 'd.yaml'}: (file): not UTF-8 text")


def test_deck_dirs_are_inside_every_forms_folder(tmp_path: Path) -> None:
    assert deck_dirs([tmp_path]) == [tmp_path / "dilemmas"]


# -- the built-in deck --------------------------------------------------------------------------
def test_the_deck_loads_without_problems(deck: Deck) -> None:
    assert not deck.errors, "\n".join(str(e) for e in deck.errors)
    assert len(deck) >= 20


def test_every_theme_has_a_card(deck: Deck) -> None:
    assert deck.themes_covered() == set(THEME_IDS)


def test_the_situations_the_issue_asks_for_are_there(deck: Deck) -> None:
    required = {
        "relative-bid",  # a relative bidding in a procurement
        "developer-invitation",
        "acquaintance-child",
        "festival-gifts",
        "social-media-elections",
        "ngo-grant",
        "confidential-leak",
        "councillor-pressure",
        "whistleblower-colleague",
        "company-board-seat",
    }
    assert required <= set(deck.cards)


def test_councillors_and_staff_both_have_cards(deck: Deck) -> None:
    audiences = [card.audience for card in deck.ordered()]
    assert audiences.count(Audience.COUNCIL) >= 5
    assert audiences.count(Audience.ADMINISTRATION) >= 5


@pytest.mark.parametrize("path", sorted(DECK_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_card_content(path: Path, deck: Deck) -> None:
    card = next(c for c in deck.ordered() if deck.sources[c.id] == path)
    texts = [card.title, card.situation, card.note, *card.roles, *card.options]
    for text in texts:
        assert text.lv != text.en, f"{path.name}: not translated: {text.lv!r}"
    # Latvian written with its letters; English without them except in names and titles of laws.
    assert LATVIAN.search(card.situation.lv) and LATVIAN.search(card.note.lv)
    assert not LATVIAN.search(card.title.en.replace("ā", "")), card.title.en
    assert 3 <= len(card.options) <= 4
    assert len(card.situation.lv.split()) >= 28, "the situation needs enough detail to discuss"
    assert len(card.note.lv.split()) >= 30, "the facilitator's note is too short"
    # file names sort the deck: NN-<id>.yaml
    assert path.stem.split("-", 1)[1] == card.id


def test_search_and_themes(deck: Deck) -> None:
    gifts = deck.search("dāvan")
    assert "festival-gifts" in [c.id for c in gifts]
    assert [c.id for c in deck.search("GIFT", lang="en")][:1] == ["festival-gifts"]
    assert all("T7" in c.themes for c in deck.search(theme_id="T7"))
    assert deck.search("zzz-nothing") == []
    # the weakest theme's cards come first
    ordered = deck.for_themes(["T7", "T4"], limit=10)
    assert ordered[0].themes[0] == "T7" or "T7" in ordered[0].themes
    firsts = [("T7" in c.themes) for c in ordered]
    assert firsts == sorted(firsts, reverse=True)
    assert len(deck.for_themes(["T3"], limit=3)) == 3


def test_four_discussion_questions_in_both_languages() -> None:
    lv, en = discussion_questions("lv"), discussion_questions("en")
    assert len(lv) == len(en) == 4
    assert en[0] == "Which values are at stake?"
    assert all(LATVIAN.search(q) for q in lv)


def test_a_card_is_frozen() -> None:
    card: Dilemma = parse_dilemma(GOOD)
    with pytest.raises(ValueError, match="frozen"):
        card.id = "other"  # type: ignore[misc]
