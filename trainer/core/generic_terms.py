"""The vocabulary of complaint handling that fits every case.

A reflection that strings these words together ("listen, apologise, confirm the facts,
refund within my authority, report to the supervisor, fix the SOP and the training")
could be pasted into any case without reading it. A rubric or keyword phrase that this
vocabulary would match is therefore no evidence that the learner thought about *this*
case: `trainer.core.reflection` ignores such phrases, and lint asks for a phrase
specific to the case when a rubric point has no other.

Before this list, a reflection made only of these words scored up to 71 on 3.5 (76 in
English), with no case-specific word in it. See docs/scoring.md.
"""

from __future__ import annotations

#: One item per entry; Chinese items also make every phrase they contain generic.
GENERIC_VOCABULARY: dict[str, tuple[str, ...]] = {
    "zh-TW": tuple(
        """
        傾聽 聆聽 道歉 抱歉 致歉 同理 同理心 理解 感受 情緒 冷靜 耐心 安撫 尊重 微笑 態度 語氣
        禮貌 專業 確認 複述 重述 釐清 詢問 提問 問清楚 開放式問題 封閉式問題 原因 根本原因 事實
        細節 關鍵事實 經過 需求 期待 期望 紀錄 記錄 登記 備註 資料 顧客資料 客戶資料 顧客檔案
        政策 規定 規範 授權 權限 權限內 授權範圍 主管 經理 店長 領班 值班經理 同事 部門 相關部門
        廠商 供應商 合作商 夥伴 回報 通報 報告 反映 交接 交接單 交接本 流程 作業流程 標準作業流程
        訓練 教育訓練 員工訓練 檢查 檢查表 稽核 標示 告示 說明 公告 系統 溝通 協調 追蹤 後續追蹤
        回訪 回電 致電 通知 補償 賠償 退款 退費 全額退款 部分退款 折扣 優惠 折價券 禮券 招待 免費
        升等 換房 換位 更換 重新安排 改期 方案 選項 解決方案 替代方案 成本 毛利 預算 核准 書面
        簽名 合約 時間 速度 盡快 立即 馬上 當場 現場 升級 客訴 投訴 抱怨 顧客 客人 服務 品質 滿意
        不滿 信任 下次 改善 改進 預防 避免 再發生 反思 學到 經驗 錯誤 失誤 疏失
        """.split()  # noqa: SIM905 (a block of words reads better than 150 quoted ones)
    ),
    "en": (
        "listen",
        "listening",
        "apologise",
        "apologize",
        "apology",
        "sorry",
        "empathy",
        "empathise",
        "empathize",
        "understand",
        "feelings",
        "emotions",
        "calm",
        "patient",
        "patience",
        "respect",
        "smile",
        "attitude",
        "tone",
        "polite",
        "professional",
        "confirm",
        "paraphrase",
        "restate",
        "clarify",
        "ask",
        "question",
        "open question",
        "closed question",
        "open-ended question",
        "cause",
        "root cause",
        "facts",
        "details",
        "key facts",
        "needs",
        "expectations",
        "record",
        "log",
        "note",
        "notes",
        "remarks",
        "profile",
        "customer profile",
        "guest profile",
        "policy",
        "rules",
        "authority",
        "authorisation",
        "authorization",
        "limit",
        "within my authority",
        "supervisor",
        "manager",
        "duty manager",
        "colleague",
        "department",
        "team",
        "supplier",
        "vendor",
        "partner",
        "report",
        "escalate",
        "handover",
        "handover note",
        "process",
        "procedure",
        "SOP",
        "training",
        "staff training",
        "check",
        "checklist",
        "audit",
        "sign",
        "signage",
        "label",
        "notice",
        "system",
        "communication",
        "communicate",
        "coordinate",
        "follow up",
        "call back",
        "notify",
        "compensation",
        "compensate",
        "refund",
        "full refund",
        "partial refund",
        "discount",
        "voucher",
        "coupon",
        "complimentary",
        "free",
        "upgrade",
        "change room",
        "move",
        "reschedule",
        "option",
        "solution",
        "alternative",
        "cost",
        "margin",
        "budget",
        "approval",
        "approve",
        "in writing",
        "signature",
        "contract",
        "time",
        "quickly",
        "immediately",
        "right away",
        "on the spot",
        "complaint",
        "customer",
        "guest",
        "service",
        "quality",
        "satisfied",
        "satisfaction",
        "trust",
        "next time",
        "improve",
        "prevent",
        "avoid",
        "recur",
        "reflect",
        "learned",
        "lesson",
        "mistake",
        "error",
    ),
}

#: The vocabulary pasted as one answer, in each language: the keyword-stuffing player.
STUFFED_REFLECTIONS: dict[str, str] = {
    lang: ("、" if lang == "zh-TW" else ", ").join(items)
    for lang, items in GENERIC_VOCABULARY.items()
}
