"""Placeholder router; the widget channel fills this in."""

from fastapi import APIRouter

router = APIRouter()
