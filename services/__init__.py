"""Services: lookups, forwards, subscriptions and digests, over ingest and the store."""
