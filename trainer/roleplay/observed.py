"""Recording an observed role-play in the learner database.

An observed role-play is an attempt with mode `roleplay`, learner = the agent. Every
tick, untick, the final observation, and the agent's report and reflection are
decisions, each committed (with whatever it implies) in one transaction before the
window shows it, as for played attempts (trainer.service.AttemptRunner).
"""

from __future__ import annotations

from typing import Any

from trainer.core.clean_text import clean_value
from trainer.core.loader import Library, LoadedCase
from trainer.core.scoring import ScoreCard
from trainer.core.vocab import STEP_INDICATOR
from trainer.roleplay.checklist import checklist
from trainer.roleplay.scoring import score_roleplay
from trainer.roleplay.state import RoleplayError, RoleplayState, apply, replay
from trainer.store.attempt_rows import completion_rows, report_rows
from trainer.store.db import DecisionRecord, Store, StoreError
from trainer.store.recovery import after_attempt_completed

MODE = "roleplay"


class ObservedAttempt:
    def __init__(self, store: Store, loaded: LoadedCase, attempt_id: str, state: RoleplayState):
        self.store = store
        self.loaded = loaded
        self.attempt_id = attempt_id
        self.state = state

    @property
    def case(self):  # type: ignore[no-untyped-def]
        return self.loaded.case

    @classmethod
    def start(
        cls, store: Store, loaded: LoadedCase, agent_id: str, lang: str = "zh-TW"
    ) -> ObservedAttempt:
        case = loaded.case
        attempt_id = store.start_attempt(
            learner_id=agent_id,
            case_id=case.id,
            case_version=case.version,
            case_digest=loaded.digest,
            case_title=case.title.get(lang),
            mode=MODE,
            lang=lang,
            mood=case.customer.mood,
            authority=case.business.authority_limit,
            order_seed=None,
        )
        return cls(store, loaded, attempt_id, RoleplayState())

    @classmethod
    def load(cls, store: Store, library: Library, attempt_id: str) -> ObservedAttempt:
        attempt = store.attempt(attempt_id)
        if attempt["mode"] != MODE:
            raise StoreError(f"attempt {attempt_id} is not an observed role-play")
        if attempt["case_id"] not in library.cases:
            raise StoreError(
                f"case '{attempt['case_id']}' of attempt {attempt_id} is not installed"
            )
        loaded = library.get(attempt["case_id"])
        try:
            state = replay(loaded.case, store.decisions(attempt_id))
        except RoleplayError as exc:
            raise StoreError(f"attempt {attempt_id} does not replay: {exc}") from None
        return cls(store, loaded, attempt_id, state)

    def scorecard(self) -> ScoreCard:
        return score_roleplay(self.case, self.state)

    # -- the observer -------------------------------------------------------

    def tick(self, behaviour: str, at_s: int = 0) -> None:
        self._act("tick", {"behaviour": behaviour, "at_s": int(at_s)})

    def untick(self, behaviour: str, at_s: int = 0) -> None:
        self._act("untick", {"behaviour": behaviour, "at_s": int(at_s)})

    def set_ticks(self, ticked: set[str], at_s: int = 0) -> None:
        """Tick and untick so that exactly `ticked` is ticked (each change is logged)."""
        for behaviour in sorted(set(self.state.ticked) - ticked):
            self.untick(behaviour, at_s)
        for behaviour in sorted(ticked - set(self.state.ticked)):
            self.tick(behaviour, at_s)

    def observe(
        self,
        ratings: dict[str, int],
        notes: dict[str, str],
        observer: str,
        customer_player: str,
        elapsed_s: int,
    ) -> None:
        self._act(
            "observe",
            {
                "ratings": dict(ratings),
                "notes": {k: v for k, v in notes.items() if v.strip()},
                "observer": observer,
                "customer_player": customer_player,
                "elapsed_s": int(elapsed_s),
            },
        )

    # -- the agent ----------------------------------------------------------

    def report(
        self, root_cause: str, recipients: list[str], preventive: str, profile_note: str
    ) -> None:
        self._act(
            "report",
            {
                "root_cause": root_cause,
                "recipients": list(recipients),
                "preventive": preventive,
                "profile_note": profile_note,
            },
            option_id=root_cause,
        )

    def reflect(self, answers: dict[str, str], self_ratings: dict[str, int]) -> None:
        self._act("reflect", {"answers": dict(answers), "self_ratings": dict(self_ratings)})

    # -- writing --------------------------------------------------------------

    def _act(self, name: str, payload: dict[str, Any], option_id: str | None = None) -> None:
        payload = clean_value(payload)
        trial = RoleplayState(
            ticked=dict(self.state.ticked),
            observation=self.state.observation,
            report=self.state.report,
            reflection=self.state.reflection,
            decisions=self.state.decisions,
        )
        apply(self.case, trial, name, payload)  # RoleplayError: nothing is written
        step = self._step_of(name, payload)
        quality = None
        if name == "report":
            quality = self.case.option(str(option_id)).rated_quality.value
        elapsed = int(payload.get("at_s") or payload.get("elapsed_s") or 0)
        record = DecisionRecord(
            attempt_id=self.attempt_id,
            seq=trial.decisions,
            step=step,
            indicator=STEP_INDICATOR[step] if name != "observe" else None,  # type: ignore[arg-type]
            action={"name": name, "option_id": option_id, "free_text": None, "payload": payload},
            quality=quality,
            think_ms=0,
            mood_before=self.case.customer.mood,
            mood_after=self.case.customer.mood,
            sim_minute=elapsed // 60,
            cost_total=0,
            facts_found=len(trial.facts(self.case)),
        )
        update: dict[str, object] = {"step": trial.step, "decisions": trial.decisions}
        if name == "observe":
            update["sim_minutes"] = elapsed // 60
        extra: dict[str, list[dict[str, object]]] = {}
        if name == "report" and trial.report is not None:
            extra.update(report_rows(self.attempt_id, trial.report))
        if name == "reflect" and trial.reflection is not None:
            card = score_roleplay(self.case, trial)
            rows, done = completion_rows(self.attempt_id, trial.reflection, card)
            extra.update(rows)
            update.update(done)
        self.store.record_decision(record, update, extra)
        self.state = trial
        if update.get("status") == "completed":
            after_attempt_completed(self.store)

    def _step_of(self, name: str, payload: dict[str, Any]) -> str:
        if name in ("tick", "untick"):
            behaviours = {b.id: b for b in checklist(self.case)}
            return behaviours[str(payload["behaviour"])].step
        return {"observe": "resolving", "report": "feedback"}.get(name, "reflecting")


def roleplay_attempts(store: Store, learner_id: str | None = None) -> list[dict[str, Any]]:
    return [a for a in store.attempts(learner_id) if a["mode"] == MODE]
