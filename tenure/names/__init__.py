"""Names of people and organizations: the keys they are stored under and the lookups on them."""
