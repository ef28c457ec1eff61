"""What higher apps may contribute to the document.

``DOCUMENT_CHAPTERS``: functions ``(document) -> list[documents.content.Section]`` that add generated chapters at
the end of the document (the councils' consultation, ...). They are part of the content, so a new version keeps
them in its snapshot exactly as they read then. Each function costs a fixed number of queries.
"""

from core.hooks import Hook

DOCUMENT_CHAPTERS = Hook(
    "documents.DOCUMENT_CHAPTERS", "Generated chapters that higher apps add at the end of the VS/MJB document."
)
