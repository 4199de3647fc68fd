// Types of page-cache.mjs (plain JavaScript, so that `node scripts/serve.mjs` loads it without a build).
import type { IncomingMessage, ServerResponse } from "node:http";

export function acceptsGzip(header: string | undefined): boolean;

export function createPageCache(options: {
  ttlMs: number;
}): (req: IncomingMessage, res: ServerResponse, render: () => void) => void;
