import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fillTemplate, gzipFill, gzipTemplate } from "~/lib/cache/gzip-template.server";

const markers = { nonce: "@@NONCE@@", csrf: "@@CSRF@@" };

describe("gzip templates", () => {
  it("assembles valid gzip (checked CRC and size) with each response's own values", () => {
    const noise = randomBytes(90_000).toString("base64"); // parts larger than one deflate block and than 64 KiB
    const body = `<html><script nonce="@@NONCE@@">x</script>${noise}<input value="@@CSRF@@">@@NONCE@@é中文${noise.slice(
      0,
      999
    )}`;
    const t = gzipTemplate(body, markers);
    expect(t.holes).toEqual(["nonce", "csrf", "nonce"]);
    for (let i = 0; i < 3; i++) {
      const values = {
        nonce: Buffer.from(randomBytes(16).toString("base64")),
        csrf: Buffer.from(randomBytes(32).toString("base64url")),
      };
      const expected = body
        .replaceAll(markers.nonce, values.nonce.toString())
        .replaceAll(markers.csrf, values.csrf.toString());
      expect(gunzipSync(gzipFill(t, values)).toString()).toBe(expected);
      expect(fillTemplate(t, values).toString()).toBe(expected);
    }
  });

  it("handles bodies without holes, holes at both ends and empty values", () => {
    for (const body of ["", "plain", "@@NONCE@@", "@@CSRF@@middle@@NONCE@@"]) {
      const t = gzipTemplate(body, markers);
      const values = { nonce: Buffer.alloc(0), csrf: Buffer.from("t") };
      const expected = body.replaceAll(markers.nonce, "").replaceAll(markers.csrf, "t");
      expect(gunzipSync(gzipFill(t, values)).toString()).toBe(expected);
    }
  });
});
