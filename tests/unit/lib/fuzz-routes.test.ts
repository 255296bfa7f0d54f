import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "~db/seed";
import { badBody, badUrl } from "~/lib/http/edge.server";
import { csrfToken } from "~/lib/security/csrf.server";
import { appSecret } from "~/lib/security/secret.server";
import { createSession } from "~/modules/accounts/sessions.server";
import { completeCheck, createCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll, planJourney } from "~/modules/eligibility/eligibility.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { ownerCookie } from "~/modules/eligibility/owner.server";
import { allFacts } from "~/modules/eligibility/rules.server";
import { exportViews } from "~/modules/staff/exports.server";
import { testDatabases, useMigratedDb } from "../../support/db";

vi.stubEnv("SESSION_SECRET", "fuzz-test-session-secret-0123456789abcdefgh");

/**
 * Property-based fuzzing of every route that takes a form or a JSON body, plus the staff lists' query strings: random
 * fields, values (control characters, huge, numeric edge cases, injection strings, other routes' words) and
 * identities, through the edge checks and then the route module with a real database. Asserts no 500 (a throw that is
 * not a Response) and no partial write: every table's row count unchanged when the answer is 4xx (except
 * `login_attempts`, whose counters are what a refused sign-in is meant to write). A route whose path names a record
 * gets a real one (an eligibility draft of its own with its signed cookie, a real export view), and most of its cases
 * must get past the 404, so the fuzzer cannot hit a "not found" page only.
 */
type Who = "anon" | "applicant" | "staff";
interface Target {
  file: string;
  path: string;
  method: "POST" | "GET";
  /** A valid form that some cases start from, so the fuzzer also reaches what follows the validation. */
  valid?: [string, string][];
}

const REMINDER_FORM: [string, string][] = [
  ["kind", "passport"],
  ["holder", "self"],
  ["expiresOn", "2099-01-01"],
];

