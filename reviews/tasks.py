"""The reviews' Celery tasks (found by autodiscovery): the PDF rendering lives beside its HTML in report.py."""

from .report import render_review

__all__ = ["render_review"]
