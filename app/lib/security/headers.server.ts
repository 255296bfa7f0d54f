import { pooledRandomBytes } from "./random.server";

/** A fresh nonce for each response's inline scripts. */
export function createNonce(): string {
  return pooledRandomBytes(16).toString("base64");
}

/** The Content-Security-Policy for a page rendered with `nonce`. */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  const connect = dev ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers every response carries. HSTS only when the request arrived over HTTPS. */
export function securityHeaders(
  nonce: string,
  { https, dev }: { https: boolean; dev: boolean }
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { dev }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
