"""Keeping the data: the TinyDB file, written atomically and shared by several processes."""
