/* Cold start of the production server: fresh data directory (creates, migrates, seeds) and existing one. */
import { rmSync } from "node:fs";
import path from "node:path";
import type { Suite } from "./run";
import { benchEnv, fmt, rssMiB, startProcess } from "./support";

export const startupSuite: Suite = {
  name: "startup",
  async run({ root, buildDir }) {
    const dataDir = path.join(root, "data/bench/pglite-startup");
    rmSync(dataDir, { recursive: true, force: true });
    const env = benchEnv(dataDir);
    const entry = path.join(root, buildDir, "index.js");
    for (const label of ["fresh data directory", "existing data directory"]) {
      const server = await startProcess([entry], { port: 3901, env });
      const rss = rssMiB(server.child.pid);
      await server.stop();
      console.log(`${label.padEnd(24)} ready in ${fmt(server.readyMs, 0)} ms, RSS ${fmt(rss)} MiB`);
    }
  },
};
