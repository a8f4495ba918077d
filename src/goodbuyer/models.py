"""Imports every table so that `Base.metadata` is complete (Alembic and tests use this)."""

from goodbuyer.audit import AuditEvent
from goodbuyer.confirmations.models import CallAttempt, Confirmation, OutboxMessage
from goodbuyer.customers.models import CustomerValue
from goodbuyer.db import Base
from goodbuyer.deliveries.models import Shipment, ShipmentEvent, SurveyAnswer
from goodbuyer.identity.models import (
    IdentityKey,
    IdentityLink,
    IdentityRecord,
    OrderCheck,
    PersonMember,
)
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.policy.models import ListEntry, PolicyVersion, RuleSnooze, SegmentMembership
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.risk.models import (
    Decision,
    GuardrailAlert,
    RuleExecution,
    TagPush,
    TrainedModel,
)
from goodbuyer.shops.models import ApiKey, Shop
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine, SourceEvent
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.intake.models import HelpdeskWriteback, ImapCursor, SupportConnection
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage

metadata = Base.metadata

__all__ = [
    "ApiKey",
    "AuditEvent",
    "CallAttempt",
    "Chargeback",
    "Confirmation",
    "ContactPoint",
    "Customer",
    "CustomerValue",
    "Decision",
    "GuardrailAlert",
    "HelpdeskWriteback",
    "IdentityKey",
    "IdentityLink",
    "IdentityRecord",
    "ImapCursor",
    "ListEntry",
    "MessageAnalysis",
    "Order",
    "OrderCheck",
    "OrderLine",
    "OutboxMessage",
    "PersonMember",
    "PolicyVersion",
    "Refund",
    "Return",
    "ReturnLine",
    "RuleExecution",
    "RuleSnooze",
    "SegmentMembership",
    "Shipment",
    "ShipmentEvent",
    "Shop",
    "SourceEvent",
    "SupportConnection",
    "SupportIncident",
    "SurveyAnswer",
    "TagPush",
    "Ticket",
    "TicketMessage",
    "TrainedModel",
    "metadata",
]
