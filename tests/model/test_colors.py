"""Note colours: the palette, hex colours, and which text colour reads on each."""

from editor.model.colors import PALETTE, color_hex, is_dark, is_valid_color, normalize_color


def test_palette_names_and_hex_are_valid_and_nothing_else_is() -> None:
    assert all(is_valid_color(name) for name in PALETTE)
    assert is_valid_color("#A0b1C2") and normalize_color("#A0b1C2") == "#a0b1c2"
    assert not any(is_valid_color(v) for v in ["Yellow", "#abc", "#12345g", "red ", "", "#1234567"])


def test_dark_text_on_every_palette_colour_and_light_text_on_dark_custom_colours() -> None:
    assert not any(is_dark(name) for name in PALETTE)
    assert is_dark("#202060") and not is_dark("#f0f0a0")
    assert color_hex("blue") == PALETTE["blue"]
