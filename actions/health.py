"""Liveness of the action server.

rasa_sdk already answers ``GET /health`` on the action server's port with
``{"status": "ok"}``, which is what ``make run`` and the end-to-end tests poll before
talking to it. This module defines no action yet: checks that the course index is
loaded belong here once the advisor's actions use it.
"""
