"""Case packs: hostile packs are refused whole; good ones install atomically, in place."""

from __future__ import annotations

import errno
import json
import zipfile
from pathlib import Path

import pytest

from tests.reliability.pack_builders import HOSTILE, case_bytes, make_zip, write
from trainer.core.loader import load_library
from trainer.exchange import packs
from trainer.exchange.packs import PackError, export_pack, import_pack
from trainer.paths import user_cases_dir


def _tree(top: Path) -> dict[str, bytes]:
    return {str(p.relative_to(top)): p.read_bytes() for p in top.rglob("*") if p.is_file()}


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path]:
    """A data dir and, beside it, an 'outside' folder that holds the packs."""
    root, outside = tmp_path / "data", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    return root, outside


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pack_is_refused_and_writes_nothing(places: tuple[Path, Path], name: str) -> None:
    """Every hostile pack raises PackError with a reason; no file appears anywhere."""
    root, outside = places
    pack = write(outside / f"{name}.zip", HOSTILE[name]())
    before = _tree(root.parent)
    with pytest.raises(PackError) as caught:
        import_pack(root, pack)
    assert str(caught.value).strip()
    assert _tree(root.parent) == before
    assert not (root.parent / "evil.yaml").exists()


def test_specific_reasons_are_named(places: tuple[Path, Path]) -> None:
    root, outside = places
    expected = {
        "traversal-dotdot": "outside the pack",
        "absolute-path": "absolute path",
        "drive-letter": "absolute path",
        "symlink": "symbolic link",
        "bomb-ratio": "zip bomb",
        "too-many-entries": "more than 200 entries",
        "executable": "not a case file",
        "not-a-zip": "not a zip file",
        "invalid-case": "nothing was imported",
        "duplicate-ids": "also used by",
        "lying-header": "CRC|larger than it claims",
    }
    for name, words in expected.items():
        pack = write(outside / f"{name}.zip", HOSTILE[name]())
        with pytest.raises(PackError, match=words):
            import_pack(root, pack)


def test_good_pack_installs_under_case_folder_only(places: tuple[Path, Path]) -> None:
    root, outside = places
    pack = write(
        outside / "good.zip",
        make_zip(
            [
                ("nested/dir/one.yaml", case_bytes("pack-one")),
                ("two.yml", case_bytes("pack-two")),
                ("__MACOSX/._two.yml", b"\x00\x05\x16\x07"),
                (".DS_Store", b"\x00\x00\x00\x01Bud1"),
                ("nested/", b""),
            ]
        ),
    )
    before = _tree(root.parent)
    report = import_pack(root, pack)
    assert sorted(report.installed) == ["pack-one", "pack-two"]
    after = _tree(root.parent)
    added = set(after) - set(before)
    assert added == {"data/cases/pack-one.yaml", "data/cases/pack-two.yaml"}
    assert after["data/cases/pack-one.yaml"] == case_bytes("pack-one")
    library = load_library([user_cases_dir(root)])
    assert set(library.cases) == {"pack-one", "pack-two"}
    assert not library.broken


def test_reimport_is_unchanged_and_replace_keeps_old(places: tuple[Path, Path]) -> None:
    root, outside = places
    first = write(outside / "v1.zip", make_zip([("c.yaml", case_bytes("pack-c"))]))
    second = write(outside / "v2.zip", make_zip([("c.yaml", case_bytes("pack-c", "（新版）"))]))
    assert import_pack(root, first).installed == ["pack-c"]
    assert import_pack(root, first).unchanged == ["pack-c"]
    with pytest.raises(PackError, match="--replace"):
        import_pack(root, second)
    assert (user_cases_dir(root) / "pack-c.yaml").read_bytes() == case_bytes("pack-c")
    assert import_pack(root, second, replace=True).replaced == ["pack-c"]
    assert (user_cases_dir(root) / "pack-c.yaml").read_bytes() == case_bytes("pack-c", "（新版）")
    (kept,) = (user_cases_dir(root) / ".replaced").iterdir()
    assert kept.read_bytes() == case_bytes("pack-c")
    assert set(load_library([user_cases_dir(root)]).cases) == {"pack-c"}


def test_builtin_id_clash_is_refused(places: tuple[Path, Path]) -> None:
    root, outside = places
    other = case_bytes("beitou-hot-spring-cold-water", "（改）")
    pack = write(outside / "clash.zip", make_zip([("x.yaml", other)]))
    with pytest.raises(PackError, match="built-in"):
        import_pack(root, pack)


def test_failure_while_moving_rolls_back(
    places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: a disk error on the second file removes the first one again."""
    root, outside = places
    pack = write(
        outside / "two.zip",
        make_zip([("a.yaml", case_bytes("pack-a")), ("b.yaml", case_bytes("pack-b"))]),
    )
    real_replace = packs.os.replace
    calls = {"n": 0}

    def flaky(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(packs.os, "replace", flaky)
    with pytest.raises(PackError, match="nothing was imported: not enough space"):
        import_pack(root, pack)
    assert list(user_cases_dir(root).iterdir()) == []


def test_export_then_import_round_trip(places: tuple[Path, Path]) -> None:
    """An exported pack has a manifest and re-imports cleanly elsewhere."""
    root, outside = places
    import_pack(root, write(outside / "in.zip", make_zip([("c.yaml", case_bytes("pack-c"))])))
    out = outside / "share.zip"
    assert export_pack(root, out, ["pack-c"]) == ["pack-c"]
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "complaint-trainer-pack"
    assert [c["id"] for c in manifest["cases"]] == ["pack-c"]
    other = outside / "colleague"
    other.mkdir()
    assert import_pack(other, out).installed == ["pack-c"]


def test_export_refuses_to_overwrite_and_unknown_ids(places: tuple[Path, Path]) -> None:
    root, outside = places
    out = outside / "exists.zip"
    out.write_bytes(b"precious")
    with pytest.raises(PackError, match="already exists"):
        export_pack(root, out)
    assert out.read_bytes() == b"precious"
    with pytest.raises(PackError, match="unknown case"):
        export_pack(root, outside / "x.zip", ["no-such-case"])


def test_cli_import_and_export(places: tuple[Path, Path], cli) -> None:  # type: ignore[no-untyped-def]
    root, outside = places
    pack = write(outside / "in.zip", make_zip([("c.yaml", case_bytes("pack-c"))]))
    done = cli("cases", "import", str(pack), "--json", data=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["installed"] == ["pack-c"]
    bad = write(outside / "bad.zip", HOSTILE["traversal-dotdot"]())
    refused = cli("cases", "import", str(bad), data=root)
    assert refused.returncode == 1
    assert "outside the pack" in refused.stderr and "Traceback" not in refused.stderr
    out = outside / "out.zip"
    exported = cli("cases", "export-pack", "--out", str(out), "pack-c", data=root)
    assert exported.returncode == 0, exported.stderr
    assert zipfile.is_zipfile(out)
