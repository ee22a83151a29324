"""Write docs/screenshots/instructor-dashboard.png (and instructor-learners.png).

A throwaway data dir with a class of learners who play a few cases (expert,
random and worst policies), then the instructor window is grabbed offscreen:
    .venv/bin/python scripts/instructor_screenshot.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)  # a school laptop (issue 14)
CLASS = (
    ("陳怡君", "S1120315", "觀光二甲", "expert"),
    ("林冠宇", "S1120302", "觀光二甲", "random"),
    ("黃詩涵", "S1120327", "觀光二甲", "random"),
    ("張家豪", "S1120311", "觀光二甲", "worst"),
    ("王心妤", "S1120320", "觀光二甲", "random"),
    ("李宗翰", "S1120305", "觀光二甲", "expert"),
)
CASES = ("beitou-hot-spring-cold-water", "hsr-transfer-pickup", "airport-pickup-no-show")


def build_class(root: Path) -> None:
    from trainer.core.autoplay import policy_for
    from trainer.service import AttemptRunner, Workspace

    workspace = Workspace.open(root)
    store = workspace.store
    for n, (name, number, klass, style) in enumerate(CLASS):
        learner = store.create_learner(name, number, klass)
        for k, case_id in enumerate(CASES):
            if case_id not in workspace.library.cases:
                continue
            policy = policy_for("random" if (n + k) % 3 == 2 else style, seed=n * 7 + k)
            runner = AttemptRunner.start(store, workspace.library.get(case_id), learner, "practice")
            while not runner.finished:
                runner.act(policy.next_action(runner.session), think_ms=6000 + 900 * n)
    # Played in milliseconds here; spread them over a week of lessons, 9-16 minutes each.
    store.db.execute(
        "update attempts set started_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', finished_at, "
        "'-' || (540 + (rowid * 97) % 420) || ' seconds', '-' || (rowid % 6) || ' days'), "
        "finished_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', finished_at, '-' || (rowid % 6) || ' days')"
    )
    store.db.conn.commit()
    workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtTest import QTest

    from trainer.exchange.instructor import add_review, set_pin
    from trainer.service import Workspace
    from trainer.settings import Settings
    from trainer.ui import app as appmod
    from trainer.ui.instructor import open_instructor_area, pin_dialog
    from trainer.ui.instructor.tables import row_id

    qapp = appmod.create_app(["instructor-screenshot"])
    family, _problem = appmod.setup_fonts()
    appmod.apply_style(qapp, 1.0, family)

    root = Path(tempfile.mkdtemp(prefix="trainer-instructor-shot-"))
    build_class(root)
    workspace = Workspace.open(root)
    set_pin(workspace.store, "2468")
    pin_dialog.ask_pin = lambda parent: "2468"  # type: ignore[assignment]
    attempt = workspace.store.db.execute(
        "select a.id from attempts a join learners l on l.id = a.learner_id "
        "where l.display_name = '張家豪' order by a.started_at limit 1"
    ).fetchone()[0]
    add_review(
        workspace.store,
        attempt,
        comment="釐清時有先複述客人的需求，給予部分分數。",
        adjusted_score=55,
        indicator="3.2",
        author="許老師",
    )

    window = open_instructor_area(None, workspace)
    assert window is not None
    window.settings_page.settings = Settings(None)  # never write a settings file here
    window.resize(*SIZE)
    QTest.qWait(600)
    path = out / "instructor-dashboard.png"
    window.grab().save(str(path))
    print(path)
    window.show_learner(
        str(
            workspace.store.db.execute(
                "select learner_id from attempts where id = ?", [attempt]
            ).fetchone()[0]
        )
    )
    table = window.attempts.table
    reviewed = next(r for r in range(table.rowCount()) if row_id(table, r) == attempt)
    table.setCurrentCell(reviewed, 0)  # the attempt with the review, beside its original
    QTest.qWait(600)
    path = out / "instructor-learners.png"
    window.grab().save(str(path))
    print(path)
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
