// The page ceiling: a trivial dynamic Next.js page (no data, rendered per request) in its own tiny app,
// built and served with the same Next.js the app uses, on the same machine. A separate app rather than a
// route inside Dispatch, so that the ceiling carries none of Dispatch's layout, middleware or data.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LAYOUT = `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

const PAGE = `export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Ceiling</h1>
      <p>Rendered at {new Date().toISOString()}</p>
    </main>
  );
}
`;

export const CEILING_WHAT =
  "a trivial dynamic Next.js page (`force-dynamic`, renders the time, no data) in a separate two-file app built " +
  "with the same Next.js by `next build` and served like Dispatch (scripts/serve.mjs: one process per core), " +
  "measured while Dispatch is stopped";

/**
 * Writes the ceiling app into `dir` (inside the repository, so that Next.js resolves the repository's
 * node_modules; `.tmp-*` is ignored by git, ESLint and Prettier). Plain JSX, so no TypeScript setup.
 */
export function writeCeilingApp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, name: "bench-ceiling" }));
  // Its own (empty) config, so that Next.js does not pick up the repository's.
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(path.join(dir, "app", "layout.jsx"), LAYOUT);
  writeFileSync(path.join(dir, "app", "page.jsx"), PAGE);
}
