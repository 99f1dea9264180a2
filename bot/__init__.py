"""Channels through which people reach Credwise.

To come: the Telegram bot, the embeddable web chat widget and the advisor console.
Each talks to the Rasa server over HTTP and never imports Rasa itself.
"""
