/* Directory growth: 10,000 rental entries, then the list's first page and a search, one request at a time. */
import pg from "pg";
import { fmt } from "./support";

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

async function timings(url: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    // A cookie the page cache does not know: every request renders (server time, not a cache hit).
    const res = await fetch(url, { headers: { Cookie: "bench=1" } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Seeds the entries into the server's PostgreSQL database and returns "first page X ms, search Y ms" (p95). */
export async function growth(base: string, databaseUrl: string, runs = 60): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`
    insert into rental_services (id, name_en, name_zh, cities, services, languages, source_title, last_verified)
    select 'bench-agent-' || g, 'Bench Agent ' || g, '測試租屋 ' || g,
           jsonb_build_array((array['taipei','taichung','kaohsiung','tainan','new-taipei'])[1 + g % 5]),
           '["listings"]'::jsonb, '["en"]'::jsonb, 'Bench data', '2026-12-01'
    from generate_series(1, 10000) g on conflict (id) do nothing`);
  await client.query("analyze rental_services");
  await client.end();
  const first = await timings(`${base}/en/living/rentals`, runs);
  const search = await timings(`${base}/en/living/rentals?q=${encodeURIComponent("agent 77")}`, runs);
  return `first page ${fmt(p95(first), 1)} ms, search ${fmt(p95(search), 1)} ms`;
}
