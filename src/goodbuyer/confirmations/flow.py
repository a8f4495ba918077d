"""The confirmation ladder as DBOS workflows (R3.1-R3.4): one short workflow per step,
`confirm:<confirmation id>:<step>`, which prepares the step, delivers its message and
enqueues the next step with a delay (the wait). A waiting order holds no thread, no task
and no connection: only a DELAYED row in the workflow database (NOTES: gotcha 6).

Workflow ids double as idempotency keys, so enqueueing a step twice (a starter re-run
after a crash, two workers racing) runs it once; every side effect is inside a step
(`prepare`, `deliver`), and the provider call itself is guarded by the outbox row.
"""

from __future__ import annotations

import uuid

from dbos import DBOS, SetEnqueueOptions, SetWorkflowID

from goodbuyer.confirmations import runtime, sending
from goodbuyer.confirmations.statuses import DeliveryStatus

QUEUE = "confirmations"
# Pinned (NOTES gotcha 1): steps enqueued by one release run in the next. Change it only
# when the workflow's shape changes, and drain the old version's workflows first.
FLOW_VERSION = "confirmations-1"


# A database hiccup (a lock, a dropped connection) is tried again; a provider's refusal is
# not an exception here: `deliver` records it and the ladder moves on.
@DBOS.step(name="confirmation.prepare", retries_allowed=True, max_attempts=6)
def prepare(confirmation_id: str, step: int) -> tuple[str, str, float]:
    prepared = sending.prepare_step(runtime.current(), uuid.UUID(confirmation_id), step)
    return prepared.action.value, prepared.key, prepared.next_in


@DBOS.step(name="confirmation.deliver", retries_allowed=True, max_attempts=6)
def deliver(key: str) -> str:
    return sending.deliver(runtime.current(), key).value


@DBOS.workflow(name="confirmation.step")
def confirmation_step(confirmation_id: str, step: int) -> str:
    action, key, next_in = prepare(confirmation_id, step)
    if action != sending.Action.SEND:
        return action
    status = deliver(key)
    # A message that could not go out does not make the customer wait for it.
    enqueue_step(confirmation_id, step + 1, 0.0 if status == DeliveryStatus.FAILED else next_in)
    return status


def enqueue_step(confirmation_id: str, step: int, delay_seconds: float) -> None:
    """Queue a step to run after `delay_seconds` (once, whoever asks how often)."""
    queue = DBOS.retrieve_queue(QUEUE)
    if queue is None:
        raise RuntimeError(f"the {QUEUE!r} queue is registered when the worker launches")
    delay = delay_seconds if delay_seconds > 0 else None
    with SetWorkflowID(workflow_id(confirmation_id, step)), SetEnqueueOptions(delay_seconds=delay):
        queue.enqueue(confirmation_step, confirmation_id, step)


def workflow_id(confirmation_id: str, step: int) -> str:
    return f"confirm:{confirmation_id}:{step}"


__all__ = ["FLOW_VERSION", "QUEUE", "confirmation_step", "enqueue_step", "workflow_id"]
