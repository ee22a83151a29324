"""What each page of the editor shows: every field of the case format.

The specs follow `trainer.core.model` one to one (docs/case-format.md); a test checks
that every model field appears somewhere here.
"""

from __future__ import annotations

import functools
from typing import Any

from trainer.editor.document import CaseDocument, DocPath
from trainer.ui.editor import choices as ch
from trainer.ui.editor.fields import f
from trainer.ui.editor.forms import Column, RowsSpec

ML: dict[str, Any] = {"multiline": True}


def _text_row(_doc: CaseDocument, _path: DocPath) -> Any:
    return {"zh-TW": "（請填寫）", "en": "(to write)"}


def _ltext_list(rel: DocPath, label: str, tip: str = "") -> RowsSpec:
    return RowsSpec(
        rel,
        label,
        [Column("", "中文", "ltext-zh"), Column("", "English", "ltext-en")],
        new_row=_text_row,
        tip=tip,
        height=90,
    )


def _when_rows(rel: DocPath, label: str, text_key: str) -> RowsSpec:
    detail: list[Any] = [f("when", "條件 when", "condition")]
    if text_key == "text":
        detail.append(f("text", "開場 text", "ltext", **ML))
    else:
        detail += [
            f("reply", "回應 reply", "ltext", **ML),
            f("feedback", "回饋 feedback", "ltext", **ML),
        ]
    return RowsSpec(
        rel,
        label,
        [Column(text_key, "中文", "ltext-zh"), Column(text_key, "English", "ltext-en")],
        detail=detail,
        new_row=lambda d, p: {"when": {"mood_max": 30}, text_key: _text_row(d, p)},
        tip="第一個條件成立的版本會取代原本的文字 the first variant whose condition holds wins",
        height=110,
    )


OPTION_DETAIL: list[Any] = [
    f("text", "說法 text", "ltext", "學習者說的話或做的事", **ML),
    f("reply", "顧客回應 reply", "ltext", "顧客（或同事）的回答", **ML),
    f("feedback", "回饋 feedback", "ltext", "為什麼好或不好（用單元的概念）", **ML),
    f("hint", "提示 hint", "ltext", "練習模式的提示（可不填）"),
    f("reveals", "發現事實 reveals", "ids", "選了這個選項會發現的事實", choices=ch.fact_choices),
    f("requires", "先要選 requires", "ids", "必須先選過的選項", choices=ch.option_choices),
    f(
        "requires_facts",
        "先要知道 requires_facts",
        "ids",
        "必須先發現的事實",
        choices=ch.fact_choices,
    ),
    f("mood", "情緒變化 mood", "int", "-100..100", lo=-100, hi=100),
    f("minutes", "分鐘 minutes", "int", "模擬時間；不設定用預設", lo=0, hi=43200, optional=True),
    f("cost", "補償成本 cost (NT$)", "int", lo=0, hi=10_000_000),
    f("refund", "退費 refund (NT$)", "int", "多收的錢退回：不算補償", lo=0, hi=10_000_000),
    f("cost_note", "成本說明 cost_note", "ltext"),
    f("justifies_cost", "超過毛利的理由 justifies_cost", "ltext"),
    f("keywords", "關鍵詞 keywords", "keywords", "方案必填；差的選項建議填"),
    f("meets_needs", "滿足需求 meets_needs", "ids", choices=ch.need_choices),
    f(
        "grants_authority",
        "主管核准額度 grants_authority",
        "int",
        "請示主管：多核准的 NT$",
        lo=0,
        hi=10_000_000,
    ),
    f(
        "outcome",
        "方案結果 outcome",
        "choice",
        "只有方案（offer）有",
        choices=ch.OFFER_OUTCOMES,
        optional=True,
    ),
    f("indicator", "計入指標 indicator", "choice", choices=ch.INDICATOR_CHOICES, optional=True),
    f("when", "出現條件 when", "condition", "條件成立時才出現"),
    _when_rows(("variants",), "依情況的回應 variants", "reply"),
]


