/**
 * Draws the Teams app icons as PNGs (no image library needed): a 192×192 colour icon and a
 * 32×32 white-on-transparent outline, both a ring with a gap — a "C" for Caseline.
 * Run once when the design changes: `node --import tsx scripts/teams-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Pixel = readonly [number, number, number, number];

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

export const encodePng = (size: number, pixel: (x: number, y: number) => Pixel): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** True on the "C": a ring between two radii, open on the right. */
const onRing = (x: number, y: number, size: number): boolean => {
  const c = size / 2;
  const dx = x + 0.5 - c;
  const dy = y + 0.5 - c;
  const r = Math.hypot(dx, dy);
  const open = dx > 0 && Math.abs(dy) < size * 0.16;
  return r > size * 0.24 && r < size * 0.38 && !open;
};

const BRAND: Pixel = [0x25, 0x63, 0xeb, 0xff];
const WHITE: Pixel = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Pixel = [0, 0, 0, 0];

if (process.argv[1]?.endsWith('teams-icons.ts')) {
  writeFileSync(
    'manifest/teams/color.png',
    encodePng(192, (x, y) => (onRing(x, y, 192) ? WHITE : BRAND)),
  );
  writeFileSync(
    'manifest/teams/outline.png',
    encodePng(32, (x, y) => (onRing(x, y, 32) ? WHITE : CLEAR)),
  );
  console.log('wrote manifest/teams/color.png and manifest/teams/outline.png');
}
