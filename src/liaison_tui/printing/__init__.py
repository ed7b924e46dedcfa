"""Documents for paper: programmes, handouts, badges, place cards and seating plans, as HTML and PDF."""
