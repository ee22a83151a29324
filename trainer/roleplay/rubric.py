"""Rubric descriptors 1–5 for each indicator, as the observer rates them."""

from __future__ import annotations

from trainer.core.model import Case

RATED_INDICATORS = ("3.1", "3.2", "3.3", "3.4")

# (zh-TW, en) per level 1..5; {keys}, {authority}, {margin}, {target} are filled per case.
_DESCRIPTORS: dict[str, list[tuple[str, str]]] = {
    "3.1": [
        ("幾乎沒有提問，或提問帶責備、誘導", "Hardly asked, or asked blaming or leading questions"),
        ("只用封閉式問題，找出少數事實", "Only closed questions; found few facts"),
        ("有開放式問題，找出部分關鍵事實", "Some open questions; found part of the key facts"),
        (
            "先開放後封閉，找出大部分關鍵事實（共 {keys} 項）",
            "Open then closed questions; found most of the {keys} key facts",
        ),
        (
            "提問有條理，找出全部 {keys} 項關鍵事實的性質、原因與細節",
            "Structured questioning; found all {keys} key facts: nature, cause and details",
        ),
    ],
    "3.2": [
        ("沒有複述，語氣防衛或冷淡", "No paraphrase; defensive or cold tone"),
        ("複述扭曲或遺漏重點，少有同理", "Paraphrase distorted or incomplete; little empathy"),
        ("有複述但未確認，語氣平淡", "Paraphrased but did not check; neutral tone"),
        ("正確複述並確認，有回應情緒", "Accurate paraphrase, checked; acknowledged feelings"),
        (
            "正確複述並確認，同理且守政策，顧客明顯放心",
            "Accurate, checked paraphrase; empathetic within policy; the customer visibly calmed",
        ),
    ],
    "3.3": [
        ("沒有解決，或投訴升級", "No resolution, or the complaint escalated"),
        (
            "方案不符需求，或超出權限 {authority}／毛利 {margin}",
            "Offer missed the needs, or exceeded the authority {authority} / margin {margin}",
        ),
        ("有方案但未先詢問顧客期望，或超過目標時間", "An offer without asking the wishes, or late"),
        (
            "詢問期望，方案在權限內，接近目標時間 {target} 分鐘",
            "Asked the wishes; offer within authority, near the target {target} min",
        ),
        (
            "詢問期望、必要時聯絡主管或廠商，{target} 分鐘內顧客接受方案",
            "Asked the wishes, contacted manager/partner as needed; accepted within {target} min",
        ),
    ],
    "3.4": [
        ("沒有後續，也沒有內部回饋", "No follow-up and no internal feedback"),
        ("只有簡單交代，根本原因錯誤", "A vague follow-up; wrong root cause"),
        ("有後續或報告其一完整", "Either the follow-up or the report is complete"),
        ("後續清楚，報告找出根本原因", "Clear follow-up; the report names the root cause"),
        (
            "後續具體（時間、負責人），報告找出根本原因並通報正確對象、提出預防建議",
            "Concrete follow-up (when, who); root cause, right recipients and prevention",
        ),
    ],
}


def descriptors(case: Case, indicator: str, lang: str = "zh-TW") -> list[str]:
    """The five descriptors (level 1 first) of one indicator, filled in for the case."""
    b = case.business
    values = {
        "keys": len(case.key_facts),
        "authority": f"NT${b.authority_limit:,}",
        "margin": f"NT${b.margin_value:,}",
        "target": b.target_minutes,
    }
    index = 1 if lang == "en" else 0
    return [pair[index].format(**values) for pair in _DESCRIPTORS[indicator]]


def descriptor(case: Case, indicator: str, level: int, lang: str = "zh-TW") -> str:
    return descriptors(case, indicator, lang)[level - 1]
