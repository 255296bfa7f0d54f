import { randomBytes } from "node:crypto";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `n` bytes from the CSPRNG, taken from a 4 KB block drawn at once, as Node does for `randomUUID`: each response's
 * CSP nonce (and a new visitor's CSRF seed) had cost a call into the kernel, 7% of a cached page's CPU (issue 15).
 * Every byte is handed out once; the block is zeroed as it is used.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES) return randomBytes(n);
  if (offset + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
