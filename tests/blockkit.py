"""Block Kit's identity rules, checked on every payload the Slack tests see.

Slack refuses a message (`invalid_blocks`) whose blocks repeat a `block_id`, or whose block holds
two interactive elements with one `action_id`; either id is at most 255 characters. A modal or
App Home view follows the same rules for its blocks.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

MAX_ID_CHARS = 255


def _block_lists(payload) -> Iterator[list]:
    """Every `blocks` list inside a payload: a message, a view, attachments, a Socket Mode ack."""
    if isinstance(payload, str) and payload.startswith(("{", "[")):
        try:
            payload = json.loads(payload)
        except ValueError:
            return
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key == "blocks" and isinstance(value, str):
                value = json.loads(value)  # form-encoded Web API calls send it as JSON text
            if key == "blocks" and isinstance(value, list):
                yield value
            else:
                yield from _block_lists(value)
    elif isinstance(payload, list):
        for item in payload:
            yield from _block_lists(item)


def _interactive(block: dict) -> list[dict]:
    """The elements of a block that can carry an action_id (actions, accessory, input)."""
    found = [e for e in block.get("elements", []) if isinstance(e, dict)]
    found += [block[k] for k in ("accessory", "element") if isinstance(block.get(k), dict)]
    return [e for e in found if "action_id" in e]


def _repeated(ids: list[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def id_problems(blocks: list[dict]) -> list[str]:
    """What Slack would refuse in one message's blocks, as sentences; empty when it is valid."""
    problems = []
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    if repeated := _repeated(block_ids):
        problems.append(f"block_id repeated in the message: {repeated}")
    for number, block in enumerate(blocks):
        action_ids = [e["action_id"] for e in _interactive(block)]
        if repeated := _repeated(action_ids):
            problems.append(f"action_id repeated in block {number}: {repeated}")
        problems += [f"id over {MAX_ID_CHARS} characters in block {number}: {i[:40]}\u2026"
                     for i in [*action_ids, block.get("block_id", "")]
                     if len(i) > MAX_ID_CHARS]  # fmt: skip
    return problems


def payload_problems(payload) -> list[str]:
    """`id_problems` of every message or view inside `payload` (a dict, a list or JSON text)."""
    return [problem for blocks in _block_lists(payload) for problem in id_problems(blocks)]


def assert_valid_ids(payload, where: str = "payload") -> None:
    problems = payload_problems(payload)
    assert not problems, f"{where}: Slack would refuse {problems}"
