import { pino, type Logger } from "pino";
import { getEnv } from "./env.server";

let root: Logger | undefined;

/** Structured JSON logs on stdout; `name` says which module wrote the line. */
export function logger(name: string): Logger {
  root ??= pino({ level: getEnv().LOG_LEVEL, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
  return root.child({ logger: name });
}
