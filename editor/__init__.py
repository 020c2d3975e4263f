"""Canvas Editor: a desktop editor for Business Model Canvases, saved as hand-editable YAML."""

__version__ = "0.1.0"
