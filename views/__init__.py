"""Pure renderings of results: Block Kit for Slack and plain text for the command line."""
