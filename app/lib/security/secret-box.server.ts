import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretBoxError extends Error {}

/** AES-256-GCM with a random 96-bit IV: `v1:<base64url iv>:<base64url ciphertext+tag>`. `context` is bound as AAD. */
export function seal(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

/** Opens what `seal` wrote with the same key and context; anything altered, or another key, throws. */
export function open(sealed: string, key: Buffer, context: string): string {
  const [version, iv, body, ...rest] = sealed.split(":");
  if (version !== VERSION || !iv || !body || rest.length) throw new SecretBoxError("unknown format");
  const ivBytes = Buffer.from(iv, "base64url");
  const bytes = Buffer.from(body, "base64url");
  if (ivBytes.length !== 12 || bytes.length <= 16) throw new SecretBoxError("unknown format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("cannot decrypt");
  }
}

/** Whether a stored value is sealed (any version) rather than legacy plain text. */
export function isSealed(value: string): boolean {
  return /^v\d+:/.test(value);
}
