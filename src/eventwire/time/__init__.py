"""Time: event dates resolved from the text and the publication date."""
