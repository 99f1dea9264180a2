"""Credwise's conversation core, independent of Rasa.

The Rasa actions are thin adapters over these modules: parse what the learner typed
(``answers``), keep what they told us (``profile``), turn search results into
explained course cards (``cards``, ``render``) and say which constraint to loosen
when too little fits (``relax``). Nothing here imports Rasa or loads a model at
import time, so the logic is testable in milliseconds.
"""
