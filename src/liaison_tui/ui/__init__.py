"""The Textual app: screens, widgets and dialogs over the core."""
