"""Shared canvases: a canvas kept as a Yjs document (pycrdt) and in step with its Canvas both ways, so that peers
can edit one canvas together; no Qt."""
