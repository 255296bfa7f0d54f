/* A browser over plain HTTP for the benchmarks: keeps cookies, posts forms from the same origin, signs in. */
import { DEMO_TOTP_SECRET } from "~db/seeds/staff";
import { totpNow } from "~/modules/staff/totp.server";

export class Browser {
  cookies = new Map<string, string>();
  constructor(private base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async go(path: string, form?: Record<string, string>) {
    const res = await fetch(`${this.base}${path}`, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        Cookie: this.cookieHeader,
        ...(form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: this.base } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(";")[0]!.split("=");
      this.cookies.set(k!, v!);
    }
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  }

  /** The CSRF token of this browser's forms (from any page with a form). */
  async csrf(path = "/en/eligibility"): Promise<string> {
    return /name="_csrf" value="([^"]+)"/.exec((await this.go(path)).html)![1]!;
  }
}

const DEMO_PASSWORD = "demo-password-123";

/** The demo applicant, signed in. */
export async function applicant(base: string): Promise<Browser> {
  const b = new Browser(base);
  const csrf = await b.csrf("/en/account/sign-in");
  const res = await b.go("/en/account/sign-in", {
    _csrf: csrf,
    email: "applicant@demo.test",
    password: DEMO_PASSWORD,
    redirectTo: "",
  });
  if (res.status !== 303) throw new Error(`applicant sign-in answered ${res.status}`);
  return b;
}

/** A demo consultant through the password and TOTP steps (a code works once per 30 s step, so it may wait for one). */
export async function staff(base: string, email = "consultant@demo.test"): Promise<Browser> {
  const b = new Browser(base);
  const csrf = await b.csrf("/en/staff/sign-in");
  await b.go("/en/staff/sign-in", { _csrf: csrf, email, password: DEMO_PASSWORD, redirectTo: "/en/staff/inbox" });
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await b.go("/en/staff/sign-in", {
      _csrf: csrf,
      method: "totp",
      code: totpNow(DEMO_TOTP_SECRET),
      redirectTo: "/en/staff/inbox",
    });
    if (res.status === 303) return b;
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error(`${email} could not sign in`);
}
