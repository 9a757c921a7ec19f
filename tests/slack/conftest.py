"""Slack fixtures: the real Bolt app on a real store, signed requests, a Web API stand-in."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.app import build_app
from bot.config import load_settings
from bot.simulate import FORM, JSON, dispatch
from bot.standin import WebAPIStandIn
from bot.wiring import make_services, store_sessions
from ingest.reader import iter_paths, read_path
from services.ingesting import Forward, IngestService
from tests.blockkit import assert_valid_ids

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ROOT / "tests" / "payloads"
SECRET = "test-signing-secret"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, extractor) -> Path:
    """A SQLite store holding the bundled corpus, built once; tests get copies."""
    path = tmp_path_factory.mktemp("corpus") / "citylink.db"
    settings = load_settings(database_url=f"sqlite:///{path}")
    service = IngestService(store_sessions(settings), extractor)
    for item in iter_paths([str(ROOT / "data" / "articles")]):
        service.ingest(read_path(item), Forward(via="bundled"))
    with sqlite3.connect(path) as connection:  # fold the WAL into the file before copying it
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def settings(tmp_path, corpus_store, standin):
    path = tmp_path / "citylink.db"
    shutil.copy(corpus_store, path)
    return load_settings(
        database_url=f"sqlite:///{path}", slack_api_url=standin.url,
        slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
    )  # fmt: skip


@pytest.fixture
def services(settings):
    return make_services(settings)


class Slack:
    """Sends what Slack sends, shaped from the recorded payloads in tests/payloads/."""

    def __init__(self, app, standin: WebAPIStandIn):
        self.app, self.standin = app, standin

    def response_url(self) -> str:
        return f"{self.standin.origin}response/{time.time_ns()}"

    def command(self, text: str, *, team: str = "T111", **headers: str):
        fields = dict(parse_qsl((PAYLOADS / "slash_command.form.txt").read_text().strip()))
        fields.update(command="/citylink", text=text, response_url=self.response_url(),
                      team_id=team)  # fmt: skip
        fields.pop("enterprise_id", None)  # our workspaces are not Enterprise Grid orgs
        return checked(dispatch(self.app, SECRET, urlencode(fields), FORM, **headers))

    def answer(self, text: str, *, team: str = "T111") -> dict:
        """The ephemeral message `/citylink <text>` answers with."""
        response = self.command(text, team=team)
        assert response.status == 200, response.body
        return json.loads(response.body)

    def press(self, button: dict):
        payload = json.loads((PAYLOADS / "block_actions.json").read_text())
        payload["response_url"] = self.response_url()
        payload["actions"] = [{**payload["actions"][0], "action_id": button["action_id"],
                               "value": button.get("value")}]  # fmt: skip
        return checked(dispatch(self.app, SECRET, urlencode({"payload": json.dumps(payload)}),
                                FORM))  # fmt: skip

    def choose(self, section: dict, verb: str, *, team: str = "T111", user: str = "W111"):
        """Pick `verb` (confirm, wrong, edit) from a partnership's menu."""
        menu = section["accessory"]
        option = next(o for o in menu["options"] if o["value"].startswith(f"{verb}|"))
        payload = json.loads((PAYLOADS / "block_actions.json").read_text())
        payload.update(
            response_url=self.response_url(),
            trigger_id=f"{time.time_ns()}.trigger",
            team={"id": team, "domain": "d"},
            user={"id": user, "team_id": team},
        )
        payload["actions"] = [{"type": "overflow", "action_id": menu["action_id"],
                               "block_id": section.get("block_id", "b"), "selected_option": option,
                               "action_ts": f"{time.time():.6f}"}]  # fmt: skip
        return checked(dispatch(self.app, SECRET, urlencode({"payload": json.dumps(payload)}),
                                FORM))  # fmt: skip

    def opened(self) -> dict:
        """The newest form the app opened with `views.open`."""
        view = self.wait_for("views.open")[-1].params["view"]
        return json.loads(view) if isinstance(view, str) else view

    def submit(self, view: dict, *, team: str = "T111", user: str = "W111", **values: str) -> dict:
        """Submit a form as filled in by default, with `values` typed or chosen over it; the
        app's answer (`{}` when it closes the form)."""
        payload = json.loads((PAYLOADS / "view_submission.json").read_text())
        payload.update(team={"id": team, "domain": "d"}, user={"id": user, "team_id": team})
        payload["view"].update(callback_id=view["callback_id"], blocks=view["blocks"],
                               private_metadata=view.get("private_metadata", ""), team_id=team,
                               state={"values": form_state(view, values)})  # fmt: skip
        response = checked(dispatch(self.app, SECRET, urlencode({"payload": json.dumps(payload)}),
                                    FORM))  # fmt: skip
        assert response.status == 200, response.body
        return json.loads(response.body) if response.body else {}

    def event(self, event: dict, *, event_id: str | None = None, team: str = "T111", **headers):
        """An Events API delivery; each gets a new event id unless one is given (a retry)."""
        body = json.loads((PAYLOADS / "event_callback.app_mention.bolt_test.json").read_text())
        body.update(event=event, event_id=event_id or f"Ev{time.time_ns()}", team_id=team)
        body.pop("enterprise_id", None)
        return checked(dispatch(self.app, SECRET, json.dumps(body), JSON, **headers))

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0):
        return wait_for_calls(self.standin, method, count, timeout)