/** Every route with an action, and the GET lists that read query strings; checked against app/routes below. */
const TARGETS: Target[] = [
  { file: "$lang.account.applications.$id/route.tsx", path: "/en/account/applications/:draft", method: "POST" },
  { file: "$lang.account.applications.new.tsx", path: "/en/account/applications/new", method: "POST" },
  { file: "$lang.account.cases.$reference/route.tsx", path: "/en/account/cases/:reference", method: "POST" },
  { file: "$lang.account.forgot-password.tsx", path: "/en/account/forgot-password", method: "POST" },
  { file: "$lang.account.privacy.tsx", path: "/en/account/privacy", method: "POST" },
  {
    file: "$lang.account.reminders.$id.tsx",
    path: "/en/account/reminders/:reminderDoc",
    method: "POST",
    valid: REMINDER_FORM,
  },
  { file: "$lang.account.reminders.new.tsx", path: "/en/account/reminders/new", method: "POST", valid: REMINDER_FORM },
  { file: "$lang.account.reset-password.tsx", path: "/en/account/reset-password", method: "POST" },
  { file: "$lang.account.sign-in.tsx", path: "/en/account/sign-in", method: "POST" },
  { file: "$lang.account.sign-out.tsx", path: "/en/account/sign-out", method: "POST" },
  { file: "$lang.account.sign-up.tsx", path: "/en/account/sign-up", method: "POST" },
  { file: "$lang.account.verify.tsx", path: "/en/account/verify", method: "POST" },
  { file: "$lang.contact_.new.tsx", path: "/en/contact/new", method: "POST" },
  {
    file: "$lang.eligibility.$id.$step.tsx",
    path: "/en/eligibility/:check/identity",
    method: "POST",
    valid: [["value", "foreign-other"]],
  },
  { file: "$lang.eligibility.$id.check.tsx", path: "/en/eligibility/:complete/check", method: "POST" },
  { file: "$lang.eligibility._index.tsx", path: "/en/eligibility", method: "POST" },
  {
    file: "$lang.eligibility.results.$id.tsx",
    path: "/en/eligibility/results/:result",
    method: "POST",
    valid: [["intent", "recheck"]],
  },
  { file: "$lang.family.$directory.$id_.report.tsx", path: "/en/family/schools/:school/report", method: "POST" },
  { file: "$lang.reminders.unsubscribe.tsx", path: "/en/reminders/unsubscribe", method: "POST" },
  { file: "$lang.living.$directory.$id_.report.tsx", path: "/en/living/banks/:entry/report", method: "POST" },
  { file: "$lang.staff.audit.tsx", path: "/en/staff/audit", method: "POST" },
  { file: "$lang.staff.canned.tsx", path: "/en/staff/canned", method: "POST" },
  { file: "$lang.staff.cases.$reference/route.tsx", path: "/en/staff/cases/:reference", method: "POST" },
  { file: "$lang.staff.dashboard.tsx", path: "/en/staff/dashboard", method: "POST" },
  { file: "$lang.staff.directories.$kind.$id.tsx", path: "/en/staff/directories/banks/:entry", method: "POST" },
  { file: "$lang.staff.directories.$kind.import.tsx", path: "/en/staff/directories/banks/import", method: "POST" },
  { file: "$lang.staff.directories.$kind.new.tsx", path: "/en/staff/directories/schools/new", method: "POST" },
  { file: "$lang.staff.export.$view.tsx", path: "/en/staff/export/:view", method: "POST" },
  { file: "$lang.staff.inbox.tsx", path: "/en/staff/inbox", method: "POST" },
  { file: "$lang.staff.security.tsx", path: "/en/staff/security", method: "POST" },
  { file: "$lang.staff.settings/route.tsx", path: "/en/staff/settings", method: "POST" },
  { file: "$lang.staff.sign-in.tsx", path: "/en/staff/sign-in", method: "POST" },
  { file: "$lang.staff.team.tsx", path: "/en/staff/team", method: "POST" },
  { file: "api.v1.eligibility.ts", path: "/api/v1/eligibility", method: "POST" },
  { file: "$lang.staff.inbox.tsx", path: "/en/staff/inbox", method: "GET" },
  { file: "$lang.staff.audit.tsx", path: "/en/staff/audit", method: "GET" },
  { file: "$lang.staff.export.$view.tsx", path: "/en/staff/export/:view", method: "GET" },
  { file: "$lang.staff.cases.$reference/route.tsx", path: "/en/staff/cases/:reference", method: "GET" },
  { file: "$lang.staff.dashboard.tsx", path: "/en/staff/dashboard", method: "GET" },
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/**
 * Routes that answer 404 to every POST by design (their actions only check the supervisor, then refuse; the reminder
 * unsubscribe link refuses a token it does not know, and a fuzzer cannot guess one).
 */
const MOSTLY_404 = new Set([
  "POST /en/staff/export/:view",
  "POST /en/staff/audit",
  "POST /en/staff/dashboard",
  "POST /en/reminders/unsubscribe",
]);
/** The share of cases per route (of those the edge checks let through) that must get past the route's 404. */
const MIN_FOUND_SHARE = 0.5;

/** Answers that finish the journey on `asOf`: each next question gets its first option, no, or zero. */
function finishedAnswers(asOf: string | null): Answers {
  const answers: Answers = {};
  for (let i = 0; i < allFacts().length; i++) {
    const next = planJourney(answers, asOf ?? "2026-06-01").next;
    if (!next) break;
    const f = allFacts().find((x) => x.id === next)!;
    const first = f.options?.[0]?.value ?? "";
    const zero = f.type === "money" ? { amount: 0, currency: f.currencies?.[0] ?? "TWD" } : 0;
    answers[next] = f.type === "boolean" ? false : f.type === "enum" ? first : f.type === "multi" ? [first] : zero;
  }
  return answers;
}

function routeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^(route\.tsx?|[^/]+\.tsx?)$/.test(name) && (dir === "app/routes" || name.startsWith("route.")))
        found.push(full);
    }
  };
  walk("app/routes");
  return found;
}

