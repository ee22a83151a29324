"""The case editor's Qt-free half: YAML round trip, templates, the document model with
undo/redo and drafts, installing own cases, and the map's graph data."""
