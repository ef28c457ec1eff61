"""Pages of the goals (goals.py), the document with its versions, workflow and comparison (document.py), and the
downloads of a version's renderings (downloads.py, implemented by the rendering work)."""
