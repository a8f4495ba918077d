"""The labelled support messages shipped with the package (written natively per
language for goodbuyer) and the reader of any file in the same JSON-lines shape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    lang: str
    text: str
    intent: str
    flags: tuple[str, ...]
    angry: int
    hard: str | None = None


def read_examples(paths: list[Path]) -> list[Example]:
    """Every example of the JSON-lines files, in file then line order."""
    out: list[Example] = []
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append(
                    Example(
                        row["id"],
                        row["lang"],
                        row["text"],
                        row["intent"],
                        tuple(row["flags"]),
                        int(row["angry"]),
                        row.get("hard"),
                    )
                )
    return out


def training_examples() -> list[Example]:
    """The packaged training set (160-293 messages per language)."""
    folder = Path(str(resources.files("goodbuyer.support.triage") / "data" / "train"))
    return read_examples(list(folder.glob("*.jsonl")))
