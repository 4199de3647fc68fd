import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { SearchBox, SearchBoxFallback } from "@/components/search/search-box";
import "./globals.css";

// Every page, the not-found page included, renders per request: its scripts carry that request's CSP nonce.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Dispatch", template: "%s · Dispatch" },
  description: "Dispatch: read the news, search it, and filter it by date and region.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3">
            <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-stone-900">
              Dispatch
            </Link>
            <Link href="/stories" className="text-sm font-medium text-stone-700 hover:underline">
              Top stories
            </Link>
            <div className="flex-1">
              <Suspense fallback={<SearchBoxFallback />}>
                <SearchBox />
              </Suspense>
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-5xl px-4 py-6">{children}</main>
        <footer className="mx-auto max-w-5xl px-4 py-8 text-xs text-stone-500">
          Dispatch is an open-source news reader. Articles belong to their publishers; follow the links to
          read the originals.
        </footer>
      </body>
    </html>
  );
}
