// The body of the worker thread that reads inputs for `npm run ingest` (read-thread.ts starts it): each
// message is an input to read, each answer what readInput gave, with every item enriched, so the main
// thread only writes.
import { parentPort, workerData } from "node:worker_threads";
import { readInput, type IngestTarget, type ReadOptions } from "./input";

const options = workerData as ReadOptions;

parentPort?.on("message", (message: { id: number; target: IngestTarget }) => {
  readInput(message.target, { ...options, enrichAll: true }).then(
    (input) => parentPort?.postMessage({ id: message.id, input }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.stack : String(error),
      }),
  );
});
