"""PDF export: one attempt's reflection sheets, or a learner's portfolio.

The drawing is done by trainer.render.report_pdf (Qt), imported only here and only
when a PDF is asked for, so every other export stays Qt-free. The file is written
atomically like every other export.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError, atomic_file
from trainer.exchange.filters import Filters


def resolve_learner(conn: sqlite3.Connection, learner: str) -> str:
    """The one learner id a name, student number or id stands for."""
    sql, params = Filters(learner=learner).learner_where()
    rows = conn.execute(
        f"select l.id, l.display_name, l.class_name from learners l where {sql}", params
    ).fetchall()
    if not rows:
        raise ExportError(f"no learner with the name, student number or id '{learner}'")
    if len(rows) > 1:
        listed = "; ".join(f"{r[0]} ({r[1]}, {r[2] or 'no class'})" for r in rows)
        raise ExportError(f"several learners match '{learner}'; give one id: {listed}")
    return str(rows[0][0])


def export_pdf(
    root: Path, out: Path, filters: Filters, pseudonymize: bool = False, lang: str = "zh-TW"
) -> dict[str, int]:
    if pseudonymize:
        raise ExportError(
            "a PDF reflection sheet is personal evidence and carries the learner's name; "
            "--pseudonymize is available for csv, xlsx, xapi and sqlite"
        )
    if not filters.attempt_id and not filters.learner:
        raise ExportError("a pdf export needs --attempt ID or --learner NAME_OR_ID")
    try:
        from trainer.render import report_pdf
    except ModuleNotFoundError as exc:
        raise ExportError(f"PDF export is not available in this installation ({exc})") from None
    from trainer.service import Workspace

    workspace = Workspace.open(root)
    try:
        return _write(workspace, report_pdf, out, filters, lang)
    except report_pdf.PdfExportError as exc:
        raise ExportError(str(exc)) from None
    finally:
        workspace.close()


def _write(
    workspace: Any, report_pdf: Any, out: Path, filters: Filters, lang: str
) -> dict[str, int]:
    conn = workspace.store.db.conn
    filters.check(conn)
    with atomic_file(Path(out)) as tmp:
        if filters.attempt_id:
            report_pdf.write_attempt_pdf(workspace, filters.attempt_id.strip(), tmp, lang)
            return {"attempts": 1}
        learner_id = resolve_learner(conn, filters.learner or "")
        chosen = Filters(learner=learner_id, class_name=filters.class_name, since=filters.since)
        sql, params = chosen.attempt_ids_sql()
        ids = [
            r[0]
            for r in conn.execute(
                f"select id from attempts where id in ({sql}) and status = 'completed' "
                "order by started_at",
                params,
            )
        ]
        if not ids:
            raise ExportError("this learner has no finished attempt to put in a portfolio")
        report_pdf.write_portfolio_pdf(workspace, learner_id, tmp, lang, ids)
        return {"attempts": len(ids)}
