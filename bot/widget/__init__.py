"""The widget channel."""
