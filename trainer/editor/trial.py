"""Play-test and expert-path recording: an attempt that is never a learner's.

The attempt runs through the normal `AttemptRunner` (so the play screen works
unchanged) on a throw-away in-memory database: nothing reaches the data folder's
`trainer.db`, no learner sees it, no export or dashboard counts it. Play-test can
start at any step: the case's own expert path is played up to that step first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.autoplay import ExpertPathError, ExpertPolicy
from trainer.core.engine import Action, Event
from trainer.core.loader import LoadedCase
from trainer.service import AttemptRunner, with_intros
from trainer.store.db import Store, open_memory

STEP_ORDER = ("questioning", "clarifying", "resolving", "feedback", "reflecting")
TRIAL_LEARNER = "案例試玩 Case trial"


@dataclass
class Trial:
    runner: AttemptRunner
    turns: list[tuple[str, list[Event]]] = field(default_factory=list)
    #: Why the trial could not reach the chosen step ('' when it did).
    stopped: str = ""


def start_trial(loaded: LoadedCase, lang: str = "zh-TW", from_step: str = "questioning") -> Trial:
    """A practice attempt in memory, advanced along the expert path to `from_step`."""
    if from_step not in STEP_ORDER:
        raise ValueError(f"unknown step '{from_step}'")
    store = Store(open_memory())
    learner = store.create_learner(TRIAL_LEARNER)
    runner = AttemptRunner.start(store, loaded, learner, mode="practice", lang=lang)
    trial = Trial(runner)
    target = STEP_ORDER.index(from_step)
    policy = ExpertPolicy(lang)
    while not runner.finished and STEP_ORDER.index(runner.session.state.step) < target:
        step = runner.session.state.step
        try:
            action = policy.next_action(runner.session)
        except ExpertPathError as exc:
            trial.stopped = str(exc)
            break
        events = runner.act(action)
        trial.turns.append((step, with_intros(runner.session, events)))
    return trial


def recorded_path(runner: AttemptRunner) -> list[str]:
    """The option ids chosen in the attempt, in order, with the report's root cause."""
    path: list[str] = []
    for row in runner.store.iter_actions(runner.attempt_id):
        action = Action.from_dict(row)
        if action.name == "choose" and action.option_id:
            path.append(action.option_id)
        elif action.name == "report":
            root = action.payload.get("root_cause")
            if root:
                path.append(str(root))
    return path
