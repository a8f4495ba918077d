"""Read a policy document from YAML text (pure), and check it: `validate_text` gives every
problem with its line, from the YAML syntax through the document's shape to the
conditions, rule parameters and list values."""

from __future__ import annotations

import copy
import difflib
import re
from functools import lru_cache
from importlib.resources import files
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from goodbuyer.policy.document import NAME, Policy
from goodbuyer.policy.expressions import ExpressionError
from goodbuyer.policy.lines import (
    Path,
    Problem,
    existing,
    join_where,
    line_of,
    load_positions,
    plain,
    split_where,
    yaml_problem,
)  # fmt: skip
from goodbuyer.policy.statuses import ListSubject
from goodbuyer.policy.subjects import SubjectError, normalize_subject
from goodbuyer.risk.compiled import CompiledPolicy, PolicyError, compile_policy
from goodbuyer.risk.features import VOCABULARY, Value


class PolicyTextError(ValueError):
    """The text is not a valid policy; `problems` lists (where, what) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{where}: {what}" for where, what in problems))


def default_policy_text() -> str:
    return files("goodbuyer.policy").joinpath("default.yaml").read_text(encoding="utf-8")


def parse_policy(text: str) -> Policy:
    """The policy a text describes; PolicyTextError naming each problem. The same text
    parses once per process (a Policy is frozen, so it is shared)."""
    return _parse_cached(text)


@lru_cache(maxsize=64)
def _parse_cached(text: str) -> Policy:
    try:
        data: Any = YAML(typ="safe", pure=True).load(text)
    except YAMLError as e:
        raise PolicyTextError([("yaml", str(e).splitlines()[0])]) from None
    if not isinstance(data, dict):
        raise PolicyTextError([("document", "a policy is a mapping of sections")])
    try:
        return Policy.model_validate(data)
    except ValidationError as e:
        raise PolicyTextError(
            [(".".join(str(p) for p in err["loc"]) or "document", err["msg"]) for err in e.errors()]
        ) from None


def validate_text(text: str) -> list[Problem]:
    """Every problem of a policy text, by line (empty: the policy can be activated)."""
    try:
        doc = load_positions(text)
    except YAMLError as e:
        return [yaml_problem(e)]
    if not isinstance(doc, dict):
        return [Problem(1, "document", "a policy is a mapping of sections (format: 1, ...)")]
    problems, policy, rule_at = _check_shape(doc, plain(doc))
    if policy is not None:
        problems += _list_problems(doc, policy)
        try:
            compiled = compile_policy(policy)
        except PolicyError as e:
            problems += [_compiled_problem(doc, where, what, rule_at) for where, what in e.problems]
        else:
            problems += [_compiled_problem(doc, where, what, rule_at)
                         for where, what in _trial_runs(compiled)]  # fmt: skip
    return sorted(problems, key=lambda p: p.line)


def _check_shape(doc: Any, data: dict[str, Any]) -> tuple[list[Problem], Policy | None, list[int]]:
    """Shape problems, and the policy without its broken parts (validators of a section
    run only once its items are right, so a few rounds find everything), with each
    remaining rule's index in the text."""
    problems: list[Problem] = []
    seen: set[str] = set()
    reported: set[tuple[int | str, ...]] = set()
    rules = data.get("rules")
    keep = list(range(len(rules))) if isinstance(rules, list) else []
    for _ in range(_ROUNDS):
        try:
            return problems, Policy.model_validate(data), keep
        except ValidationError as e:
            errors = e.errors()
        found = [_in_text(err, keep) for err in errors]
        for err in found:
            problem = _shape_problem(doc, err)
            # a union's members fail alike: say it once; a part reported in an earlier
            # round and set aside is not reported again for what setting it aside did
            if problem.where not in seen and _item(err["loc"]) not in reported:
                seen.add(problem.where)
                problems.append(problem)
        reported |= {_item(err["loc"]) for err in found}
        data, kept = _salvage(data, errors)
        keep = [keep[i] for i in kept]
    return problems, None, keep


_ROUNDS = 4


