"""URLs of the scan: themes, municipal plans, sources and the scan matrix (added to planning/urls.py)."""

urlpatterns = []
