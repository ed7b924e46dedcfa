"""Programs the reliability tests run in separate processes."""
