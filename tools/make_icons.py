#!/usr/bin/env python3
"""Draws the QuoteLens toolbar icons (a pair of opening quotation marks on a rounded
blue square) into extension/icons/icon-{16,32,48,128}.png.

Standard library only, so anyone can regenerate them: `python3 tools/make_icons.py`.
Shapes are defined in a 0..1 unit square and supersampled for smooth edges at 16 px.
"""

import math
import pathlib
import struct
import zlib

SIZES = (16, 32, 48, 128)
BACKGROUND = (0x00, 0x72, 0xB2)  # Okabe-Ito blue: the palette the badges use
FOREGROUND = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4
CORNER_RADIUS = 0.2


def inside_rounded_square(x, y):
    r = CORNER_RADIUS
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def inside_quote_mark(x, y, centre_x):
    """One opening mark (like a 6): a round head below a tail curving up to the right."""
    head_x, head_y, head_r = centre_x, 0.60, 0.13
    if (x - head_x) ** 2 + (y - head_y) ** 2 <= head_r ** 2:
        return True
    # The tail: a thick arc from the head's left side up and over towards the top.
    arc_x, arc_y, arc_r, thickness = centre_x + 0.13, 0.60, 0.26, 0.085
    distance = math.hypot(x - arc_x, y - arc_y)
    angle = math.degrees(math.atan2(arc_y - y, x - arc_x))  # y grows downwards
    return abs(distance - arc_r) <= thickness / 2 and 95 <= angle <= 175 and x <= head_x + 0.02


def pixel(x, y):
    if not inside_rounded_square(x, y):
        return None
    if inside_quote_mark(x, y, 0.34) or inside_quote_mark(x, y, 0.66):
        return FOREGROUND
    return BACKGROUND


def render(size):
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for every scanline
        for px in range(size):
            r = g = b = covered = 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    colour = pixel((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)
                    if colour is not None:
                        r, g, b, covered = r + colour[0], g + colour[1], b + colour[2], covered + 1
            samples = SUPERSAMPLE * SUPERSAMPLE
            if covered:
                row += bytes((r // covered, g // covered, b // covered, 255 * covered // samples))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "extension" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (out / f"icon-{size}.png").write_bytes(render(size))
        print(f"wrote {out / f'icon-{size}.png'}")


if __name__ == "__main__":
    main()
