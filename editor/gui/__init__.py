"""The Qt side: a board scene whose items mirror the document, its view, and the main window."""
