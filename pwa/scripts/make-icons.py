"""Draws the app icons (8-bit PNG: 192, 512 and a 512 maskable one) into public/icons/.

    python3 pwa/scripts/make-icons.py      (needs Pillow; the output is committed)
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "public" / "icons"
BRAND = (37, 83, 199, 255)
WHITE = (255, 255, 255, 255)
FOLD = (197, 214, 250, 255)
CHECK = (16, 150, 100, 255)


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then downsample for smooth edges
    s = size * scale
    image = Image.new("RGBA", (s, s), BRAND if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    if not maskable:
        d.rounded_rectangle((0, 0, s - 1, s - 1), radius=int(s * 0.22), fill=BRAND)
    # The document sits inside the maskable safe zone (the central 80 %).
    inset = 0.27 if maskable else 0.2
    left, top, right, bottom = s * (inset + 0.04), s * inset, s * (1 - inset - 0.04), s * (1 - inset)
    fold = (right - left) * 0.32
    d.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=WHITE,
    )
    d.polygon([(right - fold, top), (right, top + fold), (right - fold, top + fold)], fill=FOLD)
    line_h = (bottom - top) * 0.06
    for i, width in enumerate((0.55, 0.7, 0.45)):
        y = top + (bottom - top) * (0.32 + i * 0.14)
        d.rounded_rectangle(
            (left + (right - left) * 0.14, y, left + (right - left) * (0.14 + width * 0.8), y + line_h),
            radius=line_h / 2,
            fill=FOLD,
        )
    cx, cy, r = right - (right - left) * 0.02, bottom - (bottom - top) * 0.02, (right - left) * 0.3
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=CHECK, outline=WHITE, width=int(s * 0.012))
    w = r * 0.22
    d.line(
        [(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.35), (cx + r * 0.5, cy - r * 0.35)],
        fill=WHITE,
        width=int(w),
        joint="curve",
    )
    return image.resize((size, size), Image.LANCZOS).convert("RGB" if maskable else "RGBA")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    draw(192, maskable=False).save(OUT / "icon-192.png", optimize=True)
    draw(512, maskable=False).save(OUT / "icon-512.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    draw(180, maskable=True).save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
