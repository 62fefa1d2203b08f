// Draws the app icons once: a relay baton (Staffelstab) on the accent colour (color.png, 192×192)
// and as a white outline on transparent (outline.png, 32×32), the sizes Teams requires.
//   npx tsx manifest/generate-icons.ts   (writes manifest/icons/*.png; the results are committed)
// Shapes are signed distance functions sampled 4×4 per pixel for smooth edges.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACCENT_COLOR, ICONS_DIR } from './brand.ts';
import { encodePng } from './png.ts';

const ACCENT: Rgb = hexRgb(ACCENT_COLOR);
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xf5, 0xb8, 0x41];

type Rgb = readonly [number, number, number];

function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
interface Point {
  x: number;
  y: number;
}

/** The baton: a capsule from a to b with radius r, and bands across it at the given fractions of its length. */
interface Baton {
  a: Point;
  b: Point;
  r: number;
  bands: readonly number[];
  bandWidth: number;
}

/** Position along the baton axis (0 at a, 1 at b) and signed distance to the capsule's edge. */
function batonGeometry(p: Point, baton: Baton): { t: number; distance: number } {
  const dx = baton.b.x - baton.a.x;
  const dy = baton.b.y - baton.a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = ((p.x - baton.a.x) * dx + (p.y - baton.a.y) * dy) / lengthSq;
  const clamped = Math.min(1, Math.max(0, t));
  const nearest = { x: baton.a.x + clamped * dx, y: baton.a.y + clamped * dy };
  return { t, distance: Math.hypot(p.x - nearest.x, p.y - nearest.y) - baton.r };
}

function onBand(t: number, baton: Baton): boolean {
  const length = Math.hypot(baton.b.x - baton.a.x, baton.b.y - baton.a.y);
  return baton.bands.some((f) => Math.abs(t - f) * length <= baton.bandWidth / 2);
}

const SAMPLES = 4;

/** Renders size×size pixels; `shade` returns the colour and opacity of a sample point, or null for nothing. */
function render(size: number, shade: (p: Point) => { rgb: Rgb; alpha: number } | null, background: Rgb | null): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const s = shade({ x: x + (sx + 0.5) / SAMPLES, y: y + (sy + 0.5) / SAMPLES });
          const base = background ? { rgb: background, alpha: 1 } : null;
          const hit = s ?? base;
          if (hit) {
            r += hit.rgb[0] * hit.alpha;
            g += hit.rgb[1] * hit.alpha;
            b += hit.rgb[2] * hit.alpha;
            a += hit.alpha;
          }
        }
      }
      const i = (y * size + x) * 4;
      // Colour is averaged over the covered samples (straight, not premultiplied, alpha).
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

/** 192×192, full-bleed accent background, white baton with amber bands inside the central 96 px safe area. */
export function colorIcon(): Buffer {
  const size = 192;
  const baton: Baton = { a: { x: 66, y: 126 }, b: { x: 126, y: 66 }, r: 15, bands: [0.3, 0.7], bandWidth: 9 };
  const rgba = render(
    size,
    (p) => {
      const { t, distance } = batonGeometry(p, baton);
      if (distance > 0) return null;
      return { rgb: onBand(t, baton) ? AMBER : WHITE, alpha: 1 };
    },
    ACCENT,
  );
  return encodePng(size, size, rgba);
}

/** 32×32, transparent, the baton as a white 2 px outline with two bands. */
export function outlineIcon(): Buffer {
  const size = 32;
  const baton: Baton = { a: { x: 9, y: 23 }, b: { x: 23, y: 9 }, r: 5.5, bands: [0.3, 0.7], bandWidth: 1.6 };
  const rgba = render(
    size,
    (p) => {
      const { t, distance } = batonGeometry(p, baton);
      const outline = distance <= 0 && distance >= -2;
      const band = distance <= 0 && onBand(t, baton);
      return outline || band ? { rgb: WHITE, alpha: 1 } : null;
    },
    null,
  );
  return encodePng(size, size, rgba);
}

function main(): void {
  fs.mkdirSync(ICONS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ICONS_DIR, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(ICONS_DIR, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${path.join(ICONS_DIR, 'color.png')} and outline.png\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
