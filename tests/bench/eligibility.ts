/* Eligibility: the JavaScript each wizard page ships, and req/s with latency of the JSON API and a results page. */
import path from "node:path";
import type { Suite } from "./run";
import { weighPage } from "./page-weight";
import { benchEnv, load, loadLine, startProcess } from "./support";

/** A browser over plain HTTP: keeps cookies, posts forms from the same origin. */
class Browser {
  cookies = new Map<string, string>();
  constructor(private base: string) {}
  async go(path: string, form?: Record<string, string>) {
    const res = await fetch(`${this.base}${path}`, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: this.base } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(";")[0]!.split("=");
      this.cookies.set(k!, v!);
    }
    return { html: await res.text(), location: res.headers.get("location") };
  }
}

const answers: Record<string, Record<string, string>> = {
  identity: { value: "foreign-visa-exempt" },
  age: { value: "35" },
  highestDegree: { value: "master" },
  degreeFromTaiwan: { value: "no" },
  universityRank: { value: "top-500" },
  yearsSinceGraduation: { value: "3" },
  hasTaiwanOffer: { value: "yes" },
  yearsExperience: { value: "5" },
  goldCardField: { value: "economy" },
  goldCardClaims: { value: "none" },
  recentMonthlySalary: { amount: "148000", currency: "TWD" },
  annualIncome: { amount: "50000", currency: "USD" },
  remoteWorkAbroad: { value: "yes" },
  priorNomadVisa: { value: "no" },
  averageBalance: { amount: "12000", currency: "USD" },
  stayInsurance: { value: "yes" },
  offerMonthlySalary: { amount: "50000", currency: "TWD" },
  isMigrantWorker: { value: "no" },
};

/** Walks the wizard without JavaScript; returns the pages it saw and the results path. */
export async function journey(base: string) {
  const b = new Browser(base);
  const start = await b.go("/en/eligibility");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(start.html)![1]!;
  let loc = (await b.go("/en/eligibility", { _csrf: csrf, asOf: "2026-06-01" })).location!;
  const pages: Record<string, string> = { start: start.html };
  while (!loc.endsWith("/check")) {
    const step = loc.split("/").pop()!;
    pages[step] = (await b.go(loc)).html;
    loc = (await b.go(loc, { _csrf: csrf, ...answers[step] })).location!;
  }
  pages.check = (await b.go(loc)).html;
  const results = (await b.go(loc, { _csrf: csrf })).location!;
  pages.results = (await b.go(results)).html;
  return { pages, results };
}

const apiBody = JSON.stringify({
  answers: {
    identity: "foreign-visa-exempt",
    age: 35,
    highestDegree: "master",
    goldCardField: "digital",
    yearsExperience: 8,
    annualIncome: { amount: 50000, currency: "USD" },
    remoteWorkAbroad: true,
    averageBalance: { amount: 12000, currency: "USD" },
    stayInsurance: true,
    hasTaiwanOffer: true,
    offerMonthlySalary: { amount: 60000, currency: "TWD" },
  },
  asOf: "2026-06-01",
});

export const eligibilitySuite: Suite = {
  name: "eligibility",
  async run({ root, buildDir, duration, connections }) {
    const server = await startProcess([path.join(root, buildDir, "index.js")], {
      port: 3905,
      env: benchEnv(path.join(root, "data/bench/pglite-eligibility")),
    });
    try {
      const { pages, results } = await journey(server.url);
      console.log("JavaScript per wizard page (target: at most 120 KB gzip on a question page):");
      for (const name of ["start", "identity", "recentMonthlySalary", "goldCardClaims", "check", "results"])
        if (pages[name]) console.log(await weighPage(server.url, name, pages[name]));
      const api = await load(`${server.url}/api/v1/eligibility`, {
        duration,
        connections,
        method: "POST",
        body: apiBody,
        headers: { "Content-Type": "application/json" },
      });
      console.log(loadLine("POST /api/v1/eligibility", api));
      console.log(loadLine("GET results page", await load(server.url + results, { duration, connections })));
    } finally {
      await server.stop();
    }
  },
};
