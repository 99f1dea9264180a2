"""Placeholder router; the advisor console fills this in."""

from fastapi import APIRouter

router = APIRouter()
