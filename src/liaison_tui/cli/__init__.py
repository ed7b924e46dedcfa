"""The ``liaison-tui`` command line: parsing, dispatch and the commands for scripts."""
