"""Export: a canvas leaves the app as a PDF poster, a PNG or SVG picture, or a Markdown document."""
