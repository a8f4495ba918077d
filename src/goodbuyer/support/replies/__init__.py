"""Drafted replies to support tickets (issue 6, R4.7): sandboxed Jinja2 templates per
language, resolution kind and intent, filled with the ticket's facts; an optional drafting
model may rephrase a draft but never change what it says."""

from goodbuyer.support.replies.amounts import format_amount
from goodbuyer.support.replies.drafting import Draft, PublicReplyTooLong, ReplyInput, draft_reply
from goodbuyer.support.replies.sandbox import MissingReplyFact, ReplyError, ReplyTemplateError
from goodbuyer.support.replies.validation import check_template, validate_templates
from goodbuyer.support.replies.variables import (
    KIND_VARIABLES,
    RESOLUTION_KINDS,
    VARIABLES,
    allowed_variables,
)

__all__ = [
    "KIND_VARIABLES", "RESOLUTION_KINDS", "VARIABLES", "Draft", "MissingReplyFact",
    "PublicReplyTooLong", "ReplyError", "ReplyInput", "ReplyTemplateError", "allowed_variables",
    "check_template", "draft_reply", "format_amount", "validate_templates",
]  # fmt: skip
