"""`citylink console`: a local Slack shell that drives the real Bolt app with signed requests.

What you type becomes the request Slack would send (a slash command, a button press, an App
Home visit); the app's answers, whether in its HTTP response or in its Web API calls to a local
stand-in, are printed as text, buttons numbered so you can press them.
"""

from __future__ import annotations

import itertools
import json
import mimetypes
import re
import secrets
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bot import blocktext, simulate
from bot.app import build_app
from bot.config import Settings
from bot.consoleform import Form
from bot.standin import Call, WebAPIStandIn
from handlers.context import Services

TEAM, USER, CHANNEL = "T0CITYLINK", "U0YOU", "C0CONSOLE"
SECRET = "console-signing-secret"
WAIT_SECONDS = 60.0
BARE_URL = re.compile(r"(?<![<|])\b([a-z][a-z0-9+.-]*://[^\s>]+)", re.IGNORECASE)
INTRO = """CityLink console: the same app Slack talks to, with Slack played locally.
  /citylink Chongqing     look up a place (also: help, latest, stats, "Dunedin & Shanghai")
  1, 2, ...               press a numbered button (or pick from a partnership's menu)
  N value, submit, cancel fill in, send or close a form (Wrong..., Edit..., Add)
  home                    open the App Home tab
  digest                  preview this channel's digest (after /citylink subscribe)
  https://...  or text    a DM to the bot: links are fetched, a pasted article is read
  file PATH               share a .txt, .html or .pdf file with the bot in a DM
  quit                    leave (Ctrl-D works too)"""


def local_settings(settings: Settings, standin: WebAPIStandIn) -> Settings:
    """The settings with Slack played by the stand-in (its files are Slack's files)."""
    return settings.model_copy(update={
        "slack_api_url": standin.url, "slack_bot_token": "xoxb-console",
        "slack_signing_secret": SECRET,
    })  # fmt: skip


