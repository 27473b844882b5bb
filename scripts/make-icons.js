#!/usr/bin/env node
/*
 * Draws the add-in's icons and writes them as PNG files into assets/.
 *
 *   node scripts/make-icons.js          (or: npm run icons)
 *
 * Pure Node (zlib for the PNG data stream, no image library). Each pixel is
 * sampled on a SS x SS sub-pixel grid, so edges are anti-aliased.
 *
 *   icon-16/32/64/80/128.png    the add-in icon: a traffic light, red, amber
 *                               and green lamps on a dark rounded housing
 *   refresh-16/32/80.png        "Refresh RAG": a circular arrow whose arc runs
 *                               red -> amber -> green
 *   report-16/32/80.png         "Build board report": a bar chart with green,
 *                               amber and red bars on an axis
 *
 * The ribbon icons have transparent backgrounds; the add-in icon is opaque.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.resolve(__dirname, "..", "assets");
const SS = 8; // sub-samples per pixel side

const RED = [209, 52, 56];
const AMBER = [247, 168, 0];
const GREEN = [16, 140, 16];
const HOUSING = [36, 48, 64];
const INK = [112, 112, 112]; // mid grey: visible on light and dark ribbons

// ---------------------------------------------------------------- shapes
// A shape is a function (x, y) -> boolean in pixel units (0..size).

function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = x < x0 + r ? x0 + r - x : x > x1 - r ? x - (x1 - r) : 0;
    const dy = y < y0 + r ? y0 + r - y : y > y1 - r ? y - (y1 - r) : 0;
    return dx * dx + dy * dy <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** Ring between radii rIn and rOut, for angles a0..a1 (degrees, clockwise on screen, 0 = east). */
function arc(cx, cy, rIn, rOut, a0, a1) {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    if (d2 < rIn * rIn || d2 > rOut * rOut) return false;
    let a = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
    while (a < a0) a += 360;
    while (a >= a0 + 360) a -= 360;
    return a <= a1;
  };
}

function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

// ---------------------------------------------------------------- raster

/** Paints layers [{shape, color}] in order; returns RGBA bytes. */
function render(size, layers) {
  const data = Buffer.alloc(size * size * 4);
  const n = SS * SS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          let c = null;
          for (const layer of layers) if (layer.shape(x, y)) c = layer.color;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        data[o] = Math.round(r / a);
        data[o + 1] = Math.round(g / a);
        data[o + 2] = Math.round(b / a);
        data[o + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return data;
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typeAndBody = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody));
  return Buffer.concat([len, typeAndBody, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- motifs
// Each motif is laid out on a 16 x 16 unit grid, scaled by size / 16, so that
// the lamps, strokes and bars fall on whole pixels at 16, 32, 64, 80 and 128.

function trafficLight(size) {
  const u = size / 16;
  return [
    { shape: roundedRect(0, 0, size, size, 3.2 * u), color: HOUSING },
    { shape: circle(8 * u, 3 * u, 2 * u), color: RED },
    { shape: circle(8 * u, 8 * u, 2 * u), color: AMBER },
    { shape: circle(8 * u, 13 * u, 2 * u), color: GREEN },
  ];
}

function refreshArrow(size) {
  const u = size / 16;
  const cx = 8 * u;
  const cy = 8.5 * u;
  const rOut = 7 * u;
  const rIn = 5 * u;
  const rMid = 6 * u;
  // Clockwise sweep (angles grow clockwise on screen, 0 = east) from the
  // upper right, round the bottom and the left, up to the top (270 degrees),
  // where the arrowhead points right, into the gap.
  const start = -35;
  const end = 270;
  const third = (end - start) / 3;
  return [
    { shape: arc(cx, cy, rIn, rOut, start, start + third + 1), color: RED },
    { shape: arc(cx, cy, rIn, rOut, start + third, start + 2 * third + 1), color: AMBER },
    { shape: arc(cx, cy, rIn, rOut, start + 2 * third, end), color: GREEN },
    {
      shape: polygon([
        [cx - 0.01, cy - rMid - 2.5 * u],
        [cx - 0.01, cy - rMid + 2.5 * u],
        [cx + 3 * u, cy - rMid],
      ]),
      color: GREEN,
    },
  ];
}

function barChart(size) {
  const u = size / 16;
  const box = (x0, y0, x1, y1) => rect(x0 * u, y0 * u, x1 * u, y1 * u);
  return [
    { shape: box(1, 1, 2, 15), color: INK }, // y axis
    { shape: box(1, 14, 15, 15), color: INK }, // x axis
    { shape: box(4, 2, 7, 14), color: GREEN },
    { shape: box(8, 6, 11, 14), color: AMBER },
    { shape: box(12, 10, 15, 14), color: RED },
  ];
}

// ---------------------------------------------------------------- main

const ICONS = [
  { name: "icon", sizes: [16, 32, 64, 80, 128], draw: trafficLight },
  { name: "refresh", sizes: [16, 32, 80], draw: refreshArrow },
  { name: "report", sizes: [16, 32, 80], draw: barChart },
];

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      const file = path.join(OUT_DIR, `${icon.name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(size, icon.draw(size))));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
    }
  }
}

if (require.main === module) main();

module.exports = { encodePng, render };