def _item(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return loc[:2] if loc[:1] in (("rules",), ("segments",)) else loc[:1]


def _in_text(err: ErrorDetails, keep: list[int]) -> ErrorDetails:
    loc = err["loc"]
    if len(loc) > 1 and loc[0] == "rules" and isinstance(loc[1], int) and loc[1] < len(keep):
        return {**err, "loc": ("rules", keep[loc[1]], *loc[2:])}
    return err


def _shape_problem(doc: Any, err: ErrorDetails) -> Problem:
    loc: Path = tuple(err["loc"])
    found = existing(doc, loc)
    kind, message = err["type"], err["msg"].removeprefix("Value error, ")
    if kind == "missing":
        found, message = loc, f"`{loc[-1]}` is required here"
    elif kind == "extra_forbidden":
        found, message = loc, _unknown_key(loc)
    elif len(loc) == 1 and loc[0] in ("rules", "segments"):
        found = _named_item(doc, loc[0], message) or found
    return Problem(line_of(doc, found), join_where(found), message)


def _unknown_key(loc: Path) -> str:
    model = _model_at(loc[:-1])
    known = list(model.model_fields) if model is not None else []
    near = difflib.get_close_matches(str(loc[-1]), known, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else f"; known: {', '.join(known)}"
    return f"unknown key {loc[-1]!r}{hint if known else ''}"


def _model_at(path: Path) -> type[BaseModel] | None:
    current: Any = Policy
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) is Union or type(annotation).__name__ == "UnionType":
        models = [a for a in get_args(annotation) if isinstance(a, type) and
                  issubclass(a, BaseModel)]  # fmt: skip
        return models[0] if models else annotation
    return annotation


def _named_item(doc: Any, section: str, message: str) -> Path | None:
    """The item a section-wide message names ("rule 'x' appears twice": the second one)."""
    items = doc.get(section)
    if section == "segments" and isinstance(items, dict):
        return next(((section, k) for k in items if f"{k!r}" in message), None)
    if isinstance(items, list):
        named = [i for i, r in enumerate(items) if isinstance(r, dict) and
                 f"{r.get('name')!r}" in message]  # fmt: skip
        return (section, named[-1]) if named else None
    return None


def _salvage(data: dict[str, Any], errors: list[ErrorDetails]) -> tuple[dict[str, Any], list[int]]:
    """The document with its broken parts set aside, so that the rest can still be
    checked: unknown keys removed, a broken segment made an empty one (rules may name it),
    a broken threshold 0, a broken rule left out. Returns the indexes of the rules kept."""
    data = copy.deepcopy(data)
    rules = data["rules"] if isinstance(data.get("rules"), list) else []
    keep = list(range(len(rules)))
    for err in errors:
        loc, head = err["loc"], (err["loc"] or (None,))[0]
        if err["type"] == "extra_forbidden" and _remove(data, loc):
            continue
        if head == "rules" and len(loc) > 1 and isinstance(loc[1], int):
            keep = [i for i in keep if i != loc[1]]
        elif head == "rules":
            keep = _first_of_each_name(rules, keep)
        elif head in ("segments", "thresholds", "rates") and isinstance(data.get(head), dict):
            _set_aside(data[head], head, loc)
        elif head == "known_good":
            data["known_good"] = "false"
        elif isinstance(head, str):
            data.pop(head, None)
    if rules:
        data["rules"] = [rules[i] for i in keep]
    return data, keep


_STAND_IN = {"segments": {"when": "false", "reason": ""}, "thresholds": 0}


def _remove(data: Any, loc: tuple[int | str, ...]) -> bool:
    node = data
    for part in loc[:-1]:
        if not isinstance(node, dict | list):
            return False
        node = node[int(part)] if isinstance(node, list) else node.get(part)
    if isinstance(node, dict) and loc[-1] in node:
        del node[loc[-1]]
        return True
    return False


def _set_aside(section: dict[str, Any], head: str | int, loc: tuple[int | str, ...]) -> None:
    if len(loc) == 1:  # a name the section's validator refused
        for name in [k for k in section if not NAME.match(str(k))]:
            del section[name]
    elif loc[1] in section:
        if head in _STAND_IN:
            section[str(loc[1])] = copy.deepcopy(_STAND_IN[str(head)])
        else:
            del section[str(loc[1])]


def _first_of_each_name(rules: list[Any], keep: list[int]) -> list[int]:
    seen: set[object] = set()
    out = []
    for i in keep:
        name = rules[i].get("name") if isinstance(rules[i], dict) else None
        if name not in seen:
            seen.add(name)
            out.append(i)
    return out


_SAMPLE: dict[type, Value] = {int: 1, float: 1.0, str: "x", bool: True, tuple: ("x",)}


def _trial_runs(compiled: CompiledPolicy) -> list[tuple[str, str]]:
    """Run every condition once on sample values of the features' types: CEL does not mix
    ints and doubles in arithmetic, and says so only when it runs."""
    sample = {name: _SAMPLE[kind] for name, (kind, _) in VOCABULARY.items()}
    conditions = [("known_good", compiled.known_good)]
    conditions += [(f"segments.{s.name}.when", s.when) for s in compiled.segments]
    conditions += [(f"rules[{i}].when", r.when) for i, r in enumerate(compiled.rules) if r.when]
    found = []
    for where, condition in conditions:
        try:
            condition(sample)
        except ExpressionError as e:
            found.append((where, str(e).removeprefix(f"{condition.source}: ")))
    return found


def _compiled_problem(doc: Any, where: str, what: str, rule_at: list[int]) -> Problem:
    path = split_where(where)
    if path[:1] == ("rules",) and len(path) > 1 and isinstance(path[1], int):
        path = ("rules", rule_at[path[1]], *path[2:])
    return Problem(line_of(doc, path), join_where(path), _short(what))


_EXPECTING = re.compile(r"\s*expecting \{[^}]*\}|ERROR: <input>:")


def _short(message: str) -> str:
    """A CEL parser message without its list of every token it could have taken."""
    return _EXPECTING.sub("", message).replace("  ", " ")


def _list_problems(doc: Any, policy: Policy) -> list[Problem]:
    """List values a decision could never meet: not in their comparable form."""
    problems = []
    for kind in ("block", "allow"):
        subjects = getattr(policy.lists, kind)
        for subject in ListSubject:
            for i, value in enumerate(getattr(subjects, subject.value)):
                message = _list_value_problem(subject, value)
                if message:
                    path: Path = ("lists", kind, subject.value, i)
                    problems.append(Problem(line_of(doc, path), join_where(path), message))
    return problems


def _list_value_problem(subject: ListSubject, value: str) -> str:
    try:
        normal = normalize_subject(subject, value)
    except SubjectError as e:
        if subject is ListSubject.ADDRESS:
            return "an address here is a building key: 'FI|00100|mannerheimintie|12'"
        return str(e)
    return (
        "" if normal == value else f"write {value!r} as {normal!r}, the form orders are compared in"
    )


__all__ = ["PolicyTextError", "Problem", "default_policy_text", "parse_policy", "validate_text"]
