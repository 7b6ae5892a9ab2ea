"""spaCy components eventwire adds to the loaded pipeline."""
