"""The columns of each CSV file, exactly as docs/guides/csv-import.md defines them."""

from __future__ import annotations

ORDERS = (
    "order_id", "order_number", "placed_at", "updated_at", "currency", "status",
    "payment_method", "payment_status", "customer_id", "customer_name", "email", "phone",
    "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode", "ship_region",
    "ship_country", "language", "shipping", "tax", "discount", "sku", "product", "size",
    "colour", "quantity", "unit_price", "unit_cost",
)  # fmt: skip
SHIPMENTS = (
    "shipment_id", "order_id", "order_source", "carrier", "tracking_number", "tracking_url",
    "promised_at", "shipped_at", "delivered_at", "event_status", "event_at", "event_location",
    "event_description",
)  # fmt: skip
RETURNS = (
    "return_id", "order_id", "order_source", "status", "reason", "reason_text", "photos",
    "requested_at", "updated_at", "sku", "quantity", "unit_price", "condition",
)  # fmt: skip
TICKETS = (
    "ticket_id", "message_id", "channel", "direction", "author_kind", "author_name",
    "author_email", "author_phone", "subject", "body", "language", "sent_at", "order_id",
    "order_source",
)  # fmt: skip
REFUNDS = (
    "refund_id", "order_id", "order_source", "amount", "currency", "reason", "return_id",
    "refunded_at",
)  # fmt: skip
CHARGEBACKS = (
    "chargeback_id", "order_id", "order_source", "amount", "currency", "reason", "status",
    "opened_at", "resolved_at", "updated_at",
)  # fmt: skip
SURVEYS = (
    "answer_id", "kind", "score", "comment", "order_id", "order_source", "ticket_id",
    "answered_at",
)  # fmt: skip
TRUTH = (
    "customer_key", "archetype", "country", "language", "household", "orders", "order_ids",
    "customer_ids", "emails", "phones", "invalid_contact", "identity_changes", "delivered",
    "refused", "returned_to_origin", "cancelled", "returned_lines", "refunds",
    "chargebacks", "tickets", "threats", "abusive_messages", "currency", "spend",
    "net_spend",
)  # fmt: skip

# kind -> (file name, columns); the order is the order in which they are merged.
FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "orders": ("orders.csv", ORDERS),
    "shipments": ("shipments.csv", SHIPMENTS),
    "returns": ("returns.csv", RETURNS),
    "tickets": ("tickets.csv", TICKETS),
    "refunds": ("refunds.csv", REFUNDS),
    "chargebacks": ("chargebacks.csv", CHARGEBACKS),
    "surveys": ("surveys.csv", SURVEYS),
}
TRUTH_FILE = "ground_truth.csv"

__all__ = [
    "CHARGEBACKS",
    "FILES",
    "ORDERS",
    "REFUNDS",
    "RETURNS",
    "SHIPMENTS",
    "SURVEYS",
    "TICKETS",
    "TRUTH",
    "TRUTH_FILE",
]
