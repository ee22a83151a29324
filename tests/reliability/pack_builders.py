"""Build good and hostile case packs (zip files) for the pack tests and the fuzz corpus."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from trainer.paths import builtin_cases_dir

BASE_ID = "beitou-hot-spring-cold-water"


def case_bytes(new_id: str = "pack-test-case", title_suffix: str = "") -> bytes:
    """A valid case: the built-in one under another id (and optionally another title)."""
    text = (builtin_cases_dir() / f"{BASE_ID}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {BASE_ID}\n", f"id: {new_id}\n", 1)
    if title_suffix:
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith("  zh-TW: ") and i < 20:
                lines[i] = line.rstrip("\n") + title_suffix + "\n"
                break
        text = "".join(lines)
    return text.encode("utf-8")


def make_zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are deliberate in some packs
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return buffer.getvalue()


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = mode << 16
    return info


def lying_size(real: bytes, claimed: int) -> bytes:
    """A zip whose headers claim `claimed` bytes for an entry holding `real`."""
    raw = bytearray(make_zip([("case.yaml", real)]))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(signature)
        raw[at + offset : at + offset + 4] = struct.pack("<I", claimed)
    return bytes(raw)


def encrypted_flag(real: bytes) -> bytes:
    """A zip whose entry is flagged as encrypted (general purpose bit 0)."""
    raw = bytearray(make_zip([("case.yaml", real)]))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        raw[at + offset] |= 0x1
    return bytes(raw)


def _many(count: int) -> bytes:
    return make_zip([(f"c{i}.yaml", b"x") for i in range(count)])


HOSTILE: dict[str, Callable[[], bytes]] = {
    "traversal-dotdot": lambda: make_zip([("../evil.yaml", case_bytes())]),
    "traversal-nested": lambda: make_zip([("sub/../../evil.yaml", case_bytes())]),
    "absolute-path": lambda: make_zip([("/tmp/evil.yaml", case_bytes())]),
    "drive-letter": lambda: make_zip([("C:/evil.yaml", case_bytes())]),
    "backslashes": lambda: make_zip([("..\\..\\evil.yaml", case_bytes())]),
    "symlink": lambda: make_zip([(_info("link.yaml", 0o120777), b"../../etc/passwd")]),
    "fifo": lambda: make_zip([(_info("pipe.yaml", 0o010644), b"")]),
    "encrypted-flag": lambda: encrypted_flag(case_bytes()),
    "bomb-ratio": lambda: make_zip([("zeros.yaml", b"0" * 400_000)]),
    "bomb-size": lambda: make_zip([("huge.yaml", b"a: b\n" * 300_000)]),
    "lying-header": lambda: lying_size(b"title: x\n" * 4000, 100),
    "too-many-entries": lambda: _many(201),
    "executable": lambda: make_zip([("case.yaml", case_bytes()), ("run.exe", b"MZ\x90\x00")]),
    "duplicate-names": lambda: make_zip([("a.yaml", case_bytes()), ("A.yaml", case_bytes("b"))]),
    "duplicate-ids": lambda: make_zip([("a.yaml", case_bytes()), ("b.yaml", case_bytes())]),
    "invalid-case": lambda: make_zip([("ok.yaml", case_bytes()), ("bad.yaml", b"id: [unclosed")]),
    "python-tag": lambda: make_zip([("x.yaml", b"!!python/object/apply:os.system ['id']\n")]),
    "alias-bomb": lambda: make_zip([("x.yaml", b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n")]),
    "empty-zip": lambda: make_zip([]),
    "not-a-zip": lambda: b"this is a text file, not a zip\n" * 10,
    "empty-file": lambda: b"",
    "truncated-zip": lambda: make_zip([("case.yaml", case_bytes())])[:600],
    "binary-junk": lambda: bytes(range(256)) * 16,
}


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
