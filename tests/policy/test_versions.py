"""Policy versions on both databases: first use, drafts, validation, activation, history,
diff, and the compiled policy a decision reads (cached in the process)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select

from goodbuyer.audit import AuditEvent
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict, NotFound
from goodbuyer.policy import service
from goodbuyer.policy.statuses import PolicyStatus
from goodbuyer.web.deps import Services
from tests.factories import make_shop

EDITED = service.default_policy_text().replace("large_first_cod: 15000", "large_first_cod: 20000")


def test_a_shop_starts_with_the_default_as_active_version_1(services: Services) -> None:
    shop_id, _ = make_shop(services)
    with transaction(services.sessions) as session:
        compiled = service.active_policy(session, shop_id, services.clock.now())
        [first] = service.history(session, shop_id)
    assert compiled.version == 1
    assert compiled.thresholds["large_first_cod"] == 15000
    assert (first.version, first.status, first.created_by) == (1, PolicyStatus.ACTIVE, "goodbuyer")
    assert first.text == service.default_policy_text()


def test_draft_validate_activate_retires_the_previous(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        draft = service.create_draft(session, shop_id, actor="ana", now=now, text=EDITED,
                                     note="bigger first orders")  # fmt: skip
        assert (draft.version, draft.status, draft.based_on) == (2, PolicyStatus.VALIDATED, 1)
        assert service.active_policy(session, shop_id).version == 1
        service.activate_version(session, shop_id, 2, "ana", now + timedelta(minutes=1))
    with transaction(services.sessions) as session:
        compiled = service.active_policy(session, shop_id)
        statuses = [(v.version, v.status) for v in service.history(session, shop_id)]
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.subject_type == "policy").order_by(
                AuditEvent.at, AuditEvent.id)
        ).all()  # fmt: skip
    assert (compiled.version, compiled.thresholds["large_first_cod"]) == (2, 20000)
    assert statuses == [(2, PolicyStatus.ACTIVE), (1, PolicyStatus.RETIRED)]
    assert actions == ["policy.activated", "policy.drafted", "policy.activated"]


def test_an_invalid_draft_keeps_its_problems_and_cannot_be_activated(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    broken = EDITED.replace(
        "customer.orders == 0 && order.value >= thresholds.large",
        "customer.ordrs == 0 && order.value >= thresholds.large",
    )
    with transaction(services.sessions) as session:
        draft = service.create_draft(session, shop_id, actor="ana", now=now, text=broken)
        assert draft.status is PolicyStatus.DRAFT
        [problem] = draft.problems
        assert problem["where"] == "rules[6].when"
        assert "customer.ordrs" in problem["message"]
        lines = broken.splitlines()
        assert problem["line"] == 1 + next(
            i for i, line in enumerate(lines) if "customer.ordrs" in line
        )
        with pytest.raises(Conflict, match="only a validated version"):
            service.activate_version(session, shop_id, draft.version, "ana", now)
        with pytest.raises(service.PolicyInvalid):
            service.policy_for_version(session, shop_id, draft.version)
        assert service.active_policy(session, shop_id).version == 1


def test_validating_again_moves_between_draft_and_validated(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        draft = service.create_draft(session, shop_id, actor="ana", now=now, copy_of="active")
        assert service.validate_version(session, shop_id, draft.version, "ana", now) == []
        assert service.get_version(session, shop_id, 2).status is PolicyStatus.VALIDATED
        draft.text = "format: 2\n"  # only a test edits a stored text
        found = service.validate_version(session, shop_id, 2, "ana", now)
        assert [p.where for p in found] == ["format", "known_good"]
        assert service.get_version(session, shop_id, 2).status is PolicyStatus.DRAFT


def test_copies_and_diff(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        service.create_draft(session, shop_id, actor="ana", now=now, text=EDITED)
        copy = service.create_draft(session, shop_id, actor="ana", now=now, copy_of=2)
        default = service.create_draft(session, shop_id, actor="ana", now=now, copy_of="default")
        assert (copy.version, copy.based_on, copy.text) == (3, 2, EDITED)
        assert (default.version, default.text) == (4, service.default_policy_text())
        diff = service.diff_versions(session, shop_id, 1, 2)
        assert service.diff_versions(session, shop_id, 1, 4) == ""
        with pytest.raises(NotFound):
            service.diff_versions(session, shop_id, 1, 9)
    changed = [
        line.split("#")[0].rstrip()
        for line in diff.splitlines()
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == ["-  large_first_cod: 15000", "+  large_first_cod: 20000"]
    assert diff.startswith("--- version 1\n+++ version 2\n")


def test_a_warm_active_policy_reads_nothing(services: Services) -> None:
    shop_id, _ = make_shop(services)
    statements: list[str] = []
    event.listen(services.engine, "before_cursor_execute",
                 lambda *args: statements.append(args[2]))  # fmt: skip
    with transaction(services.sessions) as session:
        first = service.active_policy(session, shop_id, services.clock.now())
        cold = len(statements)
        for _ in range(100):
            assert service.active_policy(session, shop_id) is first
    assert cold > 0
    assert len(statements) == cold


def test_activation_is_seen_at_once_in_this_process(services: Services) -> None:
    shop_id, _ = make_shop(services)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        assert service.active_policy(session, shop_id, now).version == 1
        service.create_draft(session, shop_id, actor="ana", now=now, text=EDITED)
        service.activate_version(session, shop_id, 2, "ana", now)
    with transaction(services.sessions) as session:
        assert service.active_policy(session, shop_id).version == 2
        assert service.policy_for_version(session, shop_id, 1).version == 1
