"""Imports every table so that `Base.metadata` is complete (Alembic and tests use this)."""

from goodbuyer.audit import AuditEvent
from goodbuyer.confirmations.models import OutboxMessage
from goodbuyer.db import Base
from goodbuyer.deliveries.models import Shipment, ShipmentEvent, SurveyAnswer
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.policy.models import ListEntry, SegmentMembership
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.risk.models import Decision, RuleExecution
from goodbuyer.shops.models import ApiKey, Shop
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine, SourceEvent
from goodbuyer.support.models import Ticket, TicketMessage

metadata = Base.metadata

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Chargeback",
    "ContactPoint",
    "Customer",
    "Decision",
    "ListEntry",
    "Order",
    "OrderLine",
    "OutboxMessage",
    "Refund",
    "Return",
    "ReturnLine",
    "RuleExecution",
    "SegmentMembership",
    "Shipment",
    "ShipmentEvent",
    "Shop",
    "SourceEvent",
    "SurveyAnswer",
    "Ticket",
    "TicketMessage",
    "metadata",
]
