"""Credwise custom actions, served by the rasa_sdk action server.

Start it from the repository root with ``python -m actions -p 5055`` (``make run`` does):
it checks the catalog, the search index and the embedding model first (``preflight``),
then runs rasa_sdk's server, which imports every module of this package and registers
each ``Action`` subclass it finds; the Rasa server calls them through ``endpoints.yml``.
"""