def _kinds(group: str, _doc: CaseDocument) -> list[tuple[str, str]]:
    return ch.kind_choices(group)


def _add_option(step: str, group: str, doc: CaseDocument) -> int:
    return doc.add_option(step, group)


def option_rows(step: str, group: str, label: str) -> RowsSpec:
    return RowsSpec(
        ("steps", step, group),
        label,
        [
            Column("id", "代號 id", "id", width=150),
            Column("kind", "類型 kind", "choice", functools.partial(_kinds, group), 170),
            Column("quality", "品質 quality", "choice", ch.quality_choices, 110),
            Column("text", "中文", "ltext-zh"),
            Column("text", "English", "ltext-en"),
        ],
        detail=OPTION_DETAIL,
        add=functools.partial(_add_option, step, group),
        id_refs=True,
        height=190,
    )


def _intro(step: str) -> list[Any]:
    return [
        f(("steps", step, "intro"), "開場 intro", "ltext", "步驟開始時顯示", **ML),
        _when_rows(("steps", step, "intro_variants"), "依情況的開場 intro_variants", "text"),
    ]


SECTIONS: list[tuple[str, str, list[Any]]] = [
    (
        "summary",
        "概要 Summary",
        [
            f("id", "案例代號 id", "str", "小寫英文、數字、- 和 _", placeholder="my-hotel-case"),
            f("version", "版本 version", "int", "修改後加 1", lo=1, hi=999, default=1),
            f("title", "標題 title", "ltext"),
            f("summary", "情境 summary", "ltext", "學習者走進來時看到的情況", height=90, **ML),
            f("setting", "行業 setting", "choice", choices=ch.settings),
            f("complaint_type", "投訴類型 complaint_type", "choice", choices=ch.complaint_types),
            f("difficulty", "難度 difficulty", "int", lo=1, hi=3),
            f(
                "languages",
                "語言 languages",
                "ids",
                "zh-TW 必選",
                choices=lambda d: ch.LANGUAGE_CHOICES,
            ),
            f("learner_role", "學習者角色 learner_role", "ltext"),
            f("partner", "合作廠商 partner", "ltext"),
            f("tags", "標籤 tags", "words", "elderly, small_child, wheelchair, foreign_visitor…"),
            f("follows", "接續案例 follows", "str", "這個案例接續的案例代號（可不填）"),
        ],
    ),
    (
        "customer",
        "顧客 Customer",
        [
            f(("customer", "name"), "姓名 name", "ltext"),
            f(("customer", "age"), "年齡 age", "int", lo=0, hi=120, optional=True),
            f(("customer", "gender"), "性別 gender", "ltext"),
            f(("customer", "culture"), "文化特質 culture", "ltext", **ML),
            f(
                ("customer", "internal"),
                "內部顧客 internal",
                "bool",
                text="是 內部顧客",
                reload=True,
            ),
            f(("customer", "segment"), "類型 segment", "choice", choices=ch.segments),
            f(("customer", "regular"), "常客 regular", "bool", text="是 常客"),
            _ltext_list(("customer", "special_needs"), "特殊需求 special_needs"),
            f(("customer", "needs"), "需求 needs", "ids", choices=ch.need_choices),
            f(("customer", "expectations"), "期望 expectations", "ltext", **ML),
            f(("customer", "profile"), "顧客檔案 profile", "ltext", **ML),
            _ltext_list(("customer", "nonverbal_cues"), "非語言線索 nonverbal_cues"),
            f(("customer", "opening_line"), "第一句話 opening_line", "ltext", **ML),
            f(("customer", "mood"), "起始情緒 mood", "int", "0 暴怒 – 100 非常滿意", lo=0, hi=100),
            f(
                ("customer", "patience"),
                "耐心 patience",
                "int",
                "可容忍幾次不當回應",
                lo=0,
                hi=20,
                default=3,
            ),
        ],
    ),
    (
        "business",
        "營業 Business",
        [
            f(
                ("business", "transaction_value"),
                "交易金額 transaction_value (NT$)",
                "int",
                lo=0,
                hi=100_000_000,
            ),
            f(("business", "margin_pct"), "毛利率 margin_pct (%)", "float", lo=0, hi=100),
            f(
                ("business", "authority_limit"),
                "授權額度 authority_limit (NT$)",
                "int",
                lo=0,
                hi=100_000_000,
            ),
            f(
                ("business", "target_minutes"),
                "目標時間 target_minutes",
                "int",
                "專家路徑必須在此時間內解決",
                lo=1,
                hi=43200,
            ),
            _ltext_list(("business", "policies"), "政策 policies"),
        ],
    ),
    (
        "facts",
        "事實 Facts",
        [
            RowsSpec(
                ("facts",),
                "事實 facts",
                [
                    Column("id", "代號 id", "id", width=170),
                    Column("kind", "類型 kind", "choice", ch.fact_kinds, 140),
                    Column("key", "關鍵 key", "bool", width=70),
                    Column("text", "中文", "ltext-zh"),
                    Column("text", "English", "ltext-en"),
                ],
                detail=[
                    f("text", "內容 text", "ltext", **ML),
                    f(
                        "keywords",
                        "關鍵詞 keywords",
                        "keywords",
                        "關鍵事實必填：學習者在 3.5 會怎麼說",
                    ),
                ],
                add=lambda d: d.add_fact(),
                id_refs=True,
                height=260,
            )
        ],
    ),
    (
        "questioning",
        "3.1 提問 Questioning",
        [*_intro("questioning"), option_rows("questioning", "questions", "問題 questions")],
    ),
    (
        "clarifying",
        "3.2 釐清 Clarifying",
        [
            *_intro("clarifying"),
            option_rows("clarifying", "paraphrases", "換句話說 paraphrases"),
            option_rows("clarifying", "tones", "語氣 tones"),
        ],
    ),
    (
        "resolving",
        "3.3 解決 Resolving",
        [
            *_intro("resolving"),
            option_rows("resolving", "actions", "行動 actions"),
            option_rows("resolving", "offers", "方案 offers"),
        ],
    ),
    (
        "feedback",
        "3.4 回饋 Feedback",
        [
            *_intro("feedback"),
            option_rows("feedback", "follow_ups", "後續回饋 follow_ups"),
            option_rows("feedback", "root_causes", "根本原因 root_causes"),
            RowsSpec(
                ("steps", "feedback", "recipients"),
                "通報對象 recipients",
                [
                    Column("id", "代號 id", "id", width=150),
                    Column("label", "中文", "ltext-zh"),
                    Column("label", "English", "ltext-en"),
                    Column("required", "必要 required", "bool", width=90),
                ],
                detail=[f("why", "原因 why", "ltext", **ML)],
                new_row=lambda d, p: {"id": d.new_id("r"), "label": _text_row(d, p)},
                height=120,
            ),
            f(
                ("steps", "feedback", "model_report", "preventive"),
                "範例報告：預防 preventive",
                "ltext",
                **ML,
            ),
            f(
                ("steps", "feedback", "model_report", "profile_note"),
                "範例報告：顧客檔案 profile_note",
                "ltext",
                **ML,
            ),
        ],
    ),
    (
        "reflecting",
        "3.5 反思 Reflecting",
        [
            *_intro("reflecting"),
            RowsSpec(
                ("steps", "reflecting", "prompts"),
                "反思題 prompts",
                [
                    Column("id", "代號 id", "id", width=150),
                    Column("text", "中文", "ltext-zh"),
                    Column("text", "English", "ltext-en"),
                    Column("min_chars", "最少字數", "int", width=80),
                ],
                detail=[
                    f("text", "題目 text", "ltext", **ML),
                    RowsSpec(
                        ("rubric",),
                        "評分重點 rubric",
                        [
                            Column("id", "代號 id", "id", width=130),
                            Column("label", "中文", "ltext-zh"),
                            Column("label", "English", "ltext-en"),
                        ],
                        detail=[
                            f("label", "重點 label", "ltext"),
                            f("any", "詞語 any", "keywords", "任一詞出現就算提到"),
                        ],
                        new_row=lambda d, p: {
                            "id": d.new_id("point"),
                            "label": _text_row(d, p),
                            "any": {"zh-TW": ["（詞語）"], "en": ["(to write)"]},
                        },
                        height=100,
                    ),
                ],
                new_row=lambda d, p: {"id": d.new_id("prompt"), "text": _text_row(d, p)},
                height=110,
            ),
        ],
    ),
    (
        "escalation",
        "升級 Escalation",
        [
            f(("escalation", "mood_below"), "情緒低於 mood_below", "int", lo=0, hi=100, default=10),
            f(
                ("escalation", "overrun_factor"),
                "超時倍數 overrun_factor",
                "float",
                lo=1,
                hi=10,
                default=2.0,
            ),
            f(
                ("escalation", "overrun_mood_penalty"),
                "超時扣情緒 overrun_mood_penalty",
                "int",
                lo=0,
                hi=50,
            ),
            f(("escalation", "reply"), "顧客說 reply", "ltext", **ML),
            f(("escalation", "consequence"), "後果 consequence", "ltext", **ML),
        ],
    ),
]

