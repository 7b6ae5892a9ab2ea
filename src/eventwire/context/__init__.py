"""Context beyond who did what to whom: who said what (quotes)."""
