"""Persistence: engines and sessions, and running the migrations."""