#: A few lines at the top of each page: what a good case needs there
#: (docs/writing-cases.md in brief). Plain text, both languages.
SECTION_HELP: dict[str, str] = {
    "summary": (
        "先想好故事：誰、在哪裡、哪裡出錯、真正的原因、公司能做的補償。代號存檔後就是檔名。\n"
        "Plan the story first: who, where, what went wrong, the real cause, what the "
        "business can offer. The id becomes the file name."
    ),
    "customer": (
        "顧客要像真人：需求（註1）、期望、非語言線索與第一句話。耐心＝可容忍幾次不當回應。\n"
        "A real person: needs (note 1), expectations, non-verbal cues, first words. "
        "Patience = poor moves tolerated before escalating."
    ),
    "business": (
        "最佳方案超過授權額度時，要在 3.3 寫一個「請示主管」行動（grants_authority）。\n"
        "If the best offer exceeds the authority limit, write a consult_manager action "
        "in 3.3 that grants the difference."
    ),
    "facts": (
        "學習者要問出來的事實；key＝3.1 計分的關鍵事實（要填關鍵詞）。好的問題才問得出來。\n"
        "Facts the learner uncovers; key facts score 3.1 (give keywords). Only good "
        "questions should reveal them."
    ),
    "questioning": (
        "至少 8 題，五種問題都要有；好問題用「發現事實」連到事實，差的問題扣情緒。\n"
        "At least eight questions of all five kinds; good ones reveal facts, poor ones "
        "cost mood (−5 to −15). No strawmen: write what a stressed new employee might say."
    ),
    "clarifying": (
        "換句話說與語氣各至少 3 個；正確的換句話說用「先要知道」連到關鍵事實。\n"
        "At least three paraphrases and three tones; the accurate paraphrase requires "
        "the key facts it restates."
    ),
    "resolving": (
        "一定要有「詢問需求」；至少 4 個方案：合適（最佳）、太慷慨、太少、答非所問。\n"
        "Always an ask_wants; at least four offers: the fitting one (best), an "
        "over-generous one, too little, one that ignores what the customer said."
    ),
    "feedback": (
        "後續回饋要標出適用的結果（when: outcome）；根本原因寫流程，不寫人。\n"
        "Each follow-up says which outcomes it fits; root causes name the process, not a "
        "person."
    ),
    "reflecting": (
        "每題至少 2 個本案特有的評分重點；範例反思要涵蓋它們（專家 ≥ 90 分）。\n"
        "Each prompt needs at least two rubric points specific to this case; the model "
        "reflection must cover them (the expert scores >= 90)."
    ),
    "escalation": (
        "情緒低於門檻、超時或不當回應超過耐心時，顧客要求找主管。\n"
        "The customer demands a manager below this mood, past the time limit, or after "
        "too many poor moves."
    ),
}
