"""Lifetime-value vocabularies (pure; the table stores them without importing the models)."""

from __future__ import annotations

from enum import StrEnum


class ClvMethod(StrEnum):
    BGNBD_GAMMA_GAMMA = "bgnbd+gamma-gamma"  # both models fitted to this shop's customers
    RFM_TIER = "rfm-tier"  # fallback: pooled rates of each customer's RFM tier


__all__ = ["ClvMethod"]
