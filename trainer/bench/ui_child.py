"""The desktop window, measured in a fresh process (offscreen): startup and play.

- `startup_bare`: the baseline, a bare PySide6 QMainWindow shown; reports the wall
  clock when the event loop is first idle.
- `startup_app`: the real `trainer.ui.app.run()`, unchanged. Its QApplication class is
  swapped for a subclass whose exec() first queues the idle probes, so what runs is
  exactly what `main.py` runs. Reports when the window is first idle after show, and
  when the case library and database have loaded and the first page is up.
- `play`: the real MainWindow at 1366×768 (the common classroom laptop); options are
  clicked and confirmed like a learner does, timing each click until the screen has
  been updated (events and paints flushed).
- `resume_long`: an unfinished attempt of 60 decisions (a library case with extra
  questions, so 60 choices fit before the case ends) is reopened in the window, timed
  from the call until the screen is updated.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any


def _finish(result: dict[str, Any]) -> None:
    """Print the answer and leave at once: teardown is not part of startup."""
    import json

    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    os._exit(0)


def startup_bare(args: list[str]) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: _finish({"idle": time.time()}))
    app.exec()
    return {}


def startup_app(args: list[str]) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from trainer.ui import app as app_module

    marks: dict[str, Any] = {}

    def ready() -> None:
        marks["ready"] = time.time()
        _finish(marks)

    def idle() -> None:
        marks["idle"] = time.time()
        window = next(
            (w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"), None
        )
        loader = getattr(window, "loader", None)
        if window is None or loader is None:
            _finish(marks)
        elif getattr(window, "workspace", None) is not None:
            ready()
        else:
            # Connected after the window's own slot, so this runs once the page is up.
            loader.loaded.connect(lambda _ws: QTimer.singleShot(0, ready))
            loader.failed.connect(lambda message, _details: _fail(message))

    class ProbedApplication(QApplication):
        def exec(self) -> int:  # type: ignore[override]
            QTimer.singleShot(0, idle)
            return super().exec()

    app_module.QApplication = ProbedApplication  # type: ignore[attr-defined]
    app_module.run([sys.argv[0], "--data-dir", args[0]])
    _fail("the app's event loop ended before it was idle")
    return {}


def _fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)
    os._exit(3)


class _Dialogs:
    """No modal may block the bench: any dialog is recorded and fails the run."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def install(self) -> None:
        from trainer.ui import dialogs

        def record(kind: str) -> Any:
            def shown(*args: Any, **_kw: Any) -> None:
                self.seen.append(f"{kind}: {[a for a in args if isinstance(a, str)]}")

            return shown

        for name in ("ask", "info", "error"):
            setattr(dialogs, name, record(name))