class Console:
    def __init__(self, settings: Settings, services: Services, standin: WebAPIStandIn):
        """`settings` are `local_settings`, and `services` were made from them."""
        self.standin = standin
        self.app = build_app(settings, services)
        self.buttons: list[blocktext.Button] = []
        self.form: Form | None = None  # the modal open now, if any
        self.session = secrets.token_hex(4)  # event ids differ from every earlier session's
        self._events = itertools.count(1)
        self._seen = 0

    def handle(self, line: str) -> str:
        """One line typed by the user -> what they would see in Slack."""
        line = line.strip()
        if self.form is not None:
            return self._fill(line)
        if line.startswith("/citylink"):
            return self._command(line.removeprefix("/citylink").strip())
        if line.isdigit() or line.lower().startswith("press "):
            return self._press(line.split()[-1])
        if line.lower() == "digest":
            return self._command("digest")
        if line.lower() == "home":
            event = {"type": "app_home_opened", "user": USER, "channel": "D0HOME", "tab": "home"}
            return self._send(self._event(event), simulate.JSON)
        if line.lower().startswith("file "):
            return self._share_file(Path(line[5:].strip()).expanduser())
        return self._dm(BARE_URL.sub(r"<\1>", line))

    def _fill(self, line: str) -> str:
        """A line typed while a form is open: a field's value, `submit` or `cancel`."""
        form = self.form
        word, _, rest = line.partition(" ")
        if word.lower() == "cancel":
            self.form = None
            return "(form closed)"
        if word.lower() == "submit":
            return self._submit(form)
        if not word.isdigit():
            return "A form is open: `N value` fills field N, `submit` sends it, `cancel` closes it."
        problem = form.set(int(word), rest.strip())
        return problem or form.render()

    def _submit(self, form: Form) -> str:
        body = simulate.view_submission(form.view, form.state(), team=TEAM, user=USER)
        response = simulate.dispatch(self.app, SECRET, body, simulate.FORM)
        answer = json.loads(response.body) if response.body else {}
        if answer.get("response_action") == "errors":
            form.errors = answer.get("errors", {})
            return form.render()
        self.form = None
        if answer.get("response_action") == "update":
            view = answer.get("view", {})
            return self._render([(view.get("title", {}).get("text", "form"), view["blocks"])])
        return "(form closed)"

    def _dm(self, text: str, files: list[dict] | None = None) -> str:
        """A direct message to the bot, as Slack would deliver it."""
        event = {"type": "message", "channel": "D0CONSOLE", "channel_type": "im", "user": USER,
                 "text": text, "ts": f"{time.time():.6f}"}  # fmt: skip
        if files:
            event.update(subtype="file_share", files=files)
        return self._send(self._event(event), simulate.JSON)

    def _event(self, event: dict) -> str:
        """An Events API delivery with an id of this session's own (Slack never reuses one)."""
        event_id = f"Ev{self.session}{next(self._events):06d}"
        return simulate.event_callback(event, team=TEAM, event_id=event_id)

    def _share_file(self, path: Path) -> str:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return f"Cannot read {path}: {exc.strerror}"
        url = self.standin.serve_file(f"/files/{time.time_ns()}/{path.name}", data,
                                      "application/octet-stream")  # fmt: skip
        return self._dm("", [{"name": path.name, "url_private_download": url,
                              "mimetype": mimetypes.guess_type(path.name)[0]}])  # fmt: skip

    def _command(self, text: str) -> str:
        body = simulate.slash_command(text, team=TEAM, user=USER, channel=CHANNEL,
                                      response_url=self._response_url())  # fmt: skip
        return self._send(body, simulate.FORM)

    def _press(self, number: str) -> str:
        button = next((b for b in self.buttons if str(b.number) == number), None)
        if button is None:
            return f"There is no button {number} on screen."
        body = simulate.block_action(
            button.action_id, button.value, team=TEAM, user=USER, channel=CHANNEL,
            response_url=self._response_url(), option=button.option,
        )  # fmt: skip
        return self._send(body, simulate.FORM)

    def _response_url(self) -> str:
        return f"{self.standin.origin}response/{time.time_ns()}"

    def _send(self, body: str, content_type: str) -> str:
        response = simulate.dispatch(self.app, SECRET, body, content_type)
        shown = [_ack_blocks(response.body)] if response.body else []
        if response.status != 200:
            return f"(Slack would show an error: HTTP {response.status})"
        calls = self._new_calls(wait=not shown)
        shown += [_call_blocks(call) for call in calls]
        rendered = self._render([s for s in shown if s])
        opened = [c.params["view"] for c in calls if c.method == "views.open"]
        if opened:
            view = opened[-1]
            self.form = Form(json.loads(view) if isinstance(view, str) else view)
            return self.form.render()
        return rendered

    def _new_calls(self, wait: bool) -> list[Call]:
        """The Web API calls the app made since last time, waiting for slow listeners to say
        something (calls that show nothing, such as Bolt's first `auth.test`, don't count)."""
        deadline = time.monotonic() + (WAIT_SECONDS if wait else 0.3)
        while True:
            calls = self.standin.calls[self._seen :]
            if any(_call_blocks(call) or call.method == "views.open" for call in calls):
                time.sleep(0.2)
                if len(self.standin.calls) == self._seen + len(calls):
                    break
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self._seen += len(calls)
        return calls

    def _render(self, shown: Iterable[tuple[str, list[dict]]]) -> str:
        self.buttons, out = [], []
        for where, blocks in shown:
            text, buttons = blocktext.render(blocks, first_number=len(self.buttons) + 1)
            self.buttons += buttons
            out.append(f"[{where}]\n{text}")
        return "\n\n".join(out) or "(no answer)"


def _ack_blocks(body: str) -> tuple[str, list[dict]] | None:
    try:
        message = json.loads(body)
    except ValueError:
        return ("only you can see this", [{"type": "section", "text": {"text": body}}])
    return ("only you can see this", message.get("blocks") or _text_block(message.get("text")))


def _text_block(text: str | None) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text or ""}}]


def _call_blocks(call: Call) -> tuple[str, list[dict]] | None:
    params = call.params
    if call.method == "views.publish":
        return ("App Home", params.get("view", {}).get("blocks", []))
    if call.method in ("chat.postMessage", "chat.postEphemeral"):
        where = "only you can see this"
        if call.method == "chat.postMessage":
            place = "your DM" if str(params.get("channel", "")).startswith("D") else "the channel"
            where = f"in {place}" + (", in the thread" if params.get("thread_ts") else "")
        return (where, params.get("blocks") or _text_block(params.get("text")))
    if call.method.startswith("/response/"):
        shared = params.get("response_type") == "in_channel"
        where = "posted in the channel" if shared else "only you can see this"
        return (where, params.get("blocks") or _text_block(params.get("text")))
    return None


def run_console(settings: Settings, make_services: Callable[[Settings], Services]) -> int:
    """The read-eval-print loop; ends at `quit` or end of input."""
    standin = WebAPIStandIn().start()
    local = local_settings(settings, standin)
    console = Console(local, make_services(local), standin)
    interactive = sys.stdin.isatty()
    print(INTRO)
    try:
        while True:
            if interactive:
                print("\nyou> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line or line.strip().lower() in ("quit", "exit"):
                return 0
            if line.strip():
                if not interactive:
                    print(f"\nyou> {line.strip()}")
                print(console.handle(line))
    finally:
        standin.stop()
