"""Fixing facts where they are read: each partnership's menu, its forms, and *Add a partnership*."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from functools import partial

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from handlers.actions import button_value, guarded
from handlers.context import services_of, team_of
from services.corrections import CorrectionService, Form, History
from services.filters import split_filters
from services.links import typed_link, without_links
from services.questions import is_name, split_pair
from views import cards
from views import corrections as forms

log = logging.getLogger(__name__)
WORDS = ("add", "history")  # `/citylink add ...`, `/citylink history A & B`
GONE = "That fact no longer exists (it was hidden, or re-read from its article). Look it up again."
NOT_HIDDEN = "That fact is not hidden any more."
STALE = "That menu is from an older message. Look the place up again."
YEAR = re.compile(r"^[0-9]{4}$")  # any four digits: the form says which years it takes

ADD_EXAMPLE = (
    "Example: `/citylink add Dunedin & Shanghai sister city 1994 https://example.org/news`"
)


def _who(context) -> tuple[CorrectionService, str, str | None]:
    """The corrections service, the asker's team ('' for none) and the asker."""
    return services_of(context).correcting, team_of(context) or "", context.user_id


def _tell(respond: Respond, client: WebClient, user: str | None, view: cards.View | str) -> None:
    """Answer the presser alone: under the message they used, else in a DM (App Home)."""
    view = cards.message(view) if isinstance(view, str) else view
    if respond.response_url is not None:
        respond(blocks=view.blocks, text=view.text, response_type="ephemeral",
                replace_original=False)  # fmt: skip
    elif user:
        client.chat_postMessage(channel=user, blocks=view.blocks, text=view.text)


def _open(client: WebClient, trigger_id: str | None, modal: dict) -> cards.View | None:
    """Open the form; a sentence for the presser when Slack would not."""
    try:
        client.views_open(trigger_id=trigger_id, view=modal)
    except SlackApiError as exc:
        log.warning("views.open failed: %s", exc.response.get("error"))
        return cards.message("I could not open the form in time. Please try once more.")
    return None


def handle_fix(ack: Ack, action: dict, body: dict, respond: Respond, client: WebClient,
               context) -> None:  # fmt: skip
    """A partnership's menu: *Confirm* at once; *Wrong...* and *Edit...* open the form."""
    ack()
    parsed = cards.parse_fix_value(button_value(action) or "")
    correcting, team, user = _who(context)
    if parsed is None or parsed[0] not in ("confirm", "wrong", "edit") or not user:
        return _tell(respond, client, user, STALE)
    verb, fact = parsed

    def act() -> cards.View | None:
        if verb == "confirm":
            link = correcting.confirm(team, user, fact)
            return forms.saved("confirm", link) if link else cards.message(GONE)
        link = correcting.link(team, fact)
        if link is None:
            return cards.message(GONE)
        metadata = json.dumps({"fact": list(fact)})
        return _open(client, body.get("trigger_id"), forms.correction_modal(link, verb, metadata))

    answer = guarded(act)
    if answer is not None:
        _tell(respond, client, user, answer)


def handle_restore(ack: Ack, action: dict, respond: Respond, client: WebClient, context) -> None:
    """*Show again* on a link's history: undo the team's hiding of a fact."""
    ack()
    parsed = cards.parse_fix_value(button_value(action) or "")
    correcting, team, user = _who(context)
    if parsed is None or parsed[0] != "restore" or not user:
        return _tell(respond, client, user, STALE)

    def act() -> cards.View:
        link = correcting.restore(team, user, parsed[1])
        if link is True:
            return cards.message("Shown again for your team; no article states it now, so it "
                                 "shows when one does.")  # fmt: skip
        return forms.saved("restore", link) if link else cards.message(NOT_HIDDEN)

    _tell(respond, client, user, guarded(act))


def handle_add_button(ack: Ack, action: dict, body: dict, respond: Respond, client: WebClient,
                      context) -> None:  # fmt: skip
    """*Add a partnership* on a card: the form, with the card's places filled in."""
    ack()
    index = services_of(context).lookups.index
    places = [index.place_by_key(key) for key in (button_value(action) or "").split("|")[:2]]
    names = [p.name if p else "" for p in places] + ["", ""]
    failed = _open(client, body.get("trigger_id"), forms.add_modal(names[0], names[1]))
    if failed is not None:
        _tell(respond, client, context.user_id, failed)


def _value(state: dict, field: str) -> str:
    """A form field's value as text: typed, or the chosen option's value; '' when empty."""
    element = state.get(field, {}).get(field, {})
    if not isinstance(element, dict):
        return ""
    option = element.get("selected_option")
    value = option.get("value") if isinstance(option, dict) else element.get("value")
    return value.strip() if isinstance(value, str) else ""


