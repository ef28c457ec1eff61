"""API of the scan: themes, municipal plans and sources."""

urlpatterns = []
