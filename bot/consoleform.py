"""A Slack modal as a numbered text form for the local console: fill fields, then submit.

`3 Christchurch` sets field 3 (for a choice: an option's number, value or label), `submit`
sends the form as Slack would, `cancel` closes it. Errors the app answers with are shown
beside their fields, and the form stays open, as in Slack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import blocktext

CHOICES = ("static_select", "radio_buttons")


@dataclass
class Form:
    view: dict  # the modal as the app opened it
    values: dict[str, dict] = field(default_factory=dict)  # block id -> the field's state
    errors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for block in self.inputs():
            element = block["element"]
            if element["type"] in CHOICES:
                state = {"type": element["type"], "selected_option": element.get("initial_option")}
            else:
                state = {"type": element["type"], "value": element.get("initial_value")}
            self.values[block["block_id"]] = state

    def inputs(self) -> list[dict]:
        return [b for b in self.view.get("blocks", []) if b.get("type") == "input"]

    def state(self) -> dict:
        """`view.state.values` as Slack sends them."""
        return {block["block_id"]: {block["element"]["action_id"]: self.values[block["block_id"]]}
                for block in self.inputs()}  # fmt: skip

    def set(self, number: int, text: str) -> str | None:
        """Fill field `number`; a sentence when that cannot be done."""
        fields = self.inputs()
        if not 1 <= number <= len(fields):
            return f"The form has fields 1 to {len(fields)}."
        block = fields[number - 1]
        element, state = block["element"], self.values[block["block_id"]]
        self.errors.pop(block["block_id"], None)  # Slack clears an error once the field changes
        if element["type"] not in CHOICES:
            state["value"] = text or None
            return None
        options = element.get("options", [])
        chosen = next((o for i, o in enumerate(options, start=1) if text.lower() in
                       (str(i), o["value"].lower(), _label(o).lower())), None)  # fmt: skip
        if chosen is None:
            return "Choose one of: " + ", ".join(f"{i} {_label(o)}" for i, o in
                                                 enumerate(options, start=1))  # fmt: skip
        state["selected_option"] = chosen
        return None

    def render(self) -> str:
        title = self.view.get("title", {}).get("text", "Form")
        lines = [f"[form] {title}", "=" * (len(title) + 7)]
        number = 0
        for block in self.view.get("blocks", []):
            if block.get("type") != "input":
                lines.append(blocktext.render([block])[0])
                continue
            number += 1
            lines.append(self._field(number, block))
            if block["block_id"] in self.errors:
                lines.append(f"     ! {self.errors[block['block_id']]}")
        submit = self.view.get("submit", {}).get("text", "Submit")
        lines.append(f"Type `N value` to fill field N, `submit` to {submit.lower()}, `cancel`.")
        return "\n".join(lines)

    def _field(self, number: int, block: dict) -> str:
        element, state = block["element"], self.values[block["block_id"]]
        label = block["label"]["text"] + ("" if block.get("optional") else " (required)")
        if element["type"] in CHOICES:
            chosen = state.get("selected_option")
            options = ", ".join(f"{i} {_label(o)}" for i, o in
                                enumerate(element.get("options", []), start=1))  # fmt: skip
            shown = _label(chosen) if chosen else "-"
            return f"  {number}. {label}: {shown}    [{options}]"
        return f"  {number}. {label}: {state.get('value') or '-'}"


def _label(option: dict) -> str:
    return option.get("text", {}).get("text", option.get("value", ""))