/** String literals of a route (its folder too) and every `*.schema.ts` key: the words a fuzzer should try. */
function wordsOf(file: string): string[] {
  const dir = path.dirname(path.join("app/routes", file));
  const sources =
    dir === "app/routes" ? [path.join("app/routes", file)] : readdirSync(dir).map((n) => path.join(dir, n));
  const words = new Set<string>();
  for (const source of sources)
    for (const m of readFileSync(source, "utf8").matchAll(/"([\w.-]{1,40})"/g)) words.add(m[1]!);
  // The wizard's answers are data, not route strings: offer its options so some answers are valid.
  const answers = file.startsWith("$lang.eligibility.")
    ? [...allFacts().flatMap((f) => (f.options ?? []).map((o) => o.value)), "yes", "no", "TWD"]
    : [];
  return [...words, ...answers, "en"];
}

const schemaKeys = [
  ...new Set(
    readdirSync("app/modules", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".schema.ts") || f.endsWith("auth.server.ts"))
      .flatMap((f) =>
        [...readFileSync(path.join("app/modules", f), "utf8").matchAll(/^\s+(\w+): z\./gm)].map((m) => m[1]!)
      )
  ),
];

const nasty = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\r\n",
  "\t",
  "\u001b[31m",
  "\u0085",
  "\ud800",
  "0",
  "-1",
  "1e309",
  "9".repeat(30),
  "NaN",
  "true",
  "[]",
  "{}",
  "/\t/example.org",
  "//example.org",
  "/\\example.org",
  "x".repeat(5000),
  "TT-2026-000001",
  "2026-02-30",
  "2026-06-01",
  "a@b.test",
  "applicant@demo.test",
  "admin@demo.test",
  "demo-password-123",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "00000000-0000-0000-0000-000000000000",
  "%00",
  "../../etc/passwd",
  "🙂".repeat(50),
];

function valueArb(words: string[]) {
  return fc.oneof(
    fc.constantFrom(...words),
    { arbitrary: fc.constantFrom(...nasty), weight: 2 },
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.integer().map(String)
  );
}

function caseArb(target: Target) {
  const words = wordsOf(target.file);
  const generic = [
    ...new Set([
      ...schemaKeys,
      "intent",
      "redirectTo",
      "q",
      "email",
      "password",
      "body",
      "code",
      "value",
      "amount",
      "currency",
    ]),
  ];
  const names = fc.oneof(
    { arbitrary: fc.constantFrom(...words), weight: 4 },
    fc.constantFrom(...generic),
    fc.string({ maxLength: 10 })
  );
  const natural: Who = target.path.includes("/staff/")
    ? "staff"
    : target.path.includes("/account/")
    ? "applicant"
    : "anon";
  return fc.record({
    who: fc.oneof({ arbitrary: fc.constant(natural), weight: 3 }, fc.constantFrom<Who>("anon", "applicant", "staff")),
    csrf: fc.boolean().map((b) => b || Math.random() < 0.8),
    multipart: fc.boolean(),
    owner: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
    view: fc.oneof({ arbitrary: fc.constantFrom(...exportViews), weight: 4 }, valueArb(words)),
    fields: fc
      .tuple(fc.boolean(), fc.array(fc.tuple(names, valueArb(words)), { maxLength: 8 }))
      .map(([v, f]) => [...(v ? target.valid ?? [] : []), ...f]),
    query: fc.array(fc.tuple(names, valueArb(words)), { maxLength: 4 }),
    json: fc.oneof(fc.jsonValue(), fc.record({ answers: fc.dictionary(names, fc.jsonValue()), asOf: valueArb(words) })),
  });
}

describe("every form and API route is in the fuzz list", () => {
  it("lists each route module that exports an action", () => {
    const withAction = routeFiles()
      .filter((f) =>
        /export (async )?function action\b|export const action\b|export \{[^}]*\baction\b/.test(readFileSync(f, "utf8"))
      )
      .map((f) => path.relative("app/routes", f))
      .sort();
    expect(withAction).toEqual([...new Set(TARGETS.filter((t) => t.method === "POST").map((t) => t.file))].sort());
  });
});

