"""Benchmarking in the GUI: the export dialog shows the exact file, the collector window, and the
reference on the results page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ethics_tool.benchmark import format as bench
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.test_results import answered

NOVADI = [
    "Ādažu novads",
    "Alūksnes novads",
    "Balvu novads",
    "Bauskas novads",
    "Cēsu novads",
    "Dobeles novads",
]


def test_export_dialog_shows_exactly_what_is_saved(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    assessment_id = answered(services, "Cēsu novads", level=2)
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    assert window.benchmark.export_action.isEnabled()
    from ethics_tool.gui.benchmark_export import BenchmarkExportDialog

    dialog = BenchmarkExportDialog(services, assessment_id, window)
    assert dialog.type_combo.currentData() == "novads"  # known from the list of municipalities
    assert "Cēsu" not in dialog.preview.toPlainText()
    assert '"questions": null' in dialog.preview.toPlainText()
    dialog.name_box.setChecked(True)
    dialog.questions_box.setChecked(True)
    shown = dialog.preview.toPlainText()
    assert '"municipality": "Cēsu novads"' in shown and '"T1.Q1"' in shown
    path = tmp_path / "cesis.etbench"
    dialog.save(path)
    assert path.read_text(encoding="utf-8") == shown
    assert bench.read_document(path)[0].municipality == "Cēsu novads"

    saved = window.benchmark.export(tmp_path / "plain.etbench", accept=True)
    assert saved is not None and "Cēsu" not in saved.read_text(encoding="utf-8")


def test_collector_window_import_publish_and_compare(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    files = []
    for index, name in enumerate(NOVADI):
        aid = answered(services, name, level=index % 4, assessed_on=date(2026, 3, 1))
        path = tmp_path / f"{index}.etbench"
        services.export_benchmark(services.benchmark_submission(aid, size_class="lt20k"), path)
        files.append(path)
    window.home.refresh()
    page = window.benchmark.open()
    assert page is not None and window.benchmark.window is not None
    assert page.part_combo.count() == 0 and not page.publish_button.isEnabled()
    page.import_files(files[:4])
    assert (
        "nothing can be shown" in page.suppressed.text() or "neko nevar" in page.suppressed.text()
    )
    assert page.group_combo.count() == 0 and page.table.rowCount() == 0
    page.import_files(files)  # four again (already in the set) and two new
    assert page.part_combo.count() == 1
    groups = [page.group_combo.itemData(i) for i in range(page.group_combo.count())]
    assert groups == ["all", "type:novads", "size:lt20k"]
    assert page.table.rowCount() == 1 + len(services.form("quick").themes)  # overall + themes
    assert page.table.item(0, 1).text() == "6"
    assert page.chart.data.bands and page.chart.data.bands[0] is not None

    reference = tmp_path / "reference.etbench"
    page.publisher.setText("LPS")
    assert page.publish(reference)
    assert page.load_reference(reference)

    own = answered(services, "Ogres novads", level=3)
    window.home.refresh()
    window.open_assessment(own, "results")
    text = window.results.findChild(QLabel, "benchmarkText")
    assert text is not None and not text.isHidden()
    assert "6 novadu" in text.text()
    assert any(b is not None for b in window.results.summary.bars.data.bands)
    assert any("mediāna" in s.name for s in window.results.summary.radar.data.series)

    bad = tmp_path / "bad.etbench"
    bad.write_text(files[0].read_text(encoding="utf-8").replace('"lt20k"', '"50k+"'))
    page.import_files([bad])
    assert dialogs.errors and "kontrolsumma" in dialogs.errors[-1][1]
