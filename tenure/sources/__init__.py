"""Following sources: RSS/Atom feeds and web pages polled politely, their items ingested as articles."""
