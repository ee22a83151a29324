"""`play`: run a whole attempt headless through the same engine and store as the app."""

from __future__ import annotations

import argparse
import time

from trainer.cli import CommandError
from trainer.cli.common import open_workspace, print_json, print_jsonl
from trainer.core.autoplay import MAX_ACTIONS, policy_for
from trainer.service import AttemptRunner
from trainer.store.roster import learner_for


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    play = sub.add_parser("play", help="play an attempt automatically (expert, worst, random)")
    play.add_argument("case_id", nargs="?", help="the case to play")
    play.add_argument("--resume", metavar="ATTEMPT_ID", help="continue an interrupted attempt")
    play.add_argument("--auto", choices=("expert", "worst", "random"), required=True)
    play.add_argument(
        "--seed",
        type=int,
        default=None,
        help="seed for --auto random and for the option order (default: random order, seed 0)",
    )
    play.add_argument("--learner", default="Auto Player", help="learner display name")
    play.add_argument("--student-no", help="student number: the same learner on every laptop")
    play.add_argument("--class", dest="class_name", help="the learner's class, e.g. 觀光一甲")
    play.add_argument("--mode", choices=("practice", "assessment"), default="practice")
    play.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    play.add_argument("--json", action="store_true", help="print the summary as JSON")
    play.add_argument("--jsonl", action="store_true", help="print each decision once committed")
    play.add_argument("--step-delay-ms", type=int, default=0, help="pause between decisions")
    play.set_defaults(func=run_play)


def summary(runner: AttemptRunner, learner: str) -> dict[str, object]:
    state = runner.session.state
    card = runner.scorecard()
    return {
        "attempt_id": runner.attempt_id,
        "case_id": runner.case.id,
        "learner": learner,
        "outcome": state.outcome,
        "escalated": state.escalated,
        "scores": card.as_numbers(),
        "total": card.total,
        "cost": state.cost,
        "sim_minutes": state.minutes,
        "decisions": state.decisions,
        "finished": state.finished,
    }


def run_play(args: argparse.Namespace) -> int:
    if bool(args.case_id) == bool(args.resume):
        raise CommandError("give either a CASE_ID or --resume ATTEMPT_ID")
    workspace = open_workspace(args, writer=True)  # one writer per data folder
    try:
        store = workspace.store
        if args.resume:
            runner = AttemptRunner.resume(store, workspace.library, args.resume)
            learner = store.learner(store.attempt(args.resume)["learner_id"])["display_name"]
        else:
            if args.case_id not in workspace.library.cases:
                known = ", ".join(sorted(workspace.library.cases)) or "none"
                raise CommandError(f"unknown case '{args.case_id}' (installed: {known})")
            learner = args.learner
            learner_id = learner_for(store, learner, args.student_no, args.class_name)
            runner = AttemptRunner.start(
                store,
                workspace.library.get(args.case_id),
                learner_id,
                args.mode,
                args.lang,
                order_seed=args.seed,
            )
        policy = policy_for(args.auto, args.seed or 0, args.lang)
        delay = max(0, args.step_delay_ms) / 1000
        for _ in range(MAX_ACTIONS):
            if runner.finished:
                break
            if delay:
                time.sleep(delay)
            step = runner.session.state.step
            action = policy.next_action(runner.session)
            runner.act(action, think_ms=args.step_delay_ms)
            if args.jsonl:
                print_jsonl(
                    {
                        "attempt_id": runner.attempt_id,
                        "seq": runner.session.state.decisions,
                        "event_id": runner.last_decision_id,
                        "step": step,
                        "action": action.name,
                        "option_id": action.option_id,
                    }
                )
        result = summary(runner, learner)
        if args.json:
            print_json(result)
        elif not args.jsonl:
            scores = "  ".join(f"{k} {v}" for k, v in result["scores"].items())  # type: ignore[attr-defined]
            print(f"attempt {result['attempt_id']}: {result['outcome']}, total {result['total']}")
            print(f"  {scores}")
        return 0
    finally:
        workspace.close()
