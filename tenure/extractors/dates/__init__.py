"""Time expressions: found by our own rules, resolved against the article's clock, given to events."""
