import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    nonce: string;
    requestId: string;
    /** This browser's CSRF seed (from its cookie, or new on this response). */
    csrfSeed: string;
    /** The client address (express `req.ip`; proxies trusted only on loopback). */
    clientIp: string;
    /** Set by the page cache on a render it may keep (entry.server then says whether the route allows it). */
    pageCacheProbe?: boolean;
  }
}
