"""Extensions that the Rasa server itself loads (Python 3.10, Rasa's own types).

Only the scaled deployment uses them, named by module path in endpoints-scaled.yml.
Everything else stays outside Rasa's process: the action server in ``actions/`` and the
channels in ``bot/`` talk to Rasa over HTTP.
"""
