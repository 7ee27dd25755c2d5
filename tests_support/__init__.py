"""Shared test helpers: real servers on free ports, a real Celery worker process, API clients."""
