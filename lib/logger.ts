import pino from "pino";
import { env } from "@/lib/env";

/** The server's structured logger (JSON lines on stdout). */
export const logger = pino({ level: env.LOG_LEVEL, base: { app: "dispatch" } });
