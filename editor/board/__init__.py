"""The board as it is drawn: a scene whose items mirror a canvas, its geometry, text and style. The window edits it
and export paints it; it knows neither."""
