"""The Telegram channel: a bot that relays each private chat to Rasa and back.

``python -m bot.telegram`` runs it (polling by default; see ``app``); it talks to Rasa
through ``bot.gateway`` like every channel. The modules: ``rendering`` (the advisor's
messages as Telegram HTML, keyboards and course cards), ``callback_keys`` (button payloads within
Telegram's 64 bytes), ``rate_limit`` (per-learner token bucket), ``handlers`` (what each
update does) and ``webhook`` (the receiver for webhook mode).
"""
