"""Slack listeners, one module per manifest feature; `register(app)` wires them in order."""

from slack_bolt import App

from handlers import actions, commands, corrections, events, exports, home, shortcuts
from handlers.middleware import drop_redeliveries, tag_request


def register(app: App) -> None:
    """Register request logging and the re-delivery filter, then every listener (manifest order)."""
    app.use(tag_request)
    app.use(drop_redeliveries)
    commands.register(app)
    shortcuts.register(app)
    events.register(app)
    actions.register(app)
    corrections.register(app)
    exports.register(app)
    home.register(app)
