"""Page breaks for the printed sheet: headings keep with what follows, tables stay whole.

QTextDocument breaks pages line by line: a heading can end a page with its section
on the next one, and a table row can start at the foot of a page and finish on the
next. The sheet's HTML makes every logical row its own small table, so after the
document is laid out at the page size, `keep_together` walks the top-level items
and moves to the next page (page-break-before) any table that straddles a page
boundary but fits on one page, and any heading whose next item begins on a later
page. It repeats until nothing moves (each move only pushes content down).
"""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

_MAX_ROUNDS = 400


def _page(y: float, height: float) -> int:
    return int(y // height)


def _items(doc: QTextDocument) -> list[QTextBlock | QTextFrame]:
    """The root frame's children in order: blocks and (table) frames."""
    items: list[QTextBlock | QTextFrame] = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if frame is not None:
            items.append(frame)
        else:
            block = it.currentBlock()
            if block.isValid():
                items.append(block)
        it += 1
    return items


def _extent(doc: QTextDocument, item: QTextBlock | QTextFrame) -> tuple[float, float]:
    layout = doc.documentLayout()
    if isinstance(item, QTextFrame):
        rect = layout.frameBoundingRect(item)
    else:
        rect = layout.blockBoundingRect(item)
    return rect.top(), rect.bottom()


def _first_line_top(doc: QTextDocument, item: QTextBlock | QTextFrame) -> float:
    if isinstance(item, QTextFrame):
        return _extent(doc, item)[0]
    layout = item.layout()
    top = doc.documentLayout().blockBoundingRect(item).top()
    if layout is not None and layout.lineCount():
        return top + layout.lineAt(0).y()
    return top


def _is_heading(item: QTextBlock | QTextFrame) -> bool:
    return isinstance(item, QTextBlock) and item.blockFormat().headingLevel() > 0


_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def _has_break(item: QTextBlock | QTextFrame) -> bool:
    fmt = item.frameFormat() if isinstance(item, QTextFrame) else item.blockFormat()
    return bool(fmt.pageBreakPolicy() & _BREAK)


def _set_break(item: QTextBlock | QTextFrame, on: bool) -> None:
    def policy(old: QTextFormat.PageBreakFlag) -> QTextFormat.PageBreakFlag:
        return old | _BREAK if on else old & ~_BREAK

    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        frame_format.setPageBreakPolicy(policy(frame_format.pageBreakPolicy()))
        item.setFrameFormat(frame_format)
    else:
        block_format = item.blockFormat()
        block_format.setPageBreakPolicy(policy(block_format.pageBreakPolicy()))
        QTextCursor(item).setBlockFormat(block_format)


def _fix_one(doc: QTextDocument, height: float) -> bool:
    """Apply the first page break needed, in document order; False when none is."""
    items = [i for i in _items(doc) if _is_heading(i) or not _is_blank(i)]
    for index, item in enumerate(items):
        top, bottom = _extent(doc, item)
        if isinstance(item, QTextTable):
            fits = bottom - top < height * 0.95
            if fits and not _has_break(item) and _page(top, height) != _page(bottom - 1, height):
                _set_break(item, True)
                return True
        elif _is_heading(item) and index + 1 < len(items) and not _has_break(item):
            following = items[index + 1]
            if _page(_first_line_top(doc, following), height) > _page(top, height):
                # The heading goes first; a break the next item had moves up with it.
                _set_break(item, True)
                if _has_break(following):
                    _set_break(following, False)
                return True
    return False


def _is_blank(item: QTextBlock | QTextFrame) -> bool:
    return isinstance(item, QTextBlock) and not item.text().strip()


def keep_together(doc: QTextDocument) -> int:
    """Insert page breaks until no heading is stranded and no fitting table splits.

    `doc` must already have its page size set. Returns the number of changes made.
    """
    height = doc.pageSize().height()
    if height <= 0:
        return 0
    changes = 0
    while changes < _MAX_ROUNDS and _fix_one(doc, height):
        changes += 1
    return changes
