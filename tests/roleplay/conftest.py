"""Shared pieces of the role-play tests: the case, a full observation document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CASES_DIR
from trainer.core.loader import LoadedCase, load_case_file

CASE = "beitou-hot-spring-cold-water"


@pytest.fixture(scope="session")
def loaded() -> LoadedCase:
    return load_case_file(CASES_DIR / f"{CASE}.yaml")


def observation(full: bool = True) -> dict[str, Any]:
    """Ticks, ratings and notes; with `full`, the agent's report and reflection too."""
    data: dict[str, Any] = {
        "ticks": [
            "open_questions",
            {"behaviour": "fact-water_lukewarm", "at_s": 40},
            {"behaviour": "fact-anniversary", "at_s": 95},
            {"behaviour": "paraphrase", "at_s": 150},
            {"behaviour": "feelings", "at_s": 160},
            {"behaviour": "ask_wants", "at_s": 240},
            {"behaviour": "offer_in_time", "at_s": 480},
            {"behaviour": "follow_up", "at_s": 520},
        ],
        "ratings": {"3.1": 4, "3.2": 5, "3.3": 3, "3.4": 4},
        "notes": {"general": "先道歉再提問，語氣穩定。", "3.3": "Never called engineering."},
        "elapsed_s": 560,
    }
    if full:
        data["report"] = {
            "root_cause": "rc_no_notice",
            "recipients": ["engineering", "front_office_manager"],
            "preventive": "工務部施工前先通知櫃檯與客務部",
            "profile_note": "結婚紀念日；先生膝蓋不好",
        }
        data["reflection"] = {
            "answers": {
                "why_lukewarm": "工務部清洗溫泉管沒有通知櫃檯，我當時沒有先問工務部。",
                "upgrade_cost": "升等的景觀套房今晚空著，由值班經理核准。",
                "not_money": "今天是四十週年紀念日，先生膝蓋不好，他們不是要錢。",
            },
            "self_ratings": {"3.1": 4, "3.2": 4, "3.3": 5, "3.4": 3},
        }
    return data


def write_observation(path: Path, full: bool = True) -> Path:
    path.write_text(json.dumps(observation(full), ensure_ascii=False), encoding="utf-8")
    return path
