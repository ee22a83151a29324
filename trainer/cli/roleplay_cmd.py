"""`roleplay`: the observed role-play of issue 18, headless.

- `roleplay kit CASE_ID --out FILE.pdf [--lang en]`: the three sheets as one PDF.
- `roleplay checklist CASE_ID [--json]`: the behaviour ids a ticks file may use.
- `roleplay record CASE_ID --agent NAME --customer NAME --observer NAME --ticks FILE.json`
- `roleplay agent ATTEMPT_ID --file FILE.json`: the agent's report and reflection later.
The JSON is documented in docs/roleplay.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import open_workspace, print_json, root_of
from trainer.core.loader import Library, load_library
from trainer.paths import case_cache_dir, case_folders
from trainer.store.roster import learner_for


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("roleplay", help="observed role-play: kit PDF, checklist, record")
    rp = cmd.add_subparsers(dest="roleplay_command", required=True, metavar="SUBCOMMAND")
    kit = rp.add_parser("kit", help="customer brief, agent brief and observer sheet as a PDF")
    kit.add_argument("case_id")
    kit.add_argument("--out", required=True, help="the PDF file to write")
    kit.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    kit.set_defaults(func=run_kit)
    check = rp.add_parser("checklist", help="the case's behaviour ids for a ticks file")
    check.add_argument("case_id")
    check.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=run_checklist)
    rec = rp.add_parser("record", help="record an observation from a JSON file")
    rec.add_argument("case_id")
    rec.add_argument("--agent", required=True, help="the learner handling the complaint")
    rec.add_argument("--student-no", help="the agent's student number")
    rec.add_argument("--class", dest="class_name", help="the agent's class")
    rec.add_argument("--customer", required=True, help="who played the customer")
    rec.add_argument("--observer", required=True, help="who observed")
    rec.add_argument("--ticks", required=True, type=Path, help="the observation (JSON)")
    rec.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    rec.add_argument("--json", action="store_true", help="print the summary as JSON")
    rec.set_defaults(func=run_record)
    agent = rp.add_parser("agent", help="add the agent's report and reflection (JSON)")
    agent.add_argument("attempt_id")
    agent.add_argument("--file", required=True, type=Path)
    agent.add_argument("--json", action="store_true")
    agent.set_defaults(func=run_agent)


def _library(args: argparse.Namespace) -> Library:
    root = root_of(args)
    return load_library(case_folders(root), case_cache_dir(root))


def _case(library: Library, case_id: str):  # type: ignore[no-untyped-def]
    if case_id not in library.cases:
        known = ", ".join(sorted(library.cases)) or "none"
        raise CommandError(f"unknown case '{case_id}' (installed: {known})")
    return library.get(case_id)


def run_kit(args: argparse.Namespace) -> int:
    from trainer.render.kit_html import write_kit_pdf
    from trainer.render.report_pdf import PdfExportError
    from trainer.roleplay.kit import build_kit

    loaded = _case(_library(args), args.case_id)
    try:
        write_kit_pdf(build_kit(loaded.case, args.lang), args.out)
    except PdfExportError as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {args.out}")
    return 0


def run_checklist(args: argparse.Namespace) -> int:
    from trainer.roleplay.checklist import checklist

    loaded = _case(_library(args), args.case_id)
    items = [
        {"id": b.id, "indicator": b.indicator, "source": b.source, "label": b.label(args.lang)}
        for b in checklist(loaded.case)
    ]
    if args.json:
        print_json(items)
    else:
        for item in items:
            mark = "" if item["source"] == "observer" else "  (from the internal report)"
            print(f"{item['indicator']}  {item['id']:<28} {item['label']}{mark}")
    return 0


def _summary(observed) -> dict[str, object]:  # type: ignore[no-untyped-def]
    card = observed.scorecard()
    return {
        "attempt_id": observed.attempt_id,
        "case_id": observed.case.id,
        "ticked": sorted(observed.state.ticked),
        "scores": card.as_numbers(),
        "total": card.total,
        "completed": observed.state.finished,
    }


def _print(result: dict[str, object], as_json: bool) -> None:
    if as_json:
        print_json(result)
        return
    scores = "  ".join(f"{k} {v}" for k, v in result["scores"].items())  # type: ignore[attr-defined]
    state = "completed" if result["completed"] else "waiting for the agent's report/reflection"
    print(f"attempt {result['attempt_id']}: {state}, total {result['total']}")
    print(f"  {scores}")


def run_record(args: argparse.Namespace) -> int:
    from trainer.roleplay.record import read_json, record_observation
    from trainer.roleplay.state import RoleplayError

    workspace = open_workspace(args, writer=True)
    try:
        loaded = _case(workspace.library, args.case_id)
        try:
            data = read_json(args.ticks)
            agent_id = learner_for(workspace.store, args.agent, args.student_no, args.class_name)
            observed = record_observation(
                workspace.store, loaded, agent_id, args.customer, args.observer, data, args.lang
            )
        except RoleplayError as exc:
            raise CommandError(str(exc)) from None
        _print(_summary(observed), args.json)
        return 0
    finally:
        workspace.close()


def run_agent(args: argparse.Namespace) -> int:
    from trainer.roleplay.observed import ObservedAttempt
    from trainer.roleplay.record import complete_agent_part, read_json
    from trainer.roleplay.state import RoleplayError

    workspace = open_workspace(args, writer=True)
    try:
        try:
            observed = ObservedAttempt.load(workspace.store, workspace.library, args.attempt_id)
            complete_agent_part(observed, read_json(args.file))
        except RoleplayError as exc:
            raise CommandError(str(exc)) from None
        _print(_summary(observed), args.json)
        return 0
    finally:
        workspace.close()
