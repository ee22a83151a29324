"""`cases validate | list | lint`: check and browse the case library."""

from __future__ import annotations

import argparse
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from trainer.cli.case_new_cmd import register_new
from trainer.cli.common import print_json, root_of
from trainer.cli.pack_cmd import register_packs
from trainer.core.lint import lint_report
from trainer.core.loader import CaseError, CaseProblem, case_files, load_case_file, load_library
from trainer.core.vocab import COMPLAINT_TYPES, SETTINGS
from trainer.paths import case_folders


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cases = sub.add_parser("cases", help="validate, list and lint case files")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True, metavar="ACTION")

    validate = cases_sub.add_parser("validate", help="check case files against the format")
    validate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: library)")
    validate.add_argument("--lint", action="store_true", help="also run the linter")
    validate.set_defaults(func=run_validate)

    lint = cases_sub.add_parser(
        "lint", help="validate, then check ids, reachability, cues, expert and test-wise players"
    )
    lint.add_argument("paths", nargs="*", type=Path)
    lint.add_argument("--json", action="store_true", help="problems and players' figures as JSON")
    lint.set_defaults(func=run_lint)

    list_ = cases_sub.add_parser("list", help="list the installed cases")
    list_.add_argument("--json", action="store_true")
    list_.set_defaults(func=run_list)

    report = cases_sub.add_parser("report", help="coverage matrix of the case library")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=run_report)

    register_packs(cases_sub)  # import, export-pack (trainer.cli.pack_cmd)
    register_new(cases_sub)  # new (trainer.cli.case_new_cmd)


def _paths(args: argparse.Namespace) -> list[Path]:
    return case_files(args.paths or case_folders(root_of(args)))


def _check_one(path: Path, lint: bool) -> tuple[dict[str, object], list[str], bool]:
    """One file's JSON row, its printed lines, and whether it failed."""
    row: dict[str, object] = {"file": str(path)}
    try:
        loaded = load_case_file(path)
    except CaseError as exc:
        row.update(ok=False, problems=[_problem_json(p) for p in exc.problems])
        return row, [str(exc)], True
    row["case_id"] = loaded.case.id
    problems: list[CaseProblem] = []
    if lint:
        report = lint_report(loaded)
        problems = report.problems
        row["baseline_players"] = [b.as_dict() for b in report.baselines]
        if report.expert is not None:
            row["expert"] = {"total": report.expert.total, **report.expert.as_numbers()}
    errors = [p for p in problems if p.is_error]
    row.update(ok=not errors, problems=[_problem_json(p) for p in problems])
    return row, [str(p) for p in problems], bool(errors)


#: Linting plays every case a few thousand times: a library is linted on every core.
PARALLEL_FROM = 6


def _check(paths: list[Path], lint: bool, as_json: bool = False) -> int:
    """Print problems (errors fail, warnings advise); exit 1 on any error."""
    workers = min(os.cpu_count() or 1, len(paths))
    if lint and workers > 1 and len(paths) >= PARALLEL_FROM:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_check_one, paths, [lint] * len(paths), chunksize=1))
    else:
        results = [_check_one(path, lint) for path in paths]
    failed = sum(bad for _, _, bad in results)
    if as_json:
        rows = [row for row, _, _ in results]
        print_json({"checked": len(paths), "failed": failed, "cases": rows})
    else:
        for _, lines, _ in results:
            for line in lines:
                print(line)
        print(f"{len(paths) - failed} of {len(paths)} case file(s) OK", flush=True)
    return 1 if failed or not paths else 0


def _problem_json(problem: CaseProblem) -> dict[str, object]:
    return {"line": problem.line, "severity": problem.severity, "message": problem.message}


def run_validate(args: argparse.Namespace) -> int:
    return _check(_paths(args), lint=args.lint)


def run_lint(args: argparse.Namespace) -> int:
    return _check(_paths(args), lint=True, as_json=args.json)


def run_list(args: argparse.Namespace) -> int:
    library = load_library(case_folders(root_of(args)))
    rows = [
        {
            "id": c.case.id,
            "title": c.case.title.get(),
            "title_en": c.case.title.en,
            "setting": c.case.setting,
            "complaint_type": c.case.complaint_type,
            "difficulty": c.case.difficulty,
            "languages": list(c.case.languages),
            "file": str(c.path) if c.path else None,
        }
        for c in library.sorted_cases()
    ]
    if args.json:
        print_json(rows)
        return 0
    for c in library.sorted_cases():
        case = c.case
        print(
            f"{case.id:<40} {case.difficulty}  {SETTINGS[case.setting]:<8} "
            f"{COMPLAINT_TYPES[case.complaint_type]:<12} {case.title.get()}"
        )
    for path, error in library.broken.items():
        print(f"unavailable: {path}: {error.problems[0].message}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from trainer.core.coverage import CUSTOMER_KINDS, Coverage, render_report, shared_prompts
    from trainer.core.cues import cue_stats

    library = load_library(case_folders(root_of(args)))
    coverage = Coverage.of([c.case for c in library.sorted_cases()])
    if args.json:
        print_json(
            {
                "cases": len(coverage.cases),
                "matrix": {t: dict(c) for t, c in coverage.matrix.items()},
                "settings": dict(coverage.settings()),
                "difficulty": {str(k): v for k, v in coverage.difficulties().items()},
                "customer_kinds": {k: coverage.kinds()[k] for k in CUSTOMER_KINDS},
                "english": coverage.count("english"),
                "gaps": coverage.gaps(),
                "cues": cue_stats(list(coverage.cases)).as_dict(),
                "cues_en": cue_stats(list(coverage.cases), "en").as_dict(),
                "shared_prompts": shared_prompts(list(coverage.cases)),
            }
        )
    else:
        print(render_report(coverage))
    return 0
