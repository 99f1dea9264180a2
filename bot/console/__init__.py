"""The advisor console: try learner profiles against the search, label results, answer hand-overs.

Served by the web app under ``/console``; ``routes.router`` is the only entry point.
"""
