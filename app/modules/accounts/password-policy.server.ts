import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** zxcvbn's scale: 3 is "safely unguessable" against an offline attack on a slow hash (ours is scrypt). */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the breach-frequency dictionaries takes a moment and only sign-up and resets need them. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Why a new password is refused beyond its length, or undefined when it is acceptable. */
export function weakPasswordReason(password: string, email: string): "common" | "email" | undefined {
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) return "email";
  const { score } = strength().check(password, [email, local, "talenttaiwan", "talent", "taiwan", "portal"]);
  return score < MIN_SCORE ? "common" : undefined;
}
