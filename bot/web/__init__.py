"""The web app on port 8000: the chat widget, its demo page and the advisor console."""
