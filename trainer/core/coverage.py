"""How well the case library covers the unit: the numbers behind `cases report`.

Most features are derived from the cases themselves (the expert path, the offers,
the worst path); the customer kinds that a schema cannot infer (a small child, a
wheelchair, a foreign visitor) come from the case's `tags`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from trainer.core.autoplay import WorstPolicy, play_through
from trainer.core.cues import LANGUAGES, cue_stats
from trainer.core.model import Case, Kind
from trainer.core.scoring import score_session
from trainer.core.vocab import COMPLAINT_TYPES, SETTINGS

#: The minimums the library must meet (issue: case library).
MIN_CASES = 34
MIN_PER_COMPLAINT_TYPE = 3
MIN_SETTINGS = 10
#: Every setting of 註4 appears in at least this many cases.
MIN_PER_SETTING = 2
MIN_ENGLISH = 34
MIN_PARTNER_FAILURES = 3
MIN_WORST_ESCALATES = 3
MIN_OVER_AUTHORITY = 2
MIN_PRICING = 2
MIN_DELAY_UPDATES = 1
MIN_INTERNAL = 2

#: Customer kinds every library must include, and how each is recognised.
#: How far above chance the share of "best option is the longest" may be.
MAX_CUE_EXCESS = 0.10
#: A reflection prompt's text may be shared by at most this many cases.
MAX_PROMPT_SHARING = 3

CUSTOMER_KINDS = {
    "regular": "常客 regular customer",
    "first_time": "新顧客 first-time customer",
    "elderly": "年長旅客 elderly traveller (age ≥ 65 or tag elderly)",
    "small_child": "帶幼兒的家庭 family with a small child (tag small_child)",
    "special_need": "特殊需求 special need (tag wheelchair, food_allergy, halal...)",
    "foreign_visitor": "外籍旅客 foreign visitor with little Chinese (tag foreign_visitor)",
    "corporate": "企業客戶 corporate / B2B client (segment b2b, company or retailer)",
    "online_booking": "線上訂購 online-booking customer (segment online or ecommerce)",
    "media": "媒體／網紅 media or influencer (segment media)",
    "internal": "內部顧客 internal customer",
}


#: Tags that mark a customer with a special need (註1 特殊需要), beyond everyday wishes.
SPECIAL_NEED_TAGS = frozenset(
    {
        "wheelchair",
        "special_needs",
        "food_allergy",
        "halal",
        "hearing_impaired",
        "visually_impaired",
    }
)


def customer_kinds(case: Case) -> set[str]:
    c = case.customer
    tags = set(case.tags)
    kinds = {"regular" if c.regular else "first_time"}
    if (c.age is not None and c.age >= 65) or "elderly" in tags:
        kinds.add("elderly")
    if "small_child" in tags:
        kinds.add("small_child")
    if tags & SPECIAL_NEED_TAGS:
        kinds.add("special_need")
    if "foreign_visitor" in tags:
        kinds.add("foreign_visitor")
    if c.segment in ("b2b", "company", "retailer"):
        kinds.add("corporate")
    if c.segment in ("online", "ecommerce"):
        kinds.add("online_booking")
    if c.segment == "media":
        kinds.add("media")
    if c.internal:
        kinds.add("internal")
    return kinds


@dataclass(frozen=True)
class CaseFeatures:
    case_id: str
    partner_failure: bool
    worst_escalates: bool
    best_offer_over_authority: bool
    pricing_error: bool
    delay_updates: bool
    english: bool
    kinds: frozenset[str]
    worst_total: int


def case_features(case: Case) -> CaseFeatures:
    expert = [case.option(i) for i in case.expert_path]
    offers = [o for o in expert if o.kind is Kind.offer]
    worst = play_through(case, WorstPolicy())
    return CaseFeatures(
        case_id=case.id,
        partner_failure=any(o.kind is Kind.contact_partner for o in expert),
        worst_escalates=worst.state.escalated,
        best_offer_over_authority=any(o.cost > case.business.authority_limit for o in offers),
        pricing_error=case.complaint_type == "pricing_error",
        delay_updates=any(o.kind is Kind.update_customer for o in expert),
        english="en" in case.languages,
        kinds=frozenset(customer_kinds(case)),
        worst_total=score_session(case, worst.state).total,
    )


@dataclass
class Coverage:
    cases: list[Case]
    features: list[CaseFeatures]
    matrix: dict[str, Counter[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, cases: list[Case]) -> Coverage:
        matrix: dict[str, Counter[str]] = {t: Counter() for t in COMPLAINT_TYPES}
        for case in cases:
            matrix[case.complaint_type][case.setting] += 1
        return cls(cases=cases, features=[case_features(c) for c in cases], matrix=matrix)

    def count(self, name: str) -> int:
        return sum(1 for f in self.features if getattr(f, name))

    def per_type(self) -> Counter[str]:
        return Counter(c.complaint_type for c in self.cases)

    def settings(self) -> Counter[str]:
        return Counter(c.setting for c in self.cases)

    def difficulties(self) -> Counter[int]:
        return Counter(c.difficulty for c in self.cases)

    def kinds(self) -> Counter[str]:
        counter: Counter[str] = Counter()
        for f in self.features:
            counter.update(f.kinds)
        return counter

    def gaps(self) -> list[str]:
        """Every way the library falls short of the minimums (empty when it doesn't)."""
        gaps: list[str] = []
        if len(self.cases) < MIN_CASES:
            gaps.append(f"{len(self.cases)} cases; at least {MIN_CASES} needed")
        per_type = self.per_type()
        for t in COMPLAINT_TYPES:
            if per_type[t] < MIN_PER_COMPLAINT_TYPE:
                gaps.append(
                    f"complaint type {t}: {per_type[t]} case(s), {MIN_PER_COMPLAINT_TYPE} needed"
                )
        if len(self.settings()) < MIN_SETTINGS:
            gaps.append(f"{len(self.settings())} settings covered; {MIN_SETTINGS} needed")
        for setting, count in self.settings().items():
            if count < MIN_PER_SETTING:
                gaps.append(f"setting {setting}: {count} case(s), {MIN_PER_SETTING} needed")
        missing_levels = {1, 2, 3} - set(self.difficulties())
        if missing_levels:
            gaps.append(f"no case of difficulty {sorted(missing_levels)}")
        kinds = self.kinds()
        for kind in CUSTOMER_KINDS:
            need = MIN_INTERNAL if kind == "internal" else 1
            if kinds[kind] < need:
                gaps.append(f"customer kind {kind}: {kinds[kind]} case(s), {need} needed")
        for name, minimum, label in (
            ("english", MIN_ENGLISH, "cases with English"),
            ("partner_failure", MIN_PARTNER_FAILURES, "partner-failure cases"),
            ("worst_escalates", MIN_WORST_ESCALATES, "cases whose worst path escalates"),
            (
                "best_offer_over_authority",
                MIN_OVER_AUTHORITY,
                "cases whose best offer needs a manager",
            ),
            ("pricing_error", MIN_PRICING, "pricing / quotation error cases"),
            ("delay_updates", MIN_DELAY_UPDATES, "delayed-service cases with customer updates"),
        ):
            if self.count(name) < minimum:
                gaps.append(f"{self.count(name)} {label}; {minimum} needed")
        for lang in LANGUAGES:
            cues = cue_stats(list(self.cases), lang)
            if cues.lists and cues.best_longest_share > cues.chance_share + MAX_CUE_EXCESS:
                gaps.append(
                    f"the best option is the longest in {cues.best_longest_share:.0%} of "
                    f"lists in {lang} (chance {cues.chance_share:.0%}): length gives answers away"
                )
        for text, ids in shared_prompts(list(self.cases)).items():
            if len(ids) > MAX_PROMPT_SHARING:
                gaps.append(f"reflection prompt '{text[:20]}…' is shared by {len(ids)} cases")
        return gaps


def render_report(coverage: Coverage) -> str:
    """The coverage matrix and counts as plain text for a terminal."""
    settings = list(SETTINGS)
    short = dict(
        zip(
            settings,
            ("accom", "attr", "car", "ent", "event", "guide", "rest", "tour", "whole", "trans"),
            strict=True,
        )
    )
    legend = "  ".join(f"{short[s]}={s} {SETTINGS[s]}" for s in settings)
    lines = ["Complaint type × setting (number of cases)", legend, ""]
    header = f"{'':<22}" + "".join(f"{short[s]:>7}" for s in settings) + "  total"
    lines.append(header)
    for t in COMPLAINT_TYPES:
        row = coverage.matrix[t]
        cells = "".join(f"{(row[s] or '.'):>7}" for s in settings)
        lines.append(f"{t:<22}{cells}  {sum(row.values()):>5}")
    setting_counts = coverage.settings()
    lines.append(f"{'total':<22}" + "".join(f"{setting_counts[s]:>7}" for s in settings))
    lines.append("")
    lines.append("Customer kinds")
    kinds = coverage.kinds()
    for kind, label in CUSTOMER_KINDS.items():
        lines.append(f"  {label:<58} {kinds[kind]:>3}")
    lines.append("")
    diff = coverage.difficulties()
    lines.append("Difficulty: " + ", ".join(f"{d}: {diff[d]}" for d in (1, 2, 3)))
    lines.append(f"Languages: zh-TW {len(coverage.cases)}, en {coverage.count('english')}")
    lines.append("")
    lines.append("Case features")
    for name, label in (
        ("partner_failure", "partner failed (expert contacts the partner)"),
        ("worst_escalates", "worst path escalates"),
        ("best_offer_over_authority", "best offer exceeds authority (ask a manager)"),
        ("pricing_error", "pricing or quotation error"),
        ("delay_updates", "delayed service, customer kept updated"),
    ):
        lines.append(f"  {label:<50} {coverage.count(name):>3}")
    lines.append("")
    lines.extend(_cue_lines(coverage))
    gaps = coverage.gaps()
    lines.append("")
    if gaps:
        lines.append(f"GAPS ({len(gaps)}):")
        lines.extend(f"  - {g}" for g in gaps)
    else:
        lines.append("No gaps: the library meets every coverage minimum.")
    return "\n".join(lines)


def shared_prompts(cases: list[Case]) -> dict[str, list[str]]:
    """Reflection prompt texts (zh-TW) used by more than one case, with the case ids."""
    users: dict[str, list[str]] = {}
    for case in cases:
        for text in {p.text.get("zh-TW") for p in case.steps.reflecting.prompts}:
            users.setdefault(text, []).append(case.id)
    return {text: ids for text, ids in users.items() if len(ids) > 1}


def _cue_lines(coverage: Coverage) -> list[str]:
    shared = shared_prompts(list(coverage.cases))
    worst = max((len(ids) for ids in shared.values()), default=1)
    lines = ["Cues in the form (should look like chance)"]
    for lang in LANGUAGES:
        stats = cue_stats(list(coverage.cases), lang)
        lines += [
            f"  {lang}: lists with a best option: {stats.lists}",
            f"    best option is the longest: {stats.best_longest_share:.0%} "
            f"(chance {stats.chance_share:.0%})",
            f"    mean rank of the best option by length (1 = longest): {stats.mean_rank:.2f} "
            f"(chance {stats.chance_rank:.2f})",
        ]
    lines.append(
        f"  reflection prompts shared by several cases: {len(shared)} "
        f"(most cases sharing one: {worst}; at most 3 allowed)"
    )
    return lines
