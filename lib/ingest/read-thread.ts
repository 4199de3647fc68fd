import { Worker } from "node:worker_threads";
import type { IngestTarget, ReadInput, ReadOptions } from "./input";

const SERVER_CONDITION = "--conditions=react-server";

/**
 * The Node.js options a reading worker starts with: the process's own, with the react-server condition that
 * server modules need, less V8's heap sizes (`npm run ingest` sets `--max-semi-space-size`), which a
 * worker refuses (ERR_WORKER_INVALID_EXEC_ARGV): V8's flags are the process's, so the worker's heap is
 * sized by them anyway.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept = execArgv.filter((arg) => !/^--(max|min)-(semi|old)-space-size(=|$)/.test(arg));
  return kept.includes(SERVER_CONDITION) ? kept : [...kept, SERVER_CONDITION];
}

/** Reads inputs on a worker thread (see runIngest's `reader`). */
export interface ThreadReader {
  read: (target: IngestTarget) => Promise<ReadInput>;
  close: () => Promise<void>;
}

/**
 * Starts a worker thread that reads inputs (fetch or read, parse, language, tags, story features): on a
 * machine with a second core, `npm run ingest` then parses and tags the next feeds while it stores this
 * one. `options` must be cloneable (no functions: `now` stays with the main thread's reader).
 */
export function startThreadReader(options: Omit<ReadOptions, "now" | "enrichAll">): ThreadReader {
  // The CLI runs under tsx, whose loader a worker thread does not inherit: the worker registers it first,
  // then loads its TypeScript body, with the react-server condition that server modules need.
  const body = new URL("./read-worker.ts", import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))};
register();
await import(${JSON.stringify(body)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: options,
    execArgv: workerExecArgv(process.execArgv),
  });
  const waiting = new Map<number, { resolve: (input: ReadInput) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (message: { id: number; input?: ReadInput; error?: string }) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.input) entry.resolve(message.input);
    else entry.reject(new Error(`reading an input failed in the worker: ${message.error ?? "no answer"}`));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the reading worker stopped (exit code ${code})`)));
  return {
    read(target) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, target });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
