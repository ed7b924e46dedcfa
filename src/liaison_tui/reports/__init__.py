"""What the data says, for people: summaries, details, printable documents and calendars."""