def form_of(view: dict) -> tuple[Form, str]:
    """The form as submitted, and what the person chose to do (hide or change)."""
    state = view.get("state", {}).get("values", {})
    fields = {f: _value(state, f) for f in ("kind", "status", "year", "a", "b", "direction",
                                             "note", "url")}  # fmt: skip
    return Form(**fields), _value(state, "what")


def _fact(view: dict) -> tuple[int, int, str] | None:
    try:
        a, b, kind = json.loads(view.get("private_metadata") or "{}")["fact"]
    except (ValueError, KeyError, TypeError):
        return None
    return (a, b, kind) if isinstance(a, int) and isinstance(b, int) else None


def _done(ack: Ack, view: cards.View, title: str) -> None:
    """Close the form by turning it into what happened."""
    ack(response_action="update", view={
        "type": "modal", "title": {"type": "plain_text", "text": title},
        "close": {"type": "plain_text", "text": "Close"}, "blocks": view.blocks,
    })  # fmt: skip


def _answer(ack: Ack, result, verb: str) -> None:
    """Errors beside their fields, or the form turned into the fact as the team now sees it."""
    if isinstance(result, dict):
        return ack(response_action="errors", errors=result)
    _done(ack, forms.saved(verb, result), "Added" if verb == "add" else "Saved")


def handle_correct(ack: Ack, view: dict, context) -> None:
    """The form of *Wrong...* or *Edit...*: checked, then kept; errors shown beside their field."""
    correcting, team, user = _who(context)
    form, what = form_of(view)
    fact = _fact(view)
    if fact is None or not user:
        return ack(response_action="errors", errors={"what": STALE})
    try:
        if what == forms.HIDE:
            if not correcting.hide(team, user, fact, form.note):
                return ack(response_action="errors", errors={"what": GONE})
            return _done(ack, forms.saved("hide", None), "Hidden")
        result = correcting.edit(team, user, fact, form)
    except SQLAlchemyError as exc:
        log.warning("store unavailable for a correction: %s", exc)
        result = {"what": cards.STORE_DOWN}
    _answer(ack, result, "edit")


def handle_add_form(ack: Ack, view: dict, context) -> None:
    """The form of *Add a partnership*."""
    correcting, team, user = _who(context)
    form, _ = form_of(view)
    try:
        result = correcting.add(team, user or "?", form)
    except SQLAlchemyError as exc:
        log.warning("store unavailable for an addition: %s", exc)
        result = {"a": cards.STORE_DOWN}
    _answer(ack, result, "add")


def parse_addition(text: str, is_name: Callable[[str], bool]) -> Form | str:
    """`Dunedin & Shanghai sister city 1994 [URL]` as a form; else what is missing. Filter
    words come off the end of the second name only until it is a place's name ("New York")."""
    url = typed_link(text) or ""
    names = split_pair(without_links(text))
    if len(names) != 2 or not names[0]:
        return "Name two places joined by `&`. " + ADD_EXAMPLE
    words = names[1].split()
    year = words.pop() if words and YEAR.match(words[-1]) else ""  # any year: the form says
    b, filters, _ = split_filters(" ".join(words), is_name)
    if not b:
        return "Name the second place after `&`. " + ADD_EXAMPLE
    if not filters.kinds:
        return "Say what kind of link it is (sister city, friendship, MoU, trade deal, " \
               "cooperation or visit). " + ADD_EXAMPLE  # fmt: skip
    year = year or str(filters.year or "")
    status = min(filters.statuses, default="")
    return Form(kind=min(filters.kinds), status=status, year=year, a=names[0], b=b, url=url)


def command_answer(correcting: CorrectionService, word: str, rest: str, team: str,
                   user: str) -> cards.View:  # fmt: skip
    """`/citylink add ...` and `/citylink history A & B`."""
    if word == "history":
        names = split_pair(rest)
        if len(names) != 2 or not all(names):
            return cards.message("Name two places: `/citylink history Dunedin & Shanghai`.")
        found = correcting.history(team, names[0].strip(), names[1].strip())
        if isinstance(found, History):
            return forms.history_card(found)
        return cards.message(found) if isinstance(found, str) else cards.did_you_mean(*found)
    form = parse_addition(rest, partial(is_name, correcting.lookups))
    if isinstance(form, str):
        return cards.message(form)
    result = correcting.add(team, user, form)
    if isinstance(result, dict):
        return cards.message(" ".join(result.values()))
    return forms.saved("add", result)


def register(app: App) -> None:
    app.action(cards.action_ids(cards.FIX))(handle_fix)
    app.action(cards.action_ids(cards.ADD))(handle_add_button)
    app.action(cards.action_ids(cards.RESTORE))(handle_restore)
    app.view(forms.CORRECT)(handle_correct)
    app.view(forms.ADD_FORM)(handle_add_form)
