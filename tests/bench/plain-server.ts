/* The baseline: plain node:http answering every request with the same bytes and content type. */
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: plain-server.ts <file> <port>");
const body = readFileSync(file);
createServer((req, res) => {
  if (req.url === "/healthz") return res.writeHead(200).end("ok");
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
