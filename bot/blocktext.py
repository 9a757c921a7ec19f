"""Block Kit as readable text for the local console; buttons are numbered to be pressed."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"<([^|>]+)\|([^>]+)>")
_BARE_LINK = re.compile(r"<(https?://[^>]+)>")


@dataclass(frozen=True)
class Button:
    """A button, or one option of an overflow menu (`option` set)."""

    number: int
    text: str
    action_id: str
    value: str | None
    block_id: str | None
    option: dict | None = None


def mrkdwn(text: str) -> str:
    """Slack markup to plain text: links as 'label (url)', entities unescaped."""
    text = _LINK.sub(r"\2 (\1)", text)
    text = _BARE_LINK.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: dict | None) -> str:
    return mrkdwn(obj.get("text", "")) if obj else ""


def render(blocks: list[dict], first_number: int = 1) -> tuple[str, list[Button]]:
    """Text for the blocks, and the buttons in the order they are numbered."""
    lines: list[str] = []
    buttons: list[Button] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = _text(block.get("text"))
            lines += [title, "=" * len(title)]
        elif kind == "section":
            lines += _section(block, buttons, first_number)
        elif kind == "context":
            lines.append("  " + " · ".join(_text(e) for e in block.get("elements", [])))
        elif kind == "divider":
            lines.append("-" * 40)
        elif kind == "actions":
            line = [_button(e, block, buttons, first_number) for e in block.get("elements", [])]
            lines.append("  ".join(x for x in line if x))
    return "\n".join(lines), buttons


def _section(block: dict, buttons: list[Button], first: int) -> list[str]:
    lines = [_text(block.get("text"))] if block.get("text") else []
    for field in block.get("fields", []):
        lines.append("  " + _text(field))
    accessory = block.get("accessory") or {}
    if accessory.get("type") == "overflow":
        lines.append("  " + "  ".join(_menu_option(o, accessory, block, buttons, first)
                                      for o in accessory.get("options", [])))  # fmt: skip
    elif accessory:
        label = _button(accessory, block, buttons, first)
        if label:
            lines.append("  " + label)
    return lines


def _menu_option(option: dict, menu: dict, block: dict, buttons: list[Button], first: int) -> str:
    number = first + len(buttons)
    label = _text(option.get("text"))
    buttons.append(Button(number, label, menu["action_id"], option.get("value"),
                          block.get("block_id"), option))  # fmt: skip
    return f"[{number}] {label}"


def _button(element: dict, block: dict, buttons: list[Button], first: int) -> str:
    if element.get("type") != "button":
        return ""
    number = first + len(buttons)
    label = _text(element.get("text"))
    buttons.append(
        Button(number, label, element["action_id"], element.get("value"), block.get("block_id"))
    )
    return f"[{number}] {label}"
