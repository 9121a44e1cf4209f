// render_png.js: facts of a screenshot, for test/render.test.
//
//     node test/render_png.js FILE.png
//
// Decodes the PNG (8-bit RGB or RGBA, not interlaced: what Chromium
// writes) with Node's own zlib, undoes the row filters, and prints one
// JSON object: width, height, colors (distinct RGB values), top_share (the
// share of the pixels that have the most common colour: 1 for a blank
// page) and, for each owner's colour of srm's palette, how many pixels
// have exactly that colour.  Exits 1 on a PNG it cannot read.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const PALETTE = { aws: 0x0072B2, customer: 0xE69F00, shared: 0x009E73 };

function fail(msg) {
  process.stderr.write('render_png.js: ' + msg + '\n');
  process.exit(1);
}

const buf = fs.readFileSync(process.argv[2]);
if (buf.length < 8 || buf.toString('latin1', 1, 4) !== 'PNG') fail('not a PNG');
let pos = 8, width = 0, height = 0, bpp = 0;
const idat = [];
while (pos + 8 <= buf.length) {
  const len = buf.readUInt32BE(pos);
  const type = buf.toString('latin1', pos + 4, pos + 8);
  const data = buf.subarray(pos + 8, pos + 8 + len);
  if (type === 'IHDR') {
    width = data.readUInt32BE(0);
    height = data.readUInt32BE(4);
    const depth = data[8], colorType = data[9], interlace = data[12];
    if (depth !== 8 || interlace !== 0) fail('not 8-bit, non-interlaced');
    bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
    if (!bpp) fail('colour type ' + colorType);
  } else if (type === 'IDAT') {
    idat.push(data);
  } else if (type === 'IEND') {
    break;
  }
  pos += 12 + len;
}
if (!bpp || !idat.length) fail('no image data');

const raw = zlib.inflateSync(Buffer.concat(idat));
const stride = width * bpp;
if (raw.length < height * (stride + 1)) fail('short image data');
const img = Buffer.alloc(height * stride);
for (let y = 0; y < height; y++) {
  const f = raw[y * (stride + 1)];
  const src = y * (stride + 1) + 1, dst = y * stride, up = dst - stride;
  for (let x = 0; x < stride; x++) {
    const a = x >= bpp ? img[dst + x - bpp] : 0;
    const b = y > 0 ? img[up + x] : 0;
    const c = x >= bpp && y > 0 ? img[up + x - bpp] : 0;
    let v = raw[src + x];
    switch (f) {
      case 0: break;
      case 1: v += a; break;
      case 2: v += b; break;
      case 3: v += (a + b) >> 1; break;
      case 4: {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        break;
      }
      default: fail('filter ' + f);
    }
    img[dst + x] = v & 0xff;
  }
}

const counts = new Map();
for (let i = 0; i < img.length; i += bpp) {
  const rgb = (img[i] << 16) | (img[i + 1] << 8) | img[i + 2];
  counts.set(rgb, (counts.get(rgb) || 0) + 1);
}
let top = 0;
for (const n of counts.values()) if (n > top) top = n;
const owners = {};
for (const [k, rgb] of Object.entries(PALETTE)) owners[k] = counts.get(rgb) || 0;
process.stdout.write(JSON.stringify({
  width, height, colors: counts.size, top_share: top / (width * height), owners,
}) + '\n');
