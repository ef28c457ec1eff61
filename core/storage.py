"""Uploaded documents live outside the web root and are served only by views that check permissions."""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
