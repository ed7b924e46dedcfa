"""Registration spreadsheets in and out: columns, import plans, CSV export."""
