"""Running an attempt: the engine and the store together.

The one rule: a decision is committed to the database before anyone sees its
result. `AttemptRunner.act` applies the action to a copy of the session, writes the
decision (and whatever it implies) in one transaction, and only then adopts the new
state and returns the events. If the write fails, the session is unchanged.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core import reflection
from trainer.core.clean_text import clean_value, strip_controls
from trainer.core.engine import Action, Event, IllegalAction, Session, new_order_seed
from trainer.core.loader import Library, LoadedCase, load_library
from trainer.core.scoring import ScoreCard, score_session
from trainer.core.sheet import ReflectionSheet, build_sheet
from trainer.core.vocab import STEP_INDICATOR
from trainer.paths import case_cache_dir, case_folders
from trainer.store.attempt_rows import completion_rows, report_rows
from trainer.store.db import DecisionRecord, Store, StoreError
from trainer.store.lock import WriterLock
from trainer.store.recovery import after_attempt_completed, open_store


class ResumeError(StoreError):
    pass


@dataclass
class Workspace:
    """A data directory opened: its database and its case library.

    `notices` are plain sentences for the user (e.g. "the database was damaged and
    restored from a backup"). `writer=True` takes the data folder's writer lock
    (trainer.store.lock) for the workspace's lifetime: the app and CLI writers use it.
    """

    root: Path
    store: Store
    library: Library
    notices: list[str] = field(default_factory=list)
    lock: WriterLock | None = None

    @classmethod
    def open(cls, root: Path, *, writer: bool = False) -> Workspace:
        root.mkdir(parents=True, exist_ok=True)
        lock = WriterLock.acquire(root) if writer else None
        try:
            store, notices = open_store(root, lock_held=writer)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        library = load_library(case_folders(root), case_cache_dir(root))
        return cls(root=root, store=store, library=library, notices=notices, lock=lock)

    def close(self) -> None:
        self.store.close()
        if self.lock is not None:
            self.lock.release()


class AttemptRunner:
    def __init__(self, store: Store, loaded: LoadedCase, attempt_id: str, session: Session) -> None:
        self.store = store
        self.loaded = loaded
        self.attempt_id = attempt_id
        self.session = session
        self.last_decision_id: str | None = None
        reflection.prepare(loaded.case)

    @property
    def case(self):  # type: ignore[no-untyped-def]
        return self.loaded.case

    @classmethod
    def start(
        cls,
        store: Store,
        loaded: LoadedCase,
        learner_id: str,
        mode: str = "practice",
        lang: str = "zh-TW",
        order_seed: int | None = None,
    ) -> AttemptRunner:
        """Start an attempt; `order_seed` None draws a fresh option order."""
        case = loaded.case
        seed = new_order_seed() if order_seed is None else order_seed
        session = Session(case, order_seed=seed)
        attempt_id = store.start_attempt(
            learner_id=learner_id,
            case_id=case.id,
            case_version=case.version,
            case_digest=loaded.digest,
            case_title=case.title.get(lang),
            mode=mode,
            lang=lang,
            mood=session.state.mood,
            authority=session.state.authority,
            order_seed=seed,
        )
        return cls(store, loaded, attempt_id, session)

    @classmethod
    def resume(cls, store: Store, library: Library, attempt_id: str) -> AttemptRunner:
        attempt = store.attempt(attempt_id)
        if attempt["status"] != "in_progress":
            raise ResumeError(f"attempt {attempt_id} is already {attempt['status']}")
        if attempt["case_id"] not in library.cases:
            raise ResumeError(
                f"case '{attempt['case_id']}' of attempt {attempt_id} is not installed"
            )
        loaded = library.get(attempt["case_id"])
        actions = [Action.from_dict(a) for a in store.iter_actions(attempt_id)]
        try:
            session = Session.replay(loaded.case, actions, order_seed=attempt.get("order_seed"))
        except IllegalAction as exc:
            raise ResumeError(
                f"attempt {attempt_id} cannot be replayed on the current version of "
                f"case '{loaded.case.id}' ({exc})"
            ) from None
        return cls(store, loaded, attempt_id, session)

    @property
    def finished(self) -> bool:
        return self.session.state.finished

    def scorecard(self) -> ScoreCard:
        return score_session(self.case, self.session.state)

    def act(self, action: Action, think_ms: int = 0) -> list[Event]:
        # Typed text loses control characters before the engine or the log sees it.
        if action.free_text or action.payload:
            action = dataclasses.replace(
                action,
                free_text=strip_controls(action.free_text) if action.free_text else None,
                payload=clean_value(action.payload),
            )
        trial = Session(self.case, self.session.state.copy())
        before = trial.state
        step, mood_before = before.step, before.mood
        events = trial.apply(action)
        state = trial.state
        quality = None
        if action.option_id:
            quality = trial.quality_of(action.option_id).value
        record = DecisionRecord(
            attempt_id=self.attempt_id,
            seq=state.decisions,
            step=step,
            indicator=STEP_INDICATOR[step],
            action=action.to_dict(),
            quality=quality,
            think_ms=max(0, int(think_ms)),
            mood_before=mood_before,
            mood_after=state.mood,
            sim_minute=state.minutes,
            cost_total=state.cost,
            facts_found=len(state.facts),
        )
        update: dict[str, object] = {
            "step": state.step,
            "mood": state.mood,
            "sim_minutes": state.minutes,
            "cost": state.cost,
            "authority": state.authority,
            "decisions": state.decisions,
            "outcome": state.outcome,
            "escalated": int(state.escalated),
        }
        extra: dict[str, list[dict[str, object]]] = {}
        if action.name == "report" and state.report is not None:
            extra.update(report_rows(self.attempt_id, state.report))
        if state.finished and state.reflection is not None:
            card = score_session(self.case, state)
            rows, done = completion_rows(self.attempt_id, state.reflection, card)
            extra.update(rows)
            update.update(done)
        self.last_decision_id = self.store.record_decision(record, update, extra)
        self.session = trial
        if update.get("status") == "completed":
            after_attempt_completed(self.store)  # throttled backup; never raises
        return events


def open_workspace(root: Path) -> Workspace:
    return Workspace.open(root)


__all__ = [
    "AttemptRunner",
    "ResumeError",
    "Workspace",
    "load_library",
    "load_sheet",
    "open_workspace",
    "replay_attempt",
]


def replay_attempt(workspace: Workspace, attempt_id: str) -> tuple[LoadedCase, Session]:
    """Rebuild an attempt's session (finished or not) from its logged decisions."""
    attempt = workspace.store.attempt(attempt_id)
    case_id = attempt["case_id"]
    if case_id not in workspace.library.cases:
        raise ResumeError(f"case '{case_id}' of attempt {attempt_id} is not installed")
    loaded = workspace.library.get(case_id)
    actions = [Action.from_dict(a) for a in workspace.store.iter_actions(attempt_id)]
    try:
        return loaded, Session.replay(loaded.case, actions, order_seed=attempt.get("order_seed"))
    except IllegalAction as exc:
        raise ResumeError(
            f"attempt {attempt_id} does not replay on case '{case_id}': {exc}"
        ) from None


def load_sheet(workspace: Workspace, attempt_id: str, lang: str = "zh-TW") -> ReflectionSheet:
    """The reflection sheet of one attempt, rebuilt from the log."""
    if workspace.store.attempt(attempt_id).get("mode") == "roleplay":
        return load_roleplay_sheet(workspace, attempt_id, lang)
    loaded, session = replay_attempt(workspace, attempt_id)
    store = workspace.store
    attempt = store.attempt(attempt_id)
    learner = store.learner(attempt["learner_id"])
    graded = store.scores(attempt_id) if attempt.get("status") == "completed" else None
    return build_sheet(
        loaded.case,
        session.state,
        store.decisions(attempt_id),
        attempt,
        learner,
        lang,
        graded=graded,
    )


def load_roleplay_sheet(
    workspace: Workspace, attempt_id: str, lang: str = "zh-TW"
) -> ReflectionSheet:
    """The sheet of an observed role-play (issue 18), rebuilt from its log."""
    from trainer.roleplay.observed import ObservedAttempt
    from trainer.roleplay.sheet import build_roleplay_sheet

    store = workspace.store
    observed = ObservedAttempt.load(store, workspace.library, attempt_id)
    attempt = store.attempt(attempt_id)
    learner = store.learner(attempt["learner_id"])
    return build_roleplay_sheet(
        observed.case, observed.state, store.decisions(attempt_id), attempt, learner, lang
    )


# -- restart and "try again from here" (issue 13) ------------------------------------


def restart_attempt(store: Store, library: Library, attempt_id: str) -> AttemptRunner:
    """ "Restart this case": the unfinished attempt stays in the log, marked abandoned,
    and a new attempt of the same case, learner, mode and language starts."""
    attempt = store.attempt(attempt_id)
    if attempt["status"] != "in_progress":
        raise ResumeError(f"attempt {attempt_id} is already {attempt['status']}")
    loaded = library.get(attempt["case_id"])
    store.abandon_attempt(attempt_id)
    return AttemptRunner.start(
        store,
        loaded,
        attempt["learner_id"],
        str(attempt["mode"]),
        str(attempt.get("lang") or "zh-TW"),
    )


def try_again_from(
    store: Store, library: Library, attempt_id: str, decisions: int
) -> AttemptRunner:
    """ "Try again from here": a new practice attempt that replays the first
    `decisions` decisions of `attempt_id` with the same option order, logged with
    its parent attempt id and the decision it branched from (`branch_seq`), so the
    learner continues right before decision `decisions + 1`."""
    parent = store.attempt(attempt_id)
    if parent["case_id"] not in library.cases:
        raise ResumeError(f"case '{parent['case_id']}' of attempt {attempt_id} is not installed")
    rows = store.decisions(attempt_id)
    if not 0 <= decisions <= len(rows):
        raise ValueError(f"attempt {attempt_id} has {len(rows)} decisions, not {decisions}")
    loaded = library.get(parent["case_id"])
    seed = parent.get("order_seed")
    runner = AttemptRunner.start(
        store,
        loaded,
        parent["learner_id"],
        "practice",
        str(parent.get("lang") or "zh-TW"),
        order_seed=seed,
    )
    if seed is None:  # attempts from before option shuffling keep the authored order
        store.db.table("attempts").update(runner.attempt_id, {"order_seed": None})
        runner.session.state.order_seed = None
        runner.session = Session(runner.case, runner.session.state)
    store.db.table("attempts").update(
        runner.attempt_id, {"parent_attempt_id": attempt_id, "branch_seq": decisions}
    )
    actions = [Action.from_dict(a) for a in store.iter_actions(attempt_id)][:decisions]
    for action, row in zip(actions, rows, strict=False):
        if runner.finished:
            break
        runner.act(action, int(row.get("think_ms") or 0))
    return runner


def with_intros(session: Session, events: list[Event]) -> list[Event]:
    """Give each step event the intro that fits the attempt at that moment
    (`data["intro"]`, an LText or None), for rendering the log later."""
    for event in events:
        if event.kind == "step" and event.data.get("step") == session.state.step:
            event.data["intro"] = session.step_intro()
    return events


def resume_with_events(
    store: Store, library: Library, attempt_id: str
) -> tuple[AttemptRunner, list[tuple[str, list[Event]]]]:
    """Like `AttemptRunner.resume`, but the one replay also returns, per decision, the
    step it was taken in and its events, so a window can rebuild the conversation
    without replaying the attempt a second time."""
    attempt = store.attempt(attempt_id)
    if attempt["status"] != "in_progress":
        raise ResumeError(f"attempt {attempt_id} is already {attempt['status']}")
    if attempt["case_id"] not in library.cases:
        raise ResumeError(f"case '{attempt['case_id']}' of attempt {attempt_id} is not installed")
    loaded = library.get(attempt["case_id"])
    session = Session(loaded.case, order_seed=attempt.get("order_seed"))
    turns: list[tuple[str, list[Event]]] = []
    try:
        for row in store.iter_actions(attempt_id):
            step = session.state.step
            turns.append((step, with_intros(session, session.apply(Action.from_dict(row)))))
    except IllegalAction as exc:
        raise ResumeError(
            f"attempt {attempt_id} cannot be replayed on the current version of "
            f"case '{loaded.case.id}' ({exc})"
        ) from None
    return AttemptRunner(store, loaded, attempt_id, session), turns
