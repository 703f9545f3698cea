"""Review: agreement, quality checks and their findings, gold adjudication, merging, statistics."""
