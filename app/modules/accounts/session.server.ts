import { redirect } from "@remix-run/node";
import type { UserRole } from "~db/schema";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { readCookie } from "~/lib/http/cookies";
import { safeRedirectPath } from "~/lib/http/redirect-to";
import { notFound } from "~/lib/http/responses";
import { defaultLang, isLang } from "~/lib/i18n/config";
import {
  createSession,
  deleteSession,
  findSession,
  SESSION_DAYS,
  touchSession,
  type SessionUser,
} from "./sessions.server";

export type { SessionUser };
const COOKIE = "sid";

function cookie(value: string, maxAge: number): string {
  const secure = getEnv().publicOrigin.startsWith("https:") ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function tokenOf(request: Request): string | undefined {
  const token = readCookie(request.headers.get("Cookie"), COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/**
 * The signed-in user, or null. A staff session that has not passed the second factor counts as signed out
 * everywhere except the staff sign-in's code step (`pendingSecondFactor`), so no page acts on a password alone.
 */
export async function getUser(
  request: Request,
  options: { pendingSecondFactor?: boolean } = {}
): Promise<SessionUser | null> {
  const token = tokenOf(request);
  if (!token) return null;
  const db = await getDb();
  const user = await findSession(db, token);
  if (!user) return null;
  if (isStaff(user) && !user.second_factor_at && !options.pendingSecondFactor) return null;
  // The idle clock moves at most once a minute, so most requests write nothing.
  if (Date.now() - user.last_seen_at.getTime() > 60_000) await touchSession(db, user.id_hash);
  return user;
}

function langOf(request: Request): string {
  const first = new URL(request.url).pathname.split("/")[1] ?? "";
  return isLang(first) ? first : defaultLang;
}

/** The signed-in user; otherwise a redirect to sign-in that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = encodeURIComponent(url.pathname + url.search);
  // Staff halfway through signing in finish on their own sign-in (the code step), never on the applicants' form.
  const pending = tokenOf(request) ? await getUser(request, { pendingSecondFactor: true }) : null;
  const signIn = pending && isStaff(pending) ? "staff/sign-in" : "account/sign-in";
  throw redirect(`/${langOf(request)}/${signIn}?redirectTo=${back}`, 303);
}

/** A signed-in user with one of the roles; anyone else gets a 404 (staff pages do not reveal themselves). */
export async function requireRole(request: Request, roles: readonly UserRole[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user || !roles.includes(user.role)) throw notFound();
  return user;
}

/** Staff (consultant or supervisor). Issue 6 adds the second-factor check (`second_factor_at`). */
export function requireStaff(request: Request): Promise<SessionUser> {
  return requireRole(request, ["consultant", "supervisor"]);
}

/** True for staff roles. */
export function isStaff(user: Pick<SessionUser, "role">): boolean {
  return user.role === "consultant" || user.role === "supervisor";
}

/** Rotates the session: ends the one this browser had, starts a new one; returns the Set-Cookie header. */
export async function startSession(request: Request, userId: string, ip: string | null): Promise<string> {
  const db = await getDb();
  const old = tokenOf(request);
  if (old) await deleteSession(db, old);
  const token = await createSession(db, userId, { ip, userAgent: request.headers.get("User-Agent") });
  return cookie(token, SESSION_DAYS * 86400);
}

/** Ends this browser's session; returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = tokenOf(request);
  if (token) await deleteSession(await getDb(), token);
  return cookie("", 0);
}

/** A same-site path to return to after sign-in, or the account home. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, lang: string): string {
  return safeRedirectPath(to, `/${lang}/account/cases`);
}
