"""The pseudo-locale lengthens every text and keeps what must survive translation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ethics_tool import i18n, pseudo_locale


@pytest.fixture
def pseudo() -> Iterator[None]:
    pseudo_locale.set_active(True)
    yield
    pseudo_locale.set_active(False)


def test_every_kind_of_text_is_longer_and_bracketed(pseudo: None) -> None:
    i18n.set_language("en")
    saved = i18n.t("Saved")
    assert saved.startswith("[") and saved.endswith("]")
    assert len(saved) >= len("Saved") * 1.4
    assert "Šāvēd" in saved  # accents show which texts went through the translation layer
    question = i18n.t("Question {n} of {total}", n=3, total=93)
    assert "3" in question and "93" in question and question.endswith("]")
    plural = i18n.nt("{count} respondent", "{count} respondents", 21)
    assert plural.startswith("[21 ")
    assert i18n.mode_label("consensus").startswith("[Čoņšēņšūš")


def test_placeholders_and_markup_are_kept() -> None:
    text = pseudo_locale.pseudo("<b>{name}</b> &amp; Co")
    assert "<b>{name}</b>" in text and "&amp;" in text
    assert text.format(name="Līga").count("Līga") == 1


def test_off_means_the_plain_text() -> None:
    pseudo_locale.set_active(False)
    assert i18n.t("Saved", "en") == "Saved"
