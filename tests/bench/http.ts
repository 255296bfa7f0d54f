/* Requests per second and latency of /en against plain node:http returning the same bytes. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Suite } from "./run";
import { benchEnv, fmt, load, loadLine as line, rssMiB, startProcess } from "./support";

export const httpSuite: Suite = {
  name: "http",
  async run({ root, buildDir, duration, connections }) {
    const portal = await startProcess([path.join(root, buildDir, "index.js")], {
      port: 3902,
      env: benchEnv(path.join(root, "data/bench/pglite-http")),
    });
    const html = await (await fetch(`${portal.url}/en`)).text();
    const file = path.join(root, "data/bench/en.html");
    writeFileSync(file, html);
    const plain = await startProcess(
      ["--import", "tsx", path.join(import.meta.dirname, "plain-server.ts"), file, "3903"],
      { port: 3903 }
    );
    try {
      await load(`${portal.url}/en`, { duration: 2, connections }); // warm-up
      const a = await load(`${portal.url}/en`, { duration, connections });
      const rss = rssMiB(portal.child.pid);
      const b = await load(`${plain.url}/en`, { duration, connections });
      console.log(`${connections} connections, ${duration} s each, ${Buffer.byteLength(html)} bytes of HTML`);
      console.log(line("portal /en", a));
      console.log(line("plain node:http", b));
      console.log(`ratio portal/plain: ${fmt(a.requestsPerSec / b.requestsPerSec, 3)} (throughput)`);
      console.log(`portal RSS after load: ${fmt(rss)} MiB`);
    } finally {
      await Promise.all([portal.stop(), plain.stop()]);
    }
  },
};
