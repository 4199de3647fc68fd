"use client";

import { ErrorNotice } from "@/components/ui/error-notice";
import "./globals.css";

/** Shown when the root layout itself fails; it replaces the layout, so it brings its own <html>. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <main>
          <ErrorNotice title="Dispatch could not be shown" digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
