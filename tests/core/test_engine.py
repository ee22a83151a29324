"""The session engine: rules, determinism, snapshot/restore, and invariants."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.conftest import CASES_DIR
from trainer.core.autoplay import ExpertPolicy, play_through
from trainer.core.engine import Action, IllegalAction, Session
from trainer.core.loader import load_case_file, load_library
from trainer.core.scoring import provisional_scores, score_session

SAMPLE = load_case_file(CASES_DIR / "beitou-hot-spring-cold-water.yaml").case
LIBRARY = load_library([CASES_DIR])
ALL_CASES = [c.case for c in LIBRARY.sorted_cases()]


def test_starts_in_questioning_with_the_customer_mood() -> None:
    session = Session(SAMPLE)
    assert session.state.step == "questioning"
    assert session.state.mood == SAMPLE.customer.mood
    assert not session.can_advance()
    assert {o.id for o in session.available_options()} == {
        o.id for o in SAMPLE.steps.questioning.questions
    }


def test_question_reveals_fact_and_moves_mood_and_clock() -> None:
    session = Session(SAMPLE)
    events = session.apply(Action.choose("q_open_what"))
    kinds = [e.kind for e in events]
    assert "fact" in kinds and "reply" in kinds and "feedback" in kinds
    assert session.state.facts == ["water_lukewarm"]
    assert session.state.mood == SAMPLE.customer.mood + 5
    assert session.state.minutes == 2
    assert session.can_advance()


def test_illegal_actions_are_refused_without_changing_state() -> None:
    session = Session(SAMPLE)
    before = session.snapshot()
    with pytest.raises(IllegalAction):
        session.apply(Action.choose("o_upgrade_suite"))
    with pytest.raises(IllegalAction):
        session.apply(Action.advance())
    with pytest.raises(IllegalAction):
        session.apply(Action.reflect({}, {}))
    assert session.snapshot() == before


def test_accurate_paraphrase_is_locked_until_key_facts_are_found() -> None:
    session = Session(SAMPLE)
    session.apply(Action.choose("q_irrelevant_source"))
    session.apply(Action.advance())
    ids = {o.id for o in session.available_options()}
    assert "p_accurate" not in ids and "p_incomplete" in ids


def test_over_authority_offer_needs_manager_first() -> None:
    session = Session(SAMPLE)
    for option_id in ("q_open_what", "q_open_occasion"):
        session.apply(Action.choose(option_id))
    session.apply(Action.advance())
    session.apply(Action.choose("p_accurate"))
    session.apply(Action.choose("t_empathetic"))
    assert session.state.step == "resolving"
    ids = {o.id for o in session.available_options()}
    assert "o_upgrade_suite" not in ids  # requires the manager's approval
    assert "a_consult_manager" not in ids  # requires the call to Engineering


def test_blaming_drives_the_customer_to_escalate() -> None:
    session = Session(SAMPLE)
    session.apply(Action.choose("q_leading_valve"))
    events = session.apply(Action.choose("q_blaming_sensitive"))
    assert any(e.kind == "escalated" for e in events)
    assert session.state.escalated and session.state.outcome == "escalated"
    assert session.state.step == "feedback"


def test_refused_offer_can_be_followed_by_another() -> None:
    session = Session(SAMPLE)
    session.apply(Action.choose("q_open_what"))
    session.apply(Action.advance())
    session.apply(Action.choose("p_incomplete"))
    session.apply(Action.choose("t_empathetic"))
    events = session.apply(Action.choose("o_refund_half"))
    assert any(e.kind == "offer_refused" for e in events)
    assert session.state.step == "resolving"
    assert "o_refund_half" not in {o.id for o in session.available_options()}


def test_snapshot_restore_and_replay_agree() -> None:
    session = Session(SAMPLE)
    actions = [Action.choose("q_open_what"), Action.choose("q_open_occasion"), Action.advance()]
    for action in actions:
        session.apply(action)
    restored = Session.restore(SAMPLE, session.snapshot())
    replayed = Session.replay(SAMPLE, actions)
    assert restored.snapshot() == session.snapshot() == replayed.snapshot()


def test_action_round_trips_through_dict() -> None:
    action = Action.report("rc_no_notice", ["engineering"], "預防", "備註")
    assert Action.from_dict(action.to_dict()) == action


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda c: c.id)
def test_expert_path_is_deterministic(case) -> None:  # type: ignore[no-untyped-def]
    first = play_through(case, ExpertPolicy())
    second = play_through(case, ExpertPolicy())
    assert first.snapshot() == second.snapshot()


class EngineMachine(RuleBasedStateMachine):
    """Random legal play keeps every invariant, on every bundled case."""

    @initialize(case=st.sampled_from(ALL_CASES))
    def start(self, case) -> None:  # type: ignore[no-untyped-def]
        self.case = case
        self.session = Session(case)
        self.facts: list[str] = []

    @precondition(lambda self: bool(self.session.legal_actions()))
    @rule(data=st.data())
    def take_legal_action(self, data: st.DataObject) -> None:
        action = data.draw(st.sampled_from(self.session.legal_actions()))
        self.session.apply(action)

    @precondition(lambda self: self.session.needs_report())
    @rule(data=st.data(), text=st.text(max_size=40))
    def submit_report(self, data: st.DataObject, text: str) -> None:
        feedback = self.case.steps.feedback
        root = data.draw(st.sampled_from([o.id for o in feedback.root_causes]))
        recipients = data.draw(
            st.lists(st.sampled_from([r.id for r in feedback.recipients]), max_size=4)
        )
        self.session.apply(Action.report(root, recipients, text, text))

    @precondition(lambda self: self.session.needs_reflection())
    @rule(data=st.data(), text=st.text(max_size=80))
    def reflect(self, data: st.DataObject, text: str) -> None:
        prompts = [p.id for p in self.case.steps.reflecting.prompts]
        ratings = {i: data.draw(st.integers(1, 5)) for i in ("3.1", "3.2", "3.3", "3.4")}
        self.session.apply(Action.reflect({p: text for p in prompts}, ratings))

    @rule(option_id=st.text(max_size=12))
    def illegal_choice_changes_nothing(self, option_id: str) -> None:
        if option_id in {o.id for o in self.session.available_options()}:
            return
        before = self.session.snapshot()
        with pytest.raises(IllegalAction):
            self.session.apply(Action.choose(option_id))
        assert self.session.snapshot() == before

    @invariant()
    def mood_in_range(self) -> None:
        assert 0 <= self.session.state.mood <= 100

    @invariant()
    def facts_only_grow(self) -> None:
        facts = self.session.state.facts
        assert facts[: len(self.facts)] == self.facts
        assert len(set(facts)) == len(facts)
        self.facts = list(facts)

    @invariant()
    def scores_in_range(self) -> None:
        card = score_session(self.case, self.session.state)
        assert all(0 <= s.score <= 100 for s in card.scores.values())
        assert 0 <= card.total <= 100
        for s in provisional_scores(self.case, self.session.state).values():
            assert 0 <= s.score <= 100

    @invariant()
    def never_stuck(self) -> None:
        s = self.session
        if not s.state.finished:
            assert s.legal_actions() or s.needs_report() or s.needs_reflection()

    @invariant()
    def expert_path_stays_legal_from_the_start(self) -> None:
        # The expert path is a property of the case: it must be legal whatever the
        # learner does in this session (checked cheaply on a fresh session).
        if self.session.state.decisions == 0:
            assert play_through(self.case, ExpertPolicy()).state.outcome == "resolved"


EngineMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEngineMachine = EngineMachine.TestCase


def test_refused_offer_costs_nothing() -> None:
    session = Session(SAMPLE)
    session.apply(Action.choose("q_open_what"))
    session.apply(Action.advance())
    session.apply(Action.choose("p_incomplete"))
    session.apply(Action.choose("t_empathetic"))
    session.apply(Action.choose("o_refund_half"))
    assert session.state.cost == 0
