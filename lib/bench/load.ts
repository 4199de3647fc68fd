// Page throughput with autocannon: one run per concurrency, counting every kind of failure.
import autocannon from "autocannon";
import type { PageLoad } from "./results";

/**
 * Loads `url` with `concurrency` connections for `seconds`; a request taking over 10 s is a timeout. With
 * `distinct`, every request asks for its own address (`&r=<n>` added, a parameter the app ignores), so no
 * answer comes from the page micro-cache (scripts/page-cache.mjs): each one is rendered.
 */
export async function loadPage(
  url: string,
  concurrency: number,
  seconds: number,
  { distinct = false }: { distinct?: boolean } = {},
): Promise<PageLoad> {
  const { pathname, search } = new URL(url);
  let n = 0;
  const result = await autocannon({
    url,
    connections: concurrency,
    duration: seconds,
    timeout: 10,
    ...(distinct
      ? {
          requests: [
            {
              setupRequest: (req) => ({ ...req, path: `${pathname}${search}${search ? "&" : "?"}r=${n++}` }),
            },
          ],
        }
      : {}),
  });
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
