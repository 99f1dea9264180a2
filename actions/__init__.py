"""Credwise custom actions, served by the rasa_sdk action server.

Start it from the repository root with ``python -m rasa_sdk --actions actions -p 5055``
(``make run`` does). rasa_sdk imports every module of this package and registers each
``Action`` subclass it finds; the Rasa server calls them through ``endpoints.yml``.
"""
