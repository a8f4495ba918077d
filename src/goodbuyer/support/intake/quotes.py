"""Take the quoted earlier conversation out of an e-mail reply (pure).

Cuts at the first attribution line ("On 3 March 2026, Shop <a@b.c> wrote:", "Am ...
schrieb ...:", "... kirjoitti:", "... כתב:", "... كتب:" and the other languages'
common forms), at an "original message" separator, and at a signature delimiter ("-- "),
and drops lines quoted with ">". Attribution lines must carry a date or an address, so
"my friend wrote:" in the customer's own words is kept.
"""

from __future__ import annotations

import re

_VERBS = (
    "wrote", "kirjoitti", "írta", "napsal", "napsala", r"napsal\(a\)", "כתב", "כתבה",
    "כתב/ה", "كتب", "كتبت", "schrieb", "escribió", "a écrit", "escreveu", "napisał",
    "napisała", r"napisał\(a\)", "ha scritto", "schreef", "yazdı", "şunu yazdı",
)  # fmt: skip
_ATTRIBUTION = re.compile(
    r"(?:^|\s)(?:" + "|".join(_VERBS) + r")(?:\s+\S+){0,6}\s*:\s*$", re.IGNORECASE
)
# Gmail in Hebrew names no verb: "בתאריך <date> מאת <sender>:".
_HEBREW_ATTRIBUTION = re.compile(r"^\W*בתאריך\s.*\sמאת\s.*:\W*$")
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|"
    r"mensaje original|messaggio originale|oorspronkelijk bericht|alkuperäinen viesti|"
    r"původní zpráva|eredeti üzenet|wiadomość oryginalna|oryginalna wiadomość|"
    r"mensagem original|orijinal mesaj|özgün ileti|הודעה מקורית|الرسالة الأصلية)\s*-{2,}\s*$",
    re.IGNORECASE,
)
# Outlook's separator: a rule, then a header block starting "From:" in some language.
_RULE = re.compile(r"^\s*_{10,}\s*$")
_FROM_HEADER = re.compile(
    r"^\s*(?:from|von|de|da|van|od|lähettäjä|feladó|kimden|מאת|من)\s*:", re.IGNORECASE
)
_SIGNATURE = "-- "


def strip_quoted(text: str) -> str:
    """The new part of a reply: what the sender wrote above the quoted conversation."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _ends_reply(lines, index):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _ends_reply(lines: list[str], index: int) -> bool:
    line = lines[index]
    if line == _SIGNATURE or line.rstrip() == "--" or _ORIGINAL.match(line):
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _RULE.match(line) and _FROM_HEADER.match(following):
        return True
    # Mail programs wrap a long attribution line; the verb may sit on the next line.
    for candidate in (line, f"{line} {following}".strip()):
        attribution = _ATTRIBUTION.search(candidate) or _HEBREW_ATTRIBUTION.match(candidate)
        if attribution and _dated_or_addressed(candidate):
            return True
    return False


def _dated_or_addressed(line: str) -> bool:
    return "@" in line or any(c.isdigit() for c in line)


__all__ = ["strip_quoted"]
