"""The monitoring's Celery tasks (found by autodiscovery): the report's PDF rendering lives beside its HTML in
report.py."""

from .report import render_report

__all__ = ["render_report"]
