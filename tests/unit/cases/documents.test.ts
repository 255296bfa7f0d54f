import { describe, expect, it } from "vitest";
import { checkUpload, MAX_UPLOAD_BYTES, safeFilename, sniffMime } from "~/modules/cases/documents.server";

const file = (bytes: number[] | Uint8Array, name: string, type = "application/pdf") =>
  new File([new Uint8Array(bytes)], name, { type });

describe("upload checks", () => {
  it("decides the type from the bytes, not the name or the claimed type", async () => {
    expect(sniffMime(new TextEncoder().encode("%PDF-1.4"))).toBe("application/pdf");
    expect(sniffMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    const html = await checkUpload(
      file([...new TextEncoder().encode("<html><script>alert(1)</script>")], "passport.pdf")
    );
    expect(html).toEqual({ ok: false, reason: "type" });
    const png = await checkUpload(
      file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], "photo.pdf", "application/pdf")
    );
    expect(png).toMatchObject({ ok: true, mime: "image/png", name: "photo.png" });
  });

  it("refuses missing and oversized files", async () => {
    expect(await checkUpload(null)).toEqual({ ok: false, reason: "missing" });
    expect(await checkUpload(file([], "empty.pdf"))).toEqual({ ok: false, reason: "missing" });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-"));
    expect(await checkUpload(file(big, "big.pdf"))).toEqual({ ok: false, reason: "too-large" });
  });

  it("cleans file names", () => {
    expect(safeFilename("../../etc/passwd.html", "application/pdf")).toBe("passwd.pdf");
    expect(safeFilename('a"b<c>.jpg', "image/jpeg")).toBe("a_b_c_.jpg");
    expect(safeFilename("護照.png", "image/png")).toBe("護照.png");
  });
});
