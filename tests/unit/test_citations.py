"""References read in the reader's language: principles, framework labels, old snapshots."""

from __future__ import annotations

from ethics_tool.domain.citations import by_kind, principle_numbers, reference_text
from ethics_tool.domain.questionnaire import Reference, ReferenceKind, Text


def test_numbered_principles_in_both_languages() -> None:
    assert principle_numbers("P4, P8") == [4, 8]
    assert principle_numbers("Principle 1, Principle 3, Principle 6") == [1, 3, 6]
    assert principle_numbers("Public Integrity Maturity Models (Enforcement)") is None
    oecd = Reference(kind=ReferenceKind.OECD, ref="Principle 1, Principle 3, Principle 6")
    assert reference_text(oecd, "lv") == "1., 3. un 6. princips"
    assert reference_text(oecd, "en") == "Principles 1, 3 and 6"
    coe = Reference(kind=ReferenceKind.COE, ref="P4")
    assert (reference_text(coe, "lv"), reference_text(coe, "en")) == ("4. princips", "Principle 4")


def test_a_label_is_shown_in_the_readers_language() -> None:
    ref = Reference(
        kind=ReferenceKind.FRAMEWORK, ref="KS Folkevalgtprogram", label=Text(lv="Latviski", en="En")
    )
    assert (reference_text(ref, "lv"), reference_text(ref, "en")) == ("Latviski", "En")


def test_an_old_snapshot_without_labels_reads_as_todays_built_in_forms() -> None:
    """Forms before 2.0.1 had no labels: the same ref gets the built-in label."""
    old = Reference(kind=ReferenceKind.FRAMEWORK, ref="KS Råd for etikkarbeid (Råd 3)")
    assert "Råd" not in reference_text(old, "lv")
    assert reference_text(old, "lv").startswith("KS (Norvēģijas pašvaldību asociācija)")
    assert "advice 3" in reference_text(old, "en")
    unknown = Reference(kind=ReferenceKind.FRAMEWORK, ref="Pašu ietvars")
    assert reference_text(unknown, "lv") == "Pašu ietvars"


def test_principles_of_one_kind_are_merged() -> None:
    refs = [
        Reference(kind=ReferenceKind.COE, ref="P8"),
        Reference(kind=ReferenceKind.OECD, ref="Principle 4"),
        Reference(kind=ReferenceKind.COE, ref="P4"),
        Reference(kind=ReferenceKind.LAW, ref="Trauksmes celšanas likums", url="https://likumi.lv"),
    ]
    groups = dict(by_kind(refs, "lv"))
    assert groups[ReferenceKind.COE] == [("4. un 8. princips", None)]
    assert groups[ReferenceKind.OECD] == [("4. princips", None)]
    assert groups[ReferenceKind.LAW] == [("Trauksmes celšanas likums", "https://likumi.lv")]


def test_every_framework_reference_of_the_built_in_forms_has_a_label() -> None:
    """Framework names are English or Norwegian: the built-in forms say them in both languages."""
    from ethics_tool.domain.loader import load_form
    from ethics_tool.paths import data_root

    for path in sorted((data_root() / "forms").glob("*.yaml")):
        form = load_form(path)
        refs = [r for theme in form.themes for r in theme.references]
        refs += [r for _, question in form.iter_questions() for r in question.references]
        missing = {r.ref for r in refs if r.kind is ReferenceKind.FRAMEWORK and r.label is None}
        assert not missing, f"{path.name}: framework references without a label: {missing}"
