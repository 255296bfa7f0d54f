import { readFileSync } from "node:fs";
import path from "node:path";

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(path.resolve(process.cwd(), "content/security/common-passwords.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#")),
  );
  return list;
}

/** Why a new password is refused beyond its length, or undefined when it is acceptable. */
export function weakPasswordReason(password: string, email: string): "common" | "email" | undefined {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || /^(.)\1+$/.test(lower) || /^(.{1,4})\1+$/.test(lower)) return "common";
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) return "email";
  return undefined;
}
