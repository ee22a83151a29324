"""Canonical vocabularies of unit TRM3R0182v2 (see shared/design/competency.md).

These ids are shared by case files, the engine, exports and analytics; the Chinese
labels are shown to users exactly as written in the unit.
"""

from __future__ import annotations

from typing import Final

UNIT_ID: Final = "TRM3R0182v2"
UNIT_TITLE: Final = {"zh-TW": "提昇顧客服務經驗", "en": "Enhancing the customer service experience"}

LANGUAGES: Final = ("zh-TW", "en")

#: The five behaviour indicators of task area 三, in order.
INDICATORS: Final = ("3.1", "3.2", "3.3", "3.4", "3.5")

#: Engine step name -> indicator id.
STEP_INDICATOR: Final = {
    "questioning": "3.1",
    "clarifying": "3.2",
    "resolving": "3.3",
    "feedback": "3.4",
    "reflecting": "3.5",
}
STEPS: Final = tuple(STEP_INDICATOR)

INDICATOR_LABELS: Final = {
    "3.1": {"zh-TW": "提問", "en": "Questioning"},
    "3.2": {"zh-TW": "釐清", "en": "Clarifying"},
    "3.3": {"zh-TW": "解決", "en": "Resolving"},
    "3.4": {"zh-TW": "回饋", "en": "Feedback"},
    "3.5": {"zh-TW": "反思", "en": "Reflecting"},
}

INDICATOR_TEXT: Final = {
    "3.1": "運用提問技巧來確認和決定投訴的性質、可能原因和細節",
    "3.2": "適時運用溝通技巧來協助客戶釐清問題與處理方式",
    "3.3": "詢問顧客，採取迅速動作來解決投訴及避免問題升級以讓顧客滿意",
    "3.4": "提供適切之反饋，並向內部提供對投訴的反饋意見，以避免未來重複發生",
    "3.5": "反省及評估投訴與解決方案，以改進未來問題發生時的應對方式",
}

INDICATOR_TEXT_EN: Final = {
    "3.1": "Use questioning techniques to establish the nature, likely causes and details "
    "of the complaint",
    "3.2": "Use communication skills at the right moments to help the customer clarify the "
    "problem and how it will be handled",
    "3.3": "Ask the customer and act quickly to resolve the complaint, avoid escalation and "
    "satisfy the customer",
    "3.4": "Give suitable feedback, and feed the complaint back internally so that it does "
    "not happen again",
    "3.5": "Reflect on and evaluate the complaint and its solution, to handle similar "
    "problems better in future",
}


def indicator_text(indicator: str, lang: str = "zh-TW") -> str:
    """The unit's behaviour indicator, in the sheet's language."""
    return (INDICATOR_TEXT_EN if lang == "en" else INDICATOR_TEXT)[indicator]


#: What each option list is for, as the expert comparison names it.
GROUP_PURPOSE: Final = {
    "questions": {"zh-TW": "3.1 提問找出事實", "en": "3.1 Question to find the facts"},
    "paraphrases": {"zh-TW": "3.2 複述確認", "en": "3.2 Paraphrase to confirm"},
    "tones": {"zh-TW": "3.2 語氣與同理", "en": "3.2 Tone and empathy"},
    "actions": {"zh-TW": "3.3 採取行動", "en": "3.3 Take action"},
    "offers": {"zh-TW": "3.3 解決方案", "en": "3.3 Offer a solution"},
    "follow_ups": {"zh-TW": "3.4 顧客後續", "en": "3.4 Follow up with the customer"},
    "root_causes": {"zh-TW": "3.4 找出根本原因", "en": "3.4 Name the root cause"},
}

#: 註6 complaint types.
COMPLAINT_TYPES: Final = {
    "expectation_gap": "產品和服務沒有達到預期",
    "demanding_customer": "難處理或要求高的顧客",
    "escalated_dispute": "投訴或糾紛惡化",
    "pricing_error": "標價或報價錯誤",
    "unmet_special_request": "其他團隊成員或合作商沒有處理特殊要求",
    "miscommunication": "誤會或溝通不良",
    "defect": "服務或產品問題或瑕疵",
}

#: 註4 settings and partners.
SETTINGS: Final = {
    "accommodation": "住宿業者",
    "attraction": "景點",
    "car_rental": "汽車出租業者",
    "entertainment": "娛樂場所",
    "event": "活動規劃業者",
    "tour_guide": "導遊",
    "restaurant": "餐廳",
    "tour_cruise": "旅遊和郵輪業者",
    "wholesale": "旅遊批發業者",
    "transport": "交通運輸業者",
}

#: 註2 customer segments, external and internal.
EXTERNAL_SEGMENTS: Final = {
    "b2b": "企業對企業",
    "company": "公司",
    "ecommerce": "電子商務",
    "government": "政府",
    "online": "線上",
    "media": "媒體",
    "retailer": "零售商",
    "visitor": "訪客",
    "individual": "個人旅客",
}
INTERNAL_SEGMENTS: Final = {
    "colleague": "同事",
    "manager": "經理",
    "team_member": "團隊成員",
    "other_department": "其它部門",
    "branch_staff": "分公司或地區的職員",
    "supervisor": "主管",
}

#: 註1 preferences, needs and expectations.
NEEDS: Final = {
    "assistance": "協助",
    "comfort": "安慰",
    "courtesy": "禮貌",
    "empathy": "同理心和支持",
    "emergency_help": "緊急協助",
    "friendliness": "友善",
    "new_experience": "新體驗",
    "speed": "迅速的服務",
    "special_request": "特殊要求",
    "value_for_money": "物有所值",
    "adjustment": "標準方案的調整",
}

#: The same needs in English, for English sheets and reasons.
NEEDS_EN: Final = {
    "assistance": "assistance",
    "comfort": "comfort",
    "courtesy": "courtesy",
    "empathy": "empathy and support",
    "emergency_help": "emergency help",
    "friendliness": "friendliness",
    "new_experience": "a new experience",
    "speed": "speedy service",
    "special_request": "a special request",
    "value_for_money": "value for money",
    "adjustment": "an adjusted standard offer",
}

FACT_KINDS: Final = {"nature": "性質", "cause": "原因", "detail": "細節"}

OUTCOMES: Final = {
    "resolved": "已解決",
    "partially_resolved": "部分解決",
    "escalated": "升級處理",
    "lost": "顧客流失",
}
