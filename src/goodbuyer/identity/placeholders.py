"""Contact values typed to get past a form, not to be reached (pure): "123@123.com",
"a@a.com", "test@test.com", "0123456789", "999999999", the name "test test", the address
"asdf 1".

They identify nobody. Matched on, they join strangers into one person: a shop's ghost
orders become one customer with hundreds of records, and a real customer who once typed
such an address inherits their refusals. So matching treats them as not given (no
blocking key, no "same e-mail" or "same phone"); the ghost signals still report them on
the order (`ghosts.py`), from the same word lists.

A phone counts only when its whole national number is one digit or pair repeated or one
run up or down ("+36 30 123 4567" is a real number; "+36 123456789" is not); a name or an
address only when every word of it is a test word, a made-up one ("sdfsdf", "qwerty") or a
single letter.
"""

from __future__ import annotations

import re

import phonenumbers

from goodbuyer.identity import ghost_words as words

_WORDS = re.compile(r"[^\W\d_]+")


def placeholder_email(canonical: str) -> bool:
    """A canonical e-mail (`normalize.email_canonical`) whose mailbox is a test word, a
    single character or a run of digits. The domain alone does not count: shops and test
    data give real people's mailboxes at reserved domains ("aino@example.fi")."""
    local = canonical.rpartition("@")[0]
    return words.is_test_mailbox(local.split("+")[0], words.TEST_MAILBOXES)


def placeholder_phone(e164: str) -> bool:
    """An E.164 phone (`normalize.phone_e164`) whose national number is a pattern."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return False
    digits = phonenumbers.national_significant_number(number)
    # The ghost signals' own patterns, over the whole number instead of a part of it.
    whole = len(digits)
    return whole >= 6 and (
        words.repeated_digits(digits, last=whole) or words.sequential_digits(digits, whole)
    )


def placeholder_phone_digits(digits: str) -> bool:
    """A phone as ingestion keeps it (its digits, "+" first when given internationally):
    an international one as `placeholder_phone`; a national one when its digits, with or
    without the trunk zeros, are a pattern ("0123456789", "1234567", "999999999")."""
    if digits.startswith("+"):
        return placeholder_phone(digits)
    return any(
        len(national) >= 6
        and (words.repeated_digits(national, last=len(national))
             or words.sequential_digits(national, len(national)))
        for national in {digits, digits.lstrip("0")}
    )  # fmt: skip


def placeholder_name(tokens: tuple[str, ...]) -> bool:
    """A name's words (`normalize.name_tokens`) that name nobody."""
    return bool(tokens) and all(_made_up(t, run=3, vowelless=4) for t in tokens)


def placeholder_address(text: str) -> bool:
    """An address line whose words name no street ("test test 1", "asdf", "xxx 5")."""
    found = _WORDS.findall(text.casefold())
    return bool(found) and all(_made_up(w, run=4, vowelless=5) for w in found)


def _made_up(word: str, run: int, vowelless: int) -> bool:
    return len(word) == 1 or words.is_test_word(word) or bool(words.mash(word, run, vowelless))


__all__ = [
    "placeholder_address", "placeholder_email", "placeholder_name", "placeholder_phone",
    "placeholder_phone_digits",
]  # fmt: skip
