"""The domain: records, values, rules and plans of change. Knows nothing of files or screens."""
