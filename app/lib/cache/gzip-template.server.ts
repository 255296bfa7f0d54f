import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A page body with holes (the CSP nonce, the CSRF token) whose fixed parts are compressed once. Each fixed part is a
 * raw deflate stream of its own ended by a sync flush (byte-aligned, not final), so a response is the concatenation
 * of those parts with the hole values as stored blocks, then an empty final block: a valid gzip member, assembled
 * without compressing anything. The CRC-32 is combined from the parts' CRCs (zlib's crc32_combine_op).
 */
export interface GzipTemplate {
  /** Fixed text between holes (one more than holes). */
  parts: Buffer[];
  /** Each part compressed (raw deflate, sync flush). */
  deflated: Buffer[];
  /** Each part's CRC-32, and the operator that shifts a CRC past it. */
  crcs: number[];
  shifts: number[];
  /** The name of each hole, in order. */
  holes: string[];
}

const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}

const x2n: number[] = [];
for (let p = 1 << 30, n = 0; n < 32; n++, p = multModP(p, p)) x2n.push(p);

/** The operator that appends `length` bytes to a CRC (crc32_combine_gen). */
function shiftFor(length: number): number {
  let p = 0x80000000;
  for (let n = length, k = 3; n; n = Math.floor(n / 2), k++) if (n & 1) p = multModP(x2n[k & 31]!, p);
  return p;
}

const combine = (crc1: number, crc2: number, shift: number) => (multModP(shift, crc1) ^ crc2) >>> 0;

/** Splits `body` at each marker (name → marker text) and compresses the fixed parts. */
export function gzipTemplate(body: string, markers: Record<string, string>): GzipTemplate {
  const names = Object.keys(markers);
  const pattern = new RegExp(names.map((n) => markers[n]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const byMarker = new Map(names.map((n) => [markers[n]!, n]));
  const parts: Buffer[] = [];
  const holes: string[] = [];
  let last = 0;
  for (const m of body.matchAll(pattern)) {
    parts.push(Buffer.from(body.slice(last, m.index)));
    holes.push(byMarker.get(m[0])!);
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(body.slice(last)));
  return {
    parts,
    deflated: parts.map((p) => deflateRawSync(p, { level: 9, finishFlush: constants.Z_SYNC_FLUSH })),
    crcs: parts.map((p) => crc32(p)),
    shifts: parts.map((p) => shiftFor(p.length)),
    holes,
  };
}

/** The body with each hole filled, uncompressed. */
export function fillTemplate(t: GzipTemplate, values: Record<string, Buffer>): Buffer {
  const chunks: Buffer[] = [t.parts[0]!];
  t.holes.forEach((name, i) => chunks.push(values[name]!, t.parts[i + 1]!));
  return Buffer.concat(chunks);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

function storedBlock(data: Buffer): Buffer {
  const header = Buffer.from([
    0,
    data.length & 0xff,
    data.length >> 8,
    ~data.length & 0xff,
    (~data.length >> 8) & 0xff,
  ]);
  return Buffer.concat([header, data]);
}

/** The body with each hole filled, as gzip. Hole values must be shorter than 64 KiB. */
export function gzipFill(t: GzipTemplate, values: Record<string, Buffer>): Buffer {
  const chunks: Buffer[] = [GZIP_HEADER, t.deflated[0]!];
  let crc = t.crcs[0]!;
  let size = t.parts[0]!.length;
  t.holes.forEach((name, i) => {
    const value = values[name]!;
    chunks.push(storedBlock(value), t.deflated[i + 1]!);
    crc = combine(crc32(value, crc), t.crcs[i + 1]!, t.shifts[i + 1]!);
    size += value.length + t.parts[i + 1]!.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}