def form_state(view: dict, values: dict[str, str]) -> dict:
    """`state.values` of a submitted form: each input's initial value unless `values` has one
    (an option's value for selects and radio buttons)."""
    state = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, field = block["element"], block["block_id"]
        if element["type"] in ("static_select", "radio_buttons"):
            chosen = element.get("initial_option")
            if field in values:
                chosen = next(o for o in element["options"] if o["value"] == values[field])
            entry = {"type": element["type"], "selected_option": chosen}
        else:
            entry = {
                "type": element["type"],
                "value": values.get(field, element.get("initial_value")),
            }
        state[field] = {element["action_id"]: entry}
    return state


def menus(blocks: list[dict]) -> list[dict]:
    """The sections that carry a partnership's menu."""
    return [b for b in blocks if b.get("accessory", {}).get("type") == "overflow"]


def menu_of(blocks: list[dict], *words: str) -> dict:
    """The partnership section whose text holds every one of `words`."""
    return next(b for b in menus(blocks) if all(w in b["text"]["text"] for w in words))


def checked(response):
    """The app's answer to a request, once its Block Kit is found to be what Slack accepts."""
    assert_valid_ids(response.body, "the acknowledgement")
    return response


@pytest.fixture(autouse=True)
def sent_block_kit_is_valid(request):
    """After each test: every message and view the app sent (Web API, response_url, Socket Mode
    acknowledgements) has ids Slack accepts."""
    names = request.fixturenames
    standin = request.getfixturevalue("standin") if "standin" in names else None
    socket = request.getfixturevalue("socket_mode") if "socket_mode" in names else None
    yield
    for call in standin.calls if standin else ():
        assert_valid_ids(call.params, call.method)
    for envelope_id, ack in (socket.acks if socket else {}).items():
        assert_valid_ids(ack, f"Socket Mode acknowledgement {envelope_id}")


def wait_for_calls(standin: WebAPIStandIn, method: str, count: int = 1, timeout: float = 10.0):
    """The stand-in's calls to `method` once `count` have arrived (listeners run async)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = [c for c in standin.calls if c.method.startswith(method)]
        if len(calls) >= count:
            return calls
        time.sleep(0.02)
    raise AssertionError(f"no {method} call within {timeout} s: {standin.calls}")


@pytest.fixture
def slack(settings, services, standin) -> Slack:
    return Slack(build_app(settings, services), standin)


def buttons(blocks: list[dict]) -> list[dict]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def all_text(blocks: list[dict]) -> str:
    """Every visible string of the blocks, for asserting what a user reads."""
    parts = []
    for block in blocks:
        for key in ("text",):
            if isinstance(block.get(key), dict):
                parts.append(block[key]["text"])
        parts += [e.get("text", "") for e in block.get("elements", []) if isinstance(e, dict)
                  and isinstance(e.get("text"), str)]  # fmt: skip
        parts += [e["text"]["text"] for e in block.get("elements", []) if isinstance(e, dict)
                  and isinstance(e.get("text"), dict)]  # fmt: skip
    return "\n".join(parts)


def within_block_kit_limits(message: dict) -> bool:
    blocks = message.get("blocks", [])
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section" and b.get("text")]
    return len(blocks) <= 50 and all(len(s) <= 3000 for s in sections)
