"""Modal screens: forms, confirmations, details and help."""
