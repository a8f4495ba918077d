"""Message templates in each customer language, written natively rather than translated;
each language module holds one `TEXT` in the format `parse` reads."""

from __future__ import annotations

from goodbuyer.demo.texts import ar, cs, de, en, es, fi, fr, he, hu


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """`[key]` starts a section; every line under it is one variant; `\\n` in a line is a
    line break. Placeholders: {first} {order} {item} {size} {days} {amount} {carrier} {url}
    {agent} {shop}."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line.replace("\\n", "\n"))
    return {key: tuple(variants) for key, variants in sections.items()}


TEXTS: dict[str, dict[str, tuple[str, ...]]] = {
    module.__name__.rsplit(".", 1)[1]: parse(module.TEXT)
    for module in (ar, cs, de, en, es, fi, fr, he, hu)
}
LANGUAGES = tuple(sorted(TEXTS))

__all__ = ["LANGUAGES", "TEXTS", "parse"]
