"""Starting, checking and stopping Credwise's servers: the embedded and scaled modes.

Kept apart from ``bot/`` (the channels people talk through) so that whoever runs the
service finds all of it in one place. This package's ``__init__`` imports nothing, so
that Rasa's own Python (``.venv-rasa``, 3.10) can import :mod:`deploy.rasa_launcher`
without the channel or search dependencies installed.
"""
