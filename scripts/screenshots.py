"""Write screenshots of the main screens to docs/screenshots/*.png (for the README).

Runs offscreen on a throwaway data dir with a few learners and attempts:
    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
    .venv/bin/python scripts/screenshots.py --lang en   # only docs/screenshots/play-en.png
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

CASE_ID = "beitou-hot-spring-cold-water"
SIZE = (1366, 768)


def settle(ms: int = 700) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument(
        "--lang",
        choices=("zh-TW", "en"),
        default="zh-TW",
        help="UI language; 'en' writes only the play screen, as play-en.png",
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from trainer.core.autoplay import ExpertPolicy, RandomPolicy, WorstPolicy
    from trainer.service import AttemptRunner, Workspace
    from trainer.settings import Settings
    from trainer.ui import app as appmod
    from trainer.ui import dialogs

    qapp = appmod.create_app(["screenshots"])
    family, problem = appmod.setup_fonts()
    appmod.apply_style(qapp, 1.0, family)
    english = args.lang == "en"
    if english and not appmod.install_translator(qapp, "en"):
        raise SystemExit("resources/translations/trainer_en.qm is missing")
    dialogs.ask = lambda *a: False  # type: ignore[assignment]

    from trainer.ui.main_window import MainWindow

    root = Path(tempfile.mkdtemp(prefix="trainer-shots-"))
    workspace = Workspace.open(root)
    store = workspace.store
    learner = store.create_learner("陳怡君", "S1120315", "觀光二甲")
    for name, no, klass in (("林冠宇", "S1120302", "觀光二甲"), ("黃詩涵", "S1120327", "餐旅二乙")):
        store.create_learner(name, no, klass)
    # Past attempts feed the library's best scores and the history trend.
    for seed in (3, 11, 5):
        for loaded in workspace.library.sorted_cases()[:3]:
            runner = AttemptRunner.start(store, loaded, learner, "practice")
            policy = RandomPolicy(seed)
            while not runner.finished:
                runner.act(policy.next_action(runner.session), think_ms=8000)
    settings = Settings.load(root)
    settings["language"] = args.lang
    window = MainWindow(root, settings, workspace=workspace, font_problem=problem)
    window.resize(*SIZE)  # 1366x768, the most common classroom laptop
    window.show()
    settle()

    def shot(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    if not english:
        window.show_profiles()
        shot("profiles")
    window.choose_learner(learner)
    if not english:
        shot("library")

    window.start_case(CASE_ID, "practice")
    play = window.play
    policy = ExpertPolicy()
    for _ in range(9):
        action = policy.next_action(play.runner.session)  # type: ignore[union-attr]
        if action.name == "choose" and action.option_id == "p_accurate":
            play.options.select_index(0)
            play.options.free_text.setText(
                "Apologise first, then check I understood"
                if english
                else "先跟兩位道歉，再確認我理解得對不對"
            )
        play._act(action)
    play.options.select_index(1)
    shot("play-en" if english else "play")
    if english:
        window.close()
        workspace.close()
        return 0

    while play.runner is not None and play.action_area.currentWidget() is not play.report:
        play._act(policy.next_action(play.runner.session))
    form = play.report
    form.cause_buttons["rc_no_notice"].setChecked(True)
    form.recipient_boxes["engineering"].setChecked(True)
    form.preventive.setPlainText("工務部安排保養前一天先通知櫃檯，入住時主動告知並準備替代房型。")
    shot("report-form")
    while play.runner is not None and not play.runner.finished:
        play._act(policy.next_action(play.runner.session))
    shot("sheet")
    window.sheet.browser.verticalScrollBar().setValue(900)
    shot("sheet-details")

    window.show_history()
    shot("history")

    # The escalation moment: a blaming reply in 3.1 makes the customer ask for a manager.
    window.start_case(CASE_ID, "practice")
    worst = WorstPolicy()
    while play.runner is not None and not play.runner.session.state.escalated:
        play._act(worst.next_action(play.runner.session))
    shot("play-escalated")
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
