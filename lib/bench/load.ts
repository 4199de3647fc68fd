// Page throughput with autocannon: one run per concurrency, counting every kind of failure.
import autocannon from "autocannon";
import type { PageLoad } from "./results";

/** Loads `url` with `concurrency` connections for `seconds`; a request taking over 10 s is a timeout. */
export async function loadPage(url: string, concurrency: number, seconds: number): Promise<PageLoad> {
  const result = await autocannon({ url, connections: concurrency, duration: seconds, timeout: 10 });
  return {
    concurrency,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
