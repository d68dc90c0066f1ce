"""Anonymous benchmark files, the collector's set and aggregates, the published reference."""