def _settle(app: Any) -> None:
    """Run the event loop until it is idle: layouts done and paints flushed."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(2):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    app.sendPostedEvents()


def play(args: list[str]) -> dict[str, Any]:
    """Play `args[1]` option clicks through the real window on data dir `args[0]`."""
    from trainer.bench.stats import peak_rss_mb
    from trainer.core.autoplay import ExpertPolicy, Policy, RandomPolicy
    from trainer.service import Workspace
    from trainer.settings import Settings
    from trainer.ui import app as app_module
    from trainer.ui.main_window import MainWindow
    from trainer.ui.widgets.options import ADVANCE

    root, steps = Path(args[0]), int(args[1])
    dialogs = _Dialogs()
    dialogs.install()
    app = app_module.create_app([sys.argv[0]])
    app_module.setup_logging(root)
    settings = Settings.load(root)
    family, problem = app_module.setup_fonts()
    app_module.apply_style(app, float(settings["font_scale"]), family)
    workspace = Workspace.open(root, writer=True)
    window = MainWindow(root, settings, workspace=workspace, font_problem=problem)
    window.resize(1366, 768)
    window.show()
    _settle(app)
    window.create_learner("效能測試 Bench", "B00000001", "bench")
    _settle(app)

    case_ids = sorted(workspace.library.cases)
    clicks: list[float] = []
    sheets: list[float] = []
    attempt = 0
    while len(clicks) < steps:
        case_id = case_ids[attempt % len(case_ids)]
        policy: Policy = ExpertPolicy() if attempt % 2 == 0 else RandomPolicy(attempt)
        attempt += 1
        window.start_case(case_id, "practice")
        _settle(app)
        page = window.play
        while page.runner is not None and not page.runner.finished and len(clicks) < steps:
            action = policy.next_action(page.runner.session)
            before = page.runner.session.state.decisions
            if action.name in ("choose", "advance"):
                target = ADVANCE if action.name == "advance" else action.option_id
                button = next(b for b in page.options.buttons if b.view.option_id == target)
                start = time.perf_counter()
                button.click()  # select the option, as a mouse click does
                page.options.send.click()  # and confirm it
                _settle(app)
                clicks.append((time.perf_counter() - start) * 1000.0)
            elif action.name == "report":
                p = action.payload
                page.report.submitted.emit(
                    p["root_cause"], p["recipients"], p["preventive"], p["profile_note"]
                )
            else:
                start = time.perf_counter()
                page.reflection.submitted.emit(
                    action.payload["answers"], action.payload["self_ratings"]
                )
                _settle(app)  # the attempt ends: the reflection sheet is built and shown
                sheets.append((time.perf_counter() - start) * 1000.0)
            if dialogs.seen:
                raise RuntimeError(f"the window showed a dialog: {dialogs.seen[0]}")
            if page.runner is not None and page.runner.session.state.decisions != before + 1:
                raise RuntimeError(f"a {action.name} did not reach the store")
        _settle(app)
    result = {
        "clicks_ms": clicks,
        "sheets_ms": sheets,
        "attempts": attempt,
        "peak_rss_mb": peak_rss_mb(),
    }
    _finish(result)
    return result


LONG_CASE = "bench-long-attempt"
LONG_DECISIONS = 60


def _idle_for(app: Any, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    _settle(app)


def write_long_case(root: Path) -> None:
    """A copy of a library case with 56 extra questions (no facts, no mood or time
    change), installed as a user case, so one attempt can hold 60 decisions."""
    import copy

    import yaml

    from trainer.paths import builtin_cases_dir, user_cases_dir

    source = builtin_cases_dir() / "beitou-hot-spring-cold-water.yaml"
    case = yaml.safe_load(source.read_text(encoding="utf-8"))
    case["id"] = LONG_CASE
    questions = case["steps"]["questioning"]["questions"]
    base = questions[0]
    for i in range(56):
        extra = copy.deepcopy(base)
        extra.update(id=f"q_bench_{i:02d}", reveals=[], mood=0, minutes=0, quality="good")
        extra["text"] = {
            "zh-TW": f"{base['text']['zh-TW']}（{i + 1}）",
            "en": f"{base['text']['en']} ({i + 1})",
        }
        questions.append(extra)
    folder = user_cases_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{LONG_CASE}.yaml").write_text(
        yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def resume_long(args: list[str]) -> dict[str, Any]:
    """Reopen a 60-decision attempt `args[1]` times in the window on data dir `args[0]`."""
    from trainer.core.autoplay import ExpertPolicy
    from trainer.core.engine import Action
    from trainer.service import AttemptRunner, Workspace
    from trainer.settings import Settings
    from trainer.ui import app as app_module
    from trainer.ui.main_window import MainWindow

    root, repeats = Path(args[0]), int(args[1])
    write_long_case(root)
    dialogs = _Dialogs()
    dialogs.install()
    app = app_module.create_app([sys.argv[0]])
    settings = Settings.load(root)
    family, problem = app_module.setup_fonts()
    app_module.apply_style(app, float(settings["font_scale"]), family)
    workspace = Workspace.open(root, writer=True)
    if LONG_CASE not in workspace.library.cases:
        raise RuntimeError(f"the long bench case did not load: {workspace.library.broken}")
    learner = workspace.store.create_learner("效能測試 Bench", "B00000002", "bench")
    runner = AttemptRunner.start(workspace.store, workspace.library.get(LONG_CASE), learner)
    expert = ExpertPolicy()
    while runner.session.state.decisions < LONG_DECISIONS:
        extra = [o for o in runner.session.available_options() if o.id.startswith("q_bench")]
        runner.act(Action.choose(extra[0].id) if extra else expert.next_action(runner.session))
        if runner.finished:
            raise RuntimeError("the long attempt finished before 60 decisions")
    window = MainWindow(root, settings, workspace=workspace, font_problem=problem)
    window.resize(1366, 768)
    window.show()
    _settle(app)
    _idle_for(app, 0.8)  # as after a restart: the window builds the play page when idle
    window.learner = workspace.store.learner(learner)
    times: list[float] = []
    for _ in range(repeats + 1):  # the first also fills the option rows: reported apart
        window.show_library()
        _settle(app)
        start = time.perf_counter()
        window.resume_attempt(runner.attempt_id)
        _settle(app)
        times.append((time.perf_counter() - start) * 1000.0)
        if dialogs.seen:
            raise RuntimeError(f"the window showed a dialog: {dialogs.seen[0]}")
        conversation = window.play.conversation
        shown = sum(1 for kind, _ in conversation.entries if kind == "learner")
        if shown + conversation.hidden_decisions != LONG_DECISIONS:
            raise RuntimeError(f"the resumed conversation holds {shown} decisions, not 60")
    result = {"resume_ms": times[1:], "first_ms": times[0]}
    _finish(result)
    return result
