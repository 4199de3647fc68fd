import { Suspense, type ReactNode } from "react";

/**
 * A Suspense boundary when the page streams; otherwise its content renders in place, so the page waits
 * for it and arrives whole (lib/site/streaming.ts says which). Give it a `key` for the state it shows, so
 * a new state shows the fallback again instead of keeping the old content.
 */
export function StreamBoundary({
  stream,
  fallback,
  children,
}: {
  stream: boolean;
  fallback: ReactNode;
  children: ReactNode;
}) {
  return stream ? <Suspense fallback={fallback}>{children}</Suspense> : children;
}
