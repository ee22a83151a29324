"""Length cues: is the best option of a list given away by being the longest?

Used by `cases lint` (a warning per list) and `cases report` (library-wide statistics
that should look like chance). Lengths are in characters of one language's text: the
Chinese and the English lists are checked apart, as a student sees only one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.core.model import Case, Option, Quality

#: A best option longer than every other option by more than this share is a cue.
LONGEST_MARGIN = 0.25


@dataclass(frozen=True)
class ListCue:
    group: str
    options: int
    best_id: str
    best_len: int
    longest_other: int
    rank: int  # 1 = the best option is the longest of its list

    @property
    def best_is_longest(self) -> bool:
        return self.rank == 1

    @property
    def glaring(self) -> bool:
        return self.best_len > (1 + LONGEST_MARGIN) * self.longest_other


#: The languages a student can play in, checked apart.
LANGUAGES = ("zh-TW", "en")


def list_cues(case: Case, lang: str = "zh-TW") -> list[ListCue]:
    """One entry per option list that has a best option and at least one other."""

    def _length(option: Option) -> int:
        return len(option.text.get(lang))

    cues: list[ListCue] = []
    for group, options in case.option_groups().items():
        best = [o for o in options if o.rated_quality is Quality.best]
        others = [o for o in options if o.rated_quality is not Quality.best]
        if not best or not others:
            continue
        key = max(best, key=_length)
        lengths = sorted((_length(o) for o in options), reverse=True)
        cues.append(
            ListCue(
                group=group,
                options=len(options),
                best_id=key.id,
                best_len=_length(key),
                longest_other=max(_length(o) for o in others),
                rank=lengths.index(_length(key)) + 1,
            )
        )
    return cues


@dataclass(frozen=True)
class CueStats:
    lists: int
    best_longest: int
    chance_longest: float  # expected count if lengths were unrelated to quality
    mean_rank: float
    chance_rank: float

    @property
    def best_longest_share(self) -> float:
        return self.best_longest / self.lists if self.lists else 0.0

    @property
    def chance_share(self) -> float:
        return self.chance_longest / self.lists if self.lists else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "lists": self.lists,
            "best_longest_share": round(self.best_longest_share, 3),
            "chance_share": round(self.chance_share, 3),
            "mean_rank_of_best_by_length": round(self.mean_rank, 2),
            "chance_mean_rank": round(self.chance_rank, 2),
        }


def cue_stats(cases: list[Case], lang: str = "zh-TW") -> CueStats:
    cues = [c for case in cases for c in list_cues(case, lang)]
    if not cues:
        return CueStats(0, 0, 0.0, 0.0, 0.0)
    return CueStats(
        lists=len(cues),
        best_longest=sum(c.best_is_longest for c in cues),
        chance_longest=sum(1 / c.options for c in cues),
        mean_rank=sum(c.rank for c in cues) / len(cues),
        chance_rank=sum((c.options + 1) / 2 for c in cues) / len(cues),
    )
