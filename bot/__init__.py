"""Channels through which people reach Credwise: web widget, Telegram, console, terminal.

Each talks to the Rasa server through :mod:`bot.gateway` (one connection pool, one
timeout and retry policy, one error type) and reads the advisor's answers as the typed
messages of :mod:`bot.messages`; none imports Rasa itself. Starting and
supervising the servers lives in :mod:`deploy`.
"""
