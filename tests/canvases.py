"""The template the tests make canvases on when they need no other: the Business Model Canvas, as shipped."""

from editor.fileformat import load_template

BMC = load_template("business-model-canvas")
