"""Places: the gazetteer, name folding, first-level regions and the lookup index.

The bottom layer: ingestion and lookups both use it; it knows nothing of articles, the store,
spaCy or Slack.
"""
