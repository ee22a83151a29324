"""Reviews sit beside the original score; learner-written text stays literal;
the mood-meter setting; the learner app's menu opens the area."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui_instructor.conftest import MARKUP, Logs, wait_idle
from trainer.core.vocab import INDICATORS
from trainer.exchange.instructor import reviews
from trainer.service import Workspace
from trainer.settings import Settings
from trainer.ui.instructor.tables import texts
from trainer.ui.instructor.window import InstructorWindow


@pytest.fixture
def merged(qtbot: Any, area: InstructorWindow, logs: Logs) -> InstructorWindow:
    area.imports.merge([logs.expert, logs.markup])
    wait_idle(qtbot, area)
    return area


def learner_id(area: InstructorWindow, name: str) -> str:
    return str(
        area.workspace.store.db.execute(
            "select id from learners where display_name = ?", [name]
        ).fetchone()[0]
    )


def test_comment_and_adjusted_score_show_beside_the_original(merged: InstructorWindow) -> None:
    """An adjusted 3.2 score appears next to the untouched original, in the panel,
    the history table and the dashboard; the scores table is not changed."""
    merged.show_learner(learner_id(merged, MARKUP))
    page = merged.attempts
    attempt = page.attempt_id
    assert attempt is not None
    store = merged.workspace.store
    original = int(store.scores(attempt)["3.2"]["score"])
    panel = page.review
    panel.indicator.setCurrentIndex(panel.indicator.findData("3.2"))
    panel.score.setValue(77)
    panel.comment.setPlainText(f"Good recovery. {MARKUP}")
    panel.author.setText("許老師")
    panel.add_button.click()
    assert not panel.error.isVisible()

    assert int(store.scores(attempt)["3.2"]["score"]) == original  # never replaced
    rows = {r[0].split()[0]: r for r in texts(panel.scores)}
    assert rows["3.2"][1] == str(original) and rows["3.2"][2].startswith("77")
    assert rows["3.1"][2] == "—"
    history = texts(page.table)[0]
    col = 5 + INDICATORS.index("3.2")
    assert history[col] == f"77* ({original})"
    assert MARKUP in panel.history.toPlainText() and "許老師" in panel.history.toPlainText()
    assert merged.dashboard.chart.stats["3.2"].mean is not None
    effective = [
        77,
        int(
            store.db.execute(
                "select s.score from scores s join attempts a on a.id = s.attempt_id "
                "join learners l on l.id = a.learner_id where l.display_name = '王小明' "
                "and s.indicator = '3.2'"
            ).fetchone()[0]
        ),
    ]
    assert merged.dashboard.chart.stats["3.2"].mean == round(sum(effective) / 2, 1)
    assert len(reviews(store, attempt)) == 1


def test_empty_review_is_refused_with_a_message(merged: InstructorWindow) -> None:
    merged.show_learner(learner_id(merged, "王小明"))
    panel = merged.attempts.review
    assert panel.submit() is None
    assert panel.error.isVisibleTo(panel) and "comment" in panel.error.text()


def test_markup_in_learner_text_is_shown_literally(merged: InstructorWindow) -> None:
    """A learner named `<b>x</b><img ...>` appears as those characters everywhere."""
    merged.show_learner(learner_id(merged, MARKUP))
    page = merged.attempts
    assert any(
        page.learners.item(i).text().startswith(MARKUP) for i in range(page.learners.count())
    )
    assert MARKUP in page.heading.text()
    assert page.heading.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in page.sheet.toPlainText()  # the sheet escapes it (sheet_html.esc)
    assert texts(merged.dashboard.below)[0][0] == MARKUP
    box = merged.exports.filters.learner_box
    assert box is not None and any(MARKUP in box.itemText(i) for i in range(box.count()))
    for label in merged.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_mood_meter_setting_is_saved(area: InstructorWindow, workspace: Workspace) -> None:
    """Unticking the box hides the mood meter from learners (settings.json)."""
    assert area.settings_page.mood.isChecked()
    area.settings_page.mood.setChecked(False)
    saved = json.loads((workspace.root / "settings.json").read_text(encoding="utf-8"))
    assert saved["show_mood_meter"] is False
    assert Settings.load(workspace.root)["show_mood_meter"] is False


def test_change_pin_needs_the_current_one(area: InstructorWindow, workspace: Workspace) -> None:
    from trainer.exchange.instructor import verify_pin

    page = area.settings_page
    page.old_pin.setText("0000")
    page.new_pin.setText("13579")
    page.again.setText("13579")
    assert not page.change_pin() and verify_pin(workspace.store, "2468")
    page.old_pin.setText("2468")
    page.new_pin.setText("13579")
    page.again.setText("13579")
    assert page.change_pin() and verify_pin(workspace.store, "13579")


def test_learner_app_menu_opens_the_area_and_shares_settings(
    qtbot: Any, data_dir: Path, shown: dict[str, list[Any]]
) -> None:
    """The main window's 教師專區 menu item opens this window; the mood setting
    changed here is the one the learner window reads when starting a case."""
    from trainer.ui.main_window import MainWindow

    ws = Workspace.open(data_dir)
    try:
        main = MainWindow(data_dir, Settings.load(data_dir), workspace=ws)
        qtbot.addWidget(main)
        main.open_instructor_area()
        found = main.findChildren(InstructorWindow)
        assert len(found) == 1 and shown["new_pin"] == [1]
        found[0].settings_page.mood.setChecked(False)
        assert main.settings["show_mood_meter"] is False
        found[0].close()
    finally:
        ws.close()
