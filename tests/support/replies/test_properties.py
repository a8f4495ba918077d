"""Whatever facts a ticket has, a draft either says them or names the one it lacks."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from goodbuyer.support.replies import MissingReplyFact, draft_reply
from goodbuyer.support.replies.variables import INTENTS, LANGUAGES, RESOLUTION_KINDS, THREATS
from tests.support.replies.facts import FULL, reply_input

_OPTIONAL = [name for name in FULL if name != "currency"]
_NAMES = st.text(st.characters(categories=("L",)), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    lang=st.sampled_from(LANGUAGES),
    kind=st.sampled_from(RESOLUTION_KINDS),
    intent=st.sampled_from(INTENTS),
    goodwill=st.booleans(),
    flags=st.lists(st.sampled_from(THREATS), unique=True),
    absent=st.sets(st.sampled_from(_OPTIONAL)),
    first_name=_NAMES,
)
def test_a_draft_never_has_a_blank_and_a_missing_fact_is_named(
    lang: str, kind: str, intent: str, goodwill: bool, flags: list[str], absent: set[str],
    first_name: str,
) -> None:  # fmt: skip
    data = replace(
        reply_input(
            lang,
            kind,
            intent=intent,
            goodwill=goodwill,
            flags=tuple(flags),
            public=True,
            first_name=first_name,
        ),
        **dict.fromkeys(absent),
    )

    try:
        draft = draft_reply(data)
    except MissingReplyFact as e:
        missing = e.variable
    else:
        missing = None
    if missing is not None:
        assert missing in absent
        return
    for text in (draft.body, draft.subject or "", draft.public_reply or ""):
        assert "None" not in text
        assert "{{" not in text
        assert "  " not in text
    assert draft.public_reply is not None
    assert len(draft.public_reply) <= 280
