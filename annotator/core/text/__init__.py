"""Article text: decoding, code point <-> UTF-16 offsets, folding, find, word tokens and snapping."""
