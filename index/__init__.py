"""Credwise course index: the catalog, the occupation matcher and filtered hybrid search.

This package never imports Rasa: the action server, the channels and the advisor
console all use it as a plain library. Importing it is cheap; models and indexes
load lazily when first needed.
"""
