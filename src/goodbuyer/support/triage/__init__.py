"""Offline analysis of support messages: language, intent, threat and abuse flags, anger."""

from goodbuyer.support.triage.labels import FLAGS, INTENTS, LANGUAGES

__all__ = ["FLAGS", "INTENTS", "LANGUAGES"]
