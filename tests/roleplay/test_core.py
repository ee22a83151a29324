"""The checklist, the log replay and the scores of an observed role-play (no Qt)."""

from __future__ import annotations

import pytest

from tests.conftest import CASES_DIR
from trainer.core.loader import LoadedCase, load_case_file
from trainer.roleplay.checklist import checklist, observer_behaviours
from trainer.roleplay.kit import build_kit
from trainer.roleplay.observed import ObservedAttempt
from trainer.roleplay.record import record_observation
from trainer.roleplay.rubric import RATED_INDICATORS, descriptors
from trainer.roleplay.scoring import score_roleplay
from trainer.roleplay.state import RoleplayError, RoleplayState, replay
from trainer.store.db import Store, open_memory

from .conftest import observation


@pytest.fixture
def store() -> Store:
    return Store(open_memory())


def test_checklist_is_drawn_from_the_case(loaded: LoadedCase) -> None:
    case = loaded.case
    items = {b.id: b for b in checklist(case)}
    for fact in case.facts:  # each fact, key facts weigh more
        assert items[f"fact-{fact.id}"].weight == (1.0 if fact.key else 0.5)
    # the expert path consults the manager and calls engineering: both are behaviours
    assert {"contact-consult_manager", "contact-contact_team"} <= set(items)
    assert f"NT${case.business.authority_limit:,}" in items["authority"].zh
    assert str(case.business.target_minutes) in items["offer_in_time"].en
    assert {b.indicator for b in checklist(case)} == set(RATED_INDICATORS)
    assert {items["report_root_cause"].source, items["report_recipients"].source} == {"report"}
    for indicator in RATED_INDICATORS:
        assert len(descriptors(case, indicator, "en")) == 5


def test_every_case_agent_brief_holds_no_hidden_fact() -> None:
    for path in sorted(CASES_DIR.glob("*.yaml")):
        case = load_case_file(path).case
        for lang in ("zh-TW", "en"):
            kit = build_kit(case, lang)
            agent = kit.sheet("agent").text()
            customer = kit.sheet("customer").text()
            observer = kit.sheet("observer").text()
            for fact in case.facts:
                text = fact.text.get(lang)
                assert text not in agent, (case.id, lang, fact.id)
                assert text in customer and text in observer, (case.id, lang, fact.id)


def test_ticks_replay_and_scores_rise_with_ticks_and_ratings(
    store: Store, loaded: LoadedCase
) -> None:
    agent = store.create_learner("王小明")
    observed = ObservedAttempt.start(store, loaded, agent)
    observed.tick("open_questions", 5)
    observed.tick("fact-water_lukewarm", 40)
    observed.tick("paraphrase", 90)
    observed.untick("paraphrase", 95)
    low = score_roleplay(loaded.case, observed.state).scores
    assert low["3.2"].score == 0 and "no observer rating" in low["3.2"].reason_en
    observed.tick("paraphrase", 100)
    observed.tick("feelings", 110)
    assert score_roleplay(loaded.case, observed.state).scores["3.2"].score == 100
    observed.observe({"3.1": 2, "3.2": 1}, {"general": "ok"}, "陳老師", "李大華", 300)
    scores = score_roleplay(loaded.case, observed.state).scores
    assert scores["3.2"].score == 60  # all ticks (60) + rating 1 (0)
    assert "觀察員評 1/5" in scores["3.2"].reason_zh
    # the log replays to the same state
    again = replay(loaded.case, store.decisions(observed.attempt_id))
    assert (
        again.ticked
        == observed.state.ticked
        == {
            "open_questions": 5,
            "fact-water_lukewarm": 40,
            "paraphrase": 100,
            "feelings": 110,
        }
    )
    assert again.observation == observed.state.observation
    attempt = store.attempt(observed.attempt_id)
    assert (attempt["mode"], attempt["status"], attempt["step"]) == (
        "roleplay",
        "in_progress",
        "feedback",
    )


def test_wrong_order_and_unknown_values_are_refused_and_not_logged(
    store: Store, loaded: LoadedCase
) -> None:
    observed = ObservedAttempt.start(store, loaded, store.create_learner("A"))
    with pytest.raises(RoleplayError):
        observed.tick("no-such-behaviour")
    with pytest.raises(RoleplayError):
        observed.report("rc_no_notice", [], "", "")  # before the observation
    with pytest.raises(RoleplayError):
        observed.observe({"3.1": 6}, {}, "陳老師", "B", 10)
    with pytest.raises(RoleplayError):
        observed.observe({"3.1": 3}, {}, "  ", "B", 10)  # no observer
    assert store.decisions(observed.attempt_id) == []
    observed.observe({"3.1": 3}, {}, "陳老師", "B", 10)
    with pytest.raises(RoleplayError):
        observed.tick("open_questions")  # ticks close with the observation
    with pytest.raises(RoleplayError):
        observed.reflect({}, {})  # the report comes first
    with pytest.raises(RoleplayError):
        observed.report("rc_no_notice", ["nobody"], "", "")
    assert len(store.decisions(observed.attempt_id)) == 1


def test_full_record_completes_with_five_scores(store: Store, loaded: LoadedCase) -> None:
    agent = store.create_learner("王小明")
    observed = record_observation(store, loaded, agent, "李大華", "陳老師", observation())
    attempt = store.attempt(observed.attempt_id)
    assert attempt["status"] == "completed" and attempt["total"] is not None
    scores = store.scores(observed.attempt_id)
    assert set(scores) == {"3.1", "3.2", "3.3", "3.4", "3.5"}
    card = score_roleplay(loaded.case, observed.state)
    assert {k: v["score"] for k, v in scores.items()} == card.as_numbers()
    assert attempt["total"] == card.total
    # report behaviours: the best root cause and both required recipients
    assert "report not written" not in scores["3.4"]["reason_en"]
    assert scores["3.5"]["score"] > 0
    assert len(store.rows("internal_reports", observed.attempt_id)) == 1
    assert len(store.rows("self_ratings", observed.attempt_id)) == 4


def test_observer_behaviours_exclude_the_report_ones(loaded: LoadedCase) -> None:
    ids = {b.id for b in observer_behaviours(loaded.case)}
    assert "report_root_cause" not in ids and "follow_up" in ids
    assert RoleplayState().step == "questioning"


def test_mode_filter_picks_the_observed_attempts(store: Store, loaded: LoadedCase) -> None:
    from trainer.exchange.filters import Filters
    from trainer.service import AttemptRunner

    agent = store.create_learner("王小明")
    observed = record_observation(store, loaded, agent, "B", "C", observation(full=False))
    played = AttemptRunner.start(store, loaded, agent, "practice").attempt_id

    def chosen(filters: Filters) -> set[str]:
        where, params = filters.where()
        sql = f"select a.id from attempts a join learners l on l.id = a.learner_id where {where}"
        return {row[0] for row in store.db.execute(sql, params).fetchall()}

    assert chosen(Filters(mode="roleplay")) == {observed.attempt_id}
    assert chosen(Filters(mode="practice")) == {played}
    assert chosen(Filters()) == {observed.attempt_id, played}
    assert not Filters(mode="roleplay").empty