describe.each(testDatabases())("fuzzing every form and API route on %s", (_name, open) => {
  const db = useMigratedDb(open);
  const ids: Record<string, string> = {};
  const counts: Record<string, Record<string, number>> = {};
  const found: Record<string, { past404: number; routed: number }> = {};
  let countQuery: () => Promise<Record<string, string>>;

  beforeAll(async () => {
    globalThis.__portalDb = Promise.resolve({
      db: db(),
      kind: "pglite",
      close: async () => {},
      listen: async () => async () => {},
    });
    await seed(db(), { demo: true });
    const applicant = await db()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "applicant@demo.test")
      .executeTakeFirstOrThrow();
    const staff = await db()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "admin@demo.test")
      .executeTakeFirstOrThrow();
    ids.applicant = applicant.id;
    ids.staff = staff.id;
    const own = await db()
      .selectFrom("cases")
      .select("reference")
      .where("applicant_id", "=", applicant.id)
      .executeTakeFirst();
    ids.reference =
      own?.reference ?? (await db().selectFrom("cases").select("reference").executeTakeFirstOrThrow()).reference;
    const draft = await db()
      .insertInto("application_drafts")
      .values({
        user_id: applicant.id,
        pathway: "gold-card",
        data: "{}",
        submission_token: "fuzz-token-aaaaaaaaaaaaaaaa",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.draft = draft.id;
    ids.entry = String(
      (await db().selectFrom("bank_branches").select("id").where("status", "=", "active").executeTakeFirstOrThrow()).id
    );
    ids.school = String(
      (
        await db()
          .selectFrom("education_programmes")
          .select("id")
          .where("status", "=", "active")
          .executeTakeFirstOrThrow()
      ).id
    );
    const { rows } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = current_schema()
        and tablename not like 'kysely_%' and tablename not in ('login_attempts', 'sessions') order by 1`.execute(db());
    const select = rows.map((r) => sql`(select count(*) from ${sql.table(r.tablename)}) as ${sql.ref(r.tablename)}`);
    countQuery = async () => (await sql<Record<string, string>>`select ${sql.join(select)}`.execute(db())).rows[0]!;
  }, 120_000);
  afterEach(() => undefined);
  afterAll(() => {
    globalThis.__portalDb = undefined;
    console.info(`fuzz cases per route (by answer class): ${JSON.stringify(counts, null, 1)}`);
    console.info(`fuzz cases past the 404 per route: ${JSON.stringify(found)}`);
  });
  // useMigratedDb empties the tables after each test: one test holds the whole run.
  it(`answers ${RUNS} random requests per route without a 500 or a partial write`, async () => {
    const failures: string[] = [];
    for (const target of TARGETS) {
      const mod = await import(/* @vite-ignore */ `~/routes/${target.file.replace(/\.tsx?$/, "")}`);
      const handler = target.method === "POST" ? mod.action : mod.loader;
      const key = `${target.method} ${target.path}`;
      counts[key] = {};
      found[key] = { past404: 0, routed: 0 };
      await fc.assert(
        fc.asyncProperty(caseArb(target), async (c) => {
          const seedValue = "fuzzSeed-fuzzSeed-fuzzSeed-fuzzS";
          const cookies = [`csrf=${seedValue}`];
          if (c.who !== "anon") {
            const token = await createSession(db(), ids[c.who]!);
            if (c.who === "staff")
              await db()
                .updateTable("sessions")
                .set({ second_factor_at: sql<Date>`now()` })
                .execute();
            cookies.push(`sid=${token}`);
          }
          // A fresh draft per case: an empty one for a question page, a finished one for "check your answers".
          const values: Record<string, string> = { ...ids, view: c.view };
          for (const name of ["check", "complete", "result"].filter((n) => target.path.includes(`:${n}`))) {
            values[name] = await createCheck(db(), { lang: "en", asOf: null });
            const answers = name === "check" ? {} : finishedAnswers(null);
            await db()
              .updateTable("eligibility_checks")
              .set({ answers: JSON.stringify(answers) })
              .where("id", "=", values[name]!)
              .execute();
            // A results page's forms need a finished result (issue 17: re-check and the rule-change consent).
            if (name === "result")
              await completeCheck(db(), { id: values[name]!, answers, result: evaluateAll(answers) });
            if (c.owner) cookies.push(ownerCookie(values[name]!, false).split(";")[0]!);
          }
          // A fresh expiry-reminder document per case: a fuzzed "delete" must not leave the next cases a 404 only.
          if (target.path.includes(":reminderDoc")) {
            const doc = { user_id: ids.applicant!, kind: "passport" as const, expires_on: "2099-01-01" };
            values.reminderDoc = (
              await db().insertInto("expiring_documents").values(doc).returning("id").executeTakeFirstOrThrow()
            ).id;
          }
          const urlPath = target.path.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(values[p]!));
          const search = new URLSearchParams(c.query).toString();
          const url = `http://localhost${urlPath}${search ? `?${search}` : ""}`;
          const headers = new Headers({ Cookie: cookies.join("; ") });
          let body: BodyInit | undefined;
          let raw = Buffer.alloc(0);
          if (target.method === "POST") {
            const fields: [string, string][] = c.csrf
              ? [["_csrf", csrfToken(appSecret(), seedValue)], ...c.fields]
              : c.fields;
            if (target.path.startsWith("/api/")) {
              headers.set("Content-Type", "application/json");
              body = JSON.stringify(c.json);
            } else if (c.multipart) {
              const form = new FormData();
              for (const [n, v] of fields) form.append(n, v);
              form.append("file", new Blob([Buffer.from("%PDF-1.4 fuzz")], { type: "application/pdf" }), "a.pdf");
              const encoded = new Response(form);
              headers.set("Content-Type", encoded.headers.get("Content-Type")!);
              body = Buffer.from(await encoded.arrayBuffer());
            } else {
              headers.set("Content-Type", "application/x-www-form-urlencoded");
              body = new URLSearchParams(fields).toString();
            }
            raw = Buffer.from(body as string | Buffer);
          }
          const before = await countQuery();
          let status: number;
          let routed = false;
          const edge = process.env.FUZZ_WITHOUT_EDGE !== "1";
          if (
            edge &&
            (badUrl(url.slice("http://localhost".length)) || (await badBody(raw, headers.get("Content-Type") ?? "")))
          ) {
            status = 400;
          } else {
            routed = true;
            const request = new Request(url, { method: target.method, headers, body });
            const params = {
              lang: "en",
              id: "",
              step: "identity",
              reference: ids.reference,
              kind: "banks",
              directory: "banks",
              view: values.view!,
            };
            const idParam = /:(draft|entry|school|check|complete|result|reminderDoc)\b/.exec(target.path)?.[1];
            if (idParam) params.id = values[idParam]!;
            if (target.path.includes("/schools/")) params.directory = "schools";
            if (target.path.includes("/schools/")) params.kind = "schools";
            const context = { clientIp: "10.9.9.9", csrfSeed: seedValue, nonce: "n", requestId: "fuzz" };
            try {
              const result = await handler({ request, params, context });
              status = result instanceof Response ? result.status : 200;
            } catch (thrown) {
              if (!(thrown instanceof Response)) {
                failures.push(`${key}: 500 ${String(thrown).slice(0, 200)} for ${JSON.stringify(c).slice(0, 400)}`);
                return;
              }
              status = thrown.status;
            }
          }
          if (routed) found[key]!.routed += 1;
          if (routed && status !== 404) found[key]!.past404 += 1;
          const bucket = process.env.FUZZ_EXACT ? String(status) : `${String(status).slice(0, 1)}xx`;
          counts[key]![bucket] = (counts[key]![bucket] ?? 0) + 1;
          if (status >= 500) failures.push(`${key}: ${status} for ${JSON.stringify(c).slice(0, 400)}`);
          if (status >= 400) {
            const after = await countQuery();
            if (JSON.stringify(after) !== JSON.stringify(before))
              failures.push(`${key}: partial write on ${status}: ${JSON.stringify(c).slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261202) }
      );
    }
    expect(failures.slice(0, 10)).toEqual([]);
    const stuck = Object.entries(found).filter(
      ([key, f]) => !MOSTLY_404.has(key) && f.past404 < MIN_FOUND_SHARE * f.routed
    );
    expect(stuck).toEqual([]);
  }, 900_000);
});
