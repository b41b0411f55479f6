"""Feeds stage: the registry, fetching over HTTP or from replay files, and parsing into article records."""
