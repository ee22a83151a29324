"""The observer window's own strings, zh-TW and English (chosen by the app's language)."""

from __future__ import annotations


def pick(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


#: Keys for the tick targets, in order (digits, then the letter rows).
TICK_KEYS = "1234567890QWERTYUIOPASDFGHJKLZXCVBNM"
