"""Slack listeners, one module per manifest feature; `register(app)` wires them in order."""

from slack_bolt import App

from handlers import actions, commands, home


def register(app: App) -> None:
    """Register every listener, in the order of manifest.yml."""
    commands.register(app)
    actions.register(app)
    home.register(app)
