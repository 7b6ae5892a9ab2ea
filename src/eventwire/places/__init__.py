"""Where events happened: a gazetteer from packaged data, and the rule that ties a place
to an event (its own locative phrase, not every place in the article)."""
