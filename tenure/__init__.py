"""tenure: executive-movement events from news articles, stored and served as timelines."""

__version__ = "0.1.0"
