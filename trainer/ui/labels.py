"""Translatable UI labels for the canonical vocabularies (trainer.core.vocab stays Qt-free).

The zh-TW labels are the unit's own wording and the translation source. Each one is
listed below with QT_TRANSLATE_NOOP so pyside6-lupdate extracts it into the .ts file;
tests/ui/test_english_ui.py fails when vocab gains a label missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trainer.core.vocab import COMPLAINT_TYPES, INDICATOR_LABELS, SETTINGS

CONTEXT = "Vocab"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for pyside6-lupdate, which finds calls by this name; unlike
    PySide6's own (typed `object`), it returns `str`."""
    del context
    return text


SOURCES: tuple[str, ...] = (
    # INDICATOR_LABELS (3.1–3.5)
    QT_TRANSLATE_NOOP("Vocab", "提問"),
    QT_TRANSLATE_NOOP("Vocab", "釐清"),
    QT_TRANSLATE_NOOP("Vocab", "解決"),
    QT_TRANSLATE_NOOP("Vocab", "回饋"),
    QT_TRANSLATE_NOOP("Vocab", "反思"),
    # SETTINGS (註4)
    QT_TRANSLATE_NOOP("Vocab", "住宿業者"),
    QT_TRANSLATE_NOOP("Vocab", "景點"),
    QT_TRANSLATE_NOOP("Vocab", "汽車出租業者"),
    QT_TRANSLATE_NOOP("Vocab", "娛樂場所"),
    QT_TRANSLATE_NOOP("Vocab", "活動規劃業者"),
    QT_TRANSLATE_NOOP("Vocab", "導遊"),
    QT_TRANSLATE_NOOP("Vocab", "餐廳"),
    QT_TRANSLATE_NOOP("Vocab", "旅遊和郵輪業者"),
    QT_TRANSLATE_NOOP("Vocab", "旅遊批發業者"),
    QT_TRANSLATE_NOOP("Vocab", "交通運輸業者"),
    # COMPLAINT_TYPES (註6)
    QT_TRANSLATE_NOOP("Vocab", "產品和服務沒有達到預期"),
    QT_TRANSLATE_NOOP("Vocab", "難處理或要求高的顧客"),
    QT_TRANSLATE_NOOP("Vocab", "投訴或糾紛惡化"),
    QT_TRANSLATE_NOOP("Vocab", "標價或報價錯誤"),
    QT_TRANSLATE_NOOP("Vocab", "其他團隊成員或合作商沒有處理特殊要求"),
    QT_TRANSLATE_NOOP("Vocab", "誤會或溝通不良"),
    QT_TRANSLATE_NOOP("Vocab", "服務或產品問題或瑕疵"),
)


def label(text: str) -> str:
    """A vocab label in the UI language (the zh-TW text when no translation is loaded)."""
    return QCoreApplication.translate(CONTEXT, text)


def indicator(indicator_id: str) -> str:
    """'3.1 提問' / '3.1 Questioning'."""
    return f"{indicator_id} {label(INDICATOR_LABELS[indicator_id]['zh-TW'])}"


def setting(key: str) -> str:
    return label(SETTINGS[key]) if key in SETTINGS else key


def complaint_type(key: str) -> str:
    return label(COMPLAINT_TYPES[key]) if key in COMPLAINT_TYPES else key


def translated(values: dict[str, str]) -> dict[str, str]:
    """A vocab dict with its labels in the UI language (for filter combos)."""
    return {key: label(text) for key, text in values.items()}
