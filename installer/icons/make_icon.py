#!/usr/bin/env python3
"""Draws installer/icons/threshold.png (256x256 RGBA) with the standard library only.

The picture: a teal rounded square; on it a white doorway with light falling through it, standing on a
wider white sill (the threshold). Edges are anti-aliased by sampling each pixel on a 4x4 grid.

Usage: python3 installer/icons/make_icon.py [output.png]
"""
import os
import struct
import sys
import zlib

SIZE = 256
SUB = 4  # samples per pixel along each axis

TEAL_TOP = (20, 140, 130)
TEAL_BOTTOM = (11, 96, 90)
WHITE = (255, 255, 255)


def in_round_rect(x, y, left, top, right, bottom, radius):
    """True if point (x, y) lies inside the rectangle with rounded corners."""
    if x < left or x > right or y < top or y > bottom:
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_rect(x, y, left, top, right, bottom):
    return left <= x <= right and top <= y <= bottom


# Doorway geometry: an upside-down U frame standing on a sill.
DOOR_L, DOOR_R, DOOR_T, DOOR_B = 80, 176, 48, 188
FRAME = 16
SILL = (48, 188, 208, 210, 8)  # left, top, right, bottom, corner radius


def layers(x, y):
    """Returns (background_hit, light_hit, white_hit) for one sample point."""
    background = in_round_rect(x, y, 8, 8, 248, 248, 52)
    frame = in_rect(x, y, DOOR_L, DOOR_T, DOOR_R, DOOR_B) and not in_rect(
        x, y, DOOR_L + FRAME, DOOR_T + FRAME, DOOR_R - FRAME, DOOR_B + 1)
    sill = in_round_rect(x, y, *SILL)
    light = in_rect(x, y, DOOR_L + FRAME, DOOR_T + FRAME, DOOR_R - FRAME, DOOR_B)
    return background, light, frame or sill


def over(dst, src, alpha):
    """Source-over compositing of one premultiplied-free RGBA sample."""
    r, g, b, a = dst
    out_a = alpha + a * (1 - alpha)
    if out_a == 0:
        return (0.0, 0.0, 0.0, 0.0)
    mix = [(s * alpha + d * a * (1 - alpha)) / out_a for s, d in zip(src, (r, g, b))]
    return (mix[0], mix[1], mix[2], out_a)


def pixel(px, py):
    total = [0.0, 0.0, 0.0, 0.0]
    teal = [TEAL_TOP[i] + (TEAL_BOTTOM[i] - TEAL_TOP[i]) * py / (SIZE - 1) for i in range(3)]
    for sy in range(SUB):
        for sx in range(SUB):
            x = px + (sx + 0.5) / SUB
            y = py + (sy + 0.5) / SUB
            background, light, white = layers(x, y)
            sample = (0.0, 0.0, 0.0, 0.0)
            if background:
                sample = over(sample, teal, 1.0)
            if light:
                sample = over(sample, WHITE, 0.28)
            if white:
                sample = over(sample, WHITE, 1.0)
            # accumulate premultiplied colour so transparent samples do not darken edges
            total[0] += sample[0] * sample[3]
            total[1] += sample[1] * sample[3]
            total[2] += sample[2] * sample[3]
            total[3] += sample[3]
    n = SUB * SUB
    alpha = total[3] / n
    if alpha == 0:
        return (0, 0, 0, 0)
    rgb = [round(total[i] / total[3]) for i in range(3)]
    return (rgb[0], rgb[1], rgb[2], round(alpha * 255))


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def write_png(path, rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(png_chunk(b"IHDR", header))
        out.write(png_chunk(b"IDAT", zlib.compress(raw, 9)))
        out.write(png_chunk(b"IEND", b""))


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "threshold.png")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    rows = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            row.extend(pixel(px, py))
        rows.append(row)
    write_png(path, rows)
    print(path)


if __name__ == "__main__":
    main()
