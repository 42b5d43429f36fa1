"""The core, pure and without I/O: scoring, ranking, editions, diffs, analyses and the content of documents."""
