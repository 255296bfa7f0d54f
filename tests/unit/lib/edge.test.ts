import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, edgeGuard } from "~/lib/http/edge.server";

// A real HTTP server with the edge middleware in front of a handler that reads the body the way Remix does.
let server: http.Server;
let port = 0;
const reached: { path: string; bytes: number }[] = [];

beforeAll(async () => {
  const app = express();
  app.use(edgeGuard());
  app.all("*", async (req, res) => {
    const body = ["GET", "HEAD"].includes(req.method) ? undefined : createReadableStreamFromReadable(req);
    const request = new Request(`http://x${req.originalUrl}`, {
      method: req.method,
      body,
      duplex: "half",
    } as RequestInit);
    const bytes = (await request.arrayBuffer()).byteLength;
    reached.push({ path: req.path, bytes });
    res.json({ bytes });
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Sent {
  status: number;
  type: string;
  text: string;
  sentBytes: number;
}

/** Sends `total` bytes in 64 KB chunks (chunked unless `length` is given) and stops writing once answered. */
function send(
  path: string,
  opts: { total?: number; body?: string | Buffer; type?: string; length?: number; headers?: Record<string, string> }
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const headers: Record<string, string> = {
      "Content-Type": opts.type ?? "application/x-www-form-urlencoded",
      ...opts.headers,
    };
    if (opts.length !== undefined) headers["Content-Length"] = String(opts.length);
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers, agent: false }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), text, sentBytes })
      );
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (opts.body !== undefined) {
      req.end(opts.body);
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && sentBytes < (opts.total ?? 0)) {
        sentBytes += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("bodies are bounded by the bytes read", () => {
  it("answers a chunked 200 MB anonymous form post with a localized 413 long before the end, never reaching the app", async () => {
    const before = reached.length;
    const res = await send("/zh-TW/eligibility", { total: 200 * 1024 * 1024 });
    expect(res.status).toBe(413);
    expect(res.text).toContain("<title>送出的資料過大</title>");
    expect(res.text).toContain('lang="zh-TW"');
    expect(res.sentBytes).toBeLessThan(64 * 1024 * 1024);
    expect(reached.length).toBe(before);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    // The header is a lie (3 bytes sent): the answer can only come from the header.
    const res = await send("/en/contact/new", {
      body: "x=1",
      headers: { "Content-Length": String(300 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
  });

  it("keeps the 10 MB upload limit while streaming (chunked 60 MB) and lets a 5 MB upload through whole", async () => {
    const type = "multipart/form-data; boundary=xyz";
    const big = await send("/en/account/applications/abc", { total: 60 * 1024 * 1024, type });
    expect(big.status).toBe(413);
    expect(big.sentBytes).toBeLessThan(40 * 1024 * 1024);
    const file = Buffer.concat([
      Buffer.from(
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
      ),
      Buffer.alloc(5 * 1024 * 1024, 1),
      Buffer.from("\r\n--xyz--\r\n"),
    ]);
    const ok = await send("/en/account/applications/abc", { body: file, type });
    expect([ok.status, JSON.parse(ok.text).bytes]).toEqual([200, file.byteLength]);
    const elsewhere = await send("/en/contact/new", { body: file, type });
    expect(elsewhere.status).toBe(413);
  });

  it("answers the JSON API with a JSON 413 over 64 KB, chunked, and passes a body under it", async () => {
    const res = await send("/api/v1/eligibility", { total: 70 * 1024, type: "application/json" });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: "payload-too-large", limitBytes: BODY_LIMITS.api });
    const small = await send("/api/v1/eligibility", {
      body: JSON.stringify({ answers: { a: "x".repeat(1000) } }),
      type: "application/json",
    });
    expect(small.status).toBe(200);
  });
});

describe("control characters are refused with a localized 400", () => {
  it.each([
    ["a NUL in a query value", "/th/staff/inbox?q=a%00b", "x=1"],
    ["a tab in a query value", "/en/staff/audit?actor=a%09b", "x=1"],
    ["a NUL in the path", "/en/account/cases/TT%00", "x=1"],
    ["a NUL in a form value", "/en/contact/new", "question=hello%00world"],
    ["an escape in a form value", "/en/contact/new", "name=%1B%5B31m"],
    ["a C1 control in a form value", "/en/contact/new", "name=%C2%85"],
  ])("%s", async (_name, path, body) => {
    const res = await send(path, { body });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toMatch(/<html lang="(en|th)">/);
  });

  it("accepts tab, CR and LF in form values (text areas send them)", async () => {
    const res = await send("/en/contact/new", { body: "question=line%20one%0D%0Aline%09two" });
    expect(res.status).toBe(200);
  });

  it("refuses a NUL in a multipart text field and in a JSON string (JSON answer for the API)", async () => {
    const multipart = '--b\r\nContent-Disposition: form-data; name="body"\r\n\r\nhi\u0000there\r\n--b--\r\n';
    const res = await send("/en/account/cases/TT-2026-000001", {
      body: multipart,
      type: "multipart/form-data; boundary=b",
    });
    expect(res.status).toBe(400);
    const api = await send("/api/v1/eligibility", {
      body: JSON.stringify({ answers: { identity: "a\u0000" } }),
      type: "application/json",
    });
    expect([api.status, JSON.parse(api.text)]).toEqual([400, { error: "invalid-characters" }]);
  });
});

describe("unsafe requests with a bad Origin get a 403", () => {
  it.each([["null"], ["http://[bad"], ["not a url"], ["javascript:alert(1)"], ["http://example.org/path"]])(
    "Origin: %s",
    async (origin) => {
      const res = await send("/en/account/sign-in", { body: "x=1", headers: { Origin: origin } });
      expect(res.status).toBe(403);
    }
  );

  it("lets a well-formed origin through (the cross-site check after it compares hosts)", async () => {
    const res = await send("/en/account/sign-in", { body: "x=1", headers: { Origin: "http://localhost:3000" } });
    expect(res.status).toBe(200);
  });
});
