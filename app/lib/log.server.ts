import { pino, type Logger } from "pino";

let root: Logger | undefined;

/** Structured JSON logs on stdout; `name` says which module wrote the line. */
export function logger(name: string): Logger {
  root ??= pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
  return root.child({ logger: name });
}
