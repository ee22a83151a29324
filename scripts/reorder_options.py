"""Move best options away from the top of each list in case files (a one-off authoring aid).

Learners see every list shuffled per attempt, so file order is invisible to them; it
still shows in the editor, in attempts logged before shuffling, and to anyone reading
the YAML. This keeps authors' habit (best option first) out of the files: each list
whose first option is `best` is rotated by a stable, case-specific amount so the best
option lands elsewhere. Comments and key order survive (ruamel.yaml round trip).

    uv run --with ruamel.yaml python scripts/reorder_options.py data/cases/*.yaml
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from ruamel.yaml import YAML

LISTS = {
    "questioning": ("questions",),
    "clarifying": ("paraphrases", "tones"),
    "resolving": ("actions", "offers"),
    "feedback": ("follow_ups", "root_causes"),
}
DEFAULT_BEST = {"open_question", "paraphrase_accurate", "tone_empathetic"}


def is_best(option: dict) -> bool:  # type: ignore[type-arg]
    quality = option.get("quality")
    return quality == "best" or (quality is None and option.get("kind") in DEFAULT_BEST)


def rotate(case_id: str, group: str, options: list) -> bool:  # type: ignore[type-arg]
    if len(options) < 3 or not is_best(options[0]):
        return False
    digest = hashlib.sha256(f"{case_id}:{group}".encode()).digest()
    for shift in range(1 + digest[0] % (len(options) - 1), len(options) + 1):
        rotated = options[shift:] + options[:shift]
        if not is_best(rotated[0]):
            options[:] = rotated
            return True
    return False


def main(paths: list[str]) -> int:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    for name in paths:
        path = Path(name)
        data = yaml.load(path.read_text(encoding="utf-8"))
        changed = False
        for step, groups in LISTS.items():
            for group in groups:
                options = data["steps"][step].get(group)
                if options:
                    changed |= rotate(str(data["id"]), group, options)
        if changed:
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
            print(f"reordered {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
