"""Reading the stored record: timelines, the analyst's event filter, entity lookup and search.

Query logic for the API and the CLI lives here, never in controllers. Every list pages by a
keyset on (sort_date, id), the order the events indexes are built for.
"""
