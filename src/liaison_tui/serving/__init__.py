"""Serving the app to colleagues' browsers: a token-guarded textual-serve, one app process per session."""
