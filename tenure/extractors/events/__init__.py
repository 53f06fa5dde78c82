"""Trigger rules, one builder per event type, and one event per fact."""
