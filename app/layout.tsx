import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { SearchBox, SearchBoxFallback } from "@/components/search/search-box";
import { ScriptCookie } from "@/components/ui/script-cookie";
import { SlashFocus } from "@/components/ui/slash-focus";
import { ThemeSwitch } from "@/components/ui/theme-switch";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site/metadata";
import { siteOrigin } from "@/lib/site/origin";
import { readTheme } from "@/lib/site/theme";
import "./globals.css";

// Every page, the not-found page included, renders per request: its scripts carry that request's CSP nonce.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await siteOrigin()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    openGraph: { siteName: SITE_NAME, type: "website", locale: "en" },
    twitter: { card: "summary" },
  };
}

// The page background of each theme (stone-50, and stone-950 in dark mode) for the browser's chrome.
const LIGHT = "#fafaf9";
const DARK = "#0c0a09";

export async function generateViewport(): Promise<Viewport> {
  const theme = await readTheme();
  return {
    themeColor: theme
      ? theme === "dark"
        ? DARK
        : LIGHT
      : [
          { media: "(prefers-color-scheme: light)", color: LIGHT },
          { media: "(prefers-color-scheme: dark)", color: DARK },
        ],
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await readTheme();
  return (
    <html lang="en" data-theme={theme ?? undefined}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only rounded bg-stone-900 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to main content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-stone-900">
              Dispatch
            </Link>
            <Link href="/stories" className="text-sm font-medium text-stone-700 hover:underline">
              Top stories
            </Link>
            <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
              <Suspense fallback={<SearchBoxFallback />}>
                <SearchBox />
              </Suspense>
            </div>
            <div className="ml-auto sm:ml-0">
              <ThemeSwitch theme={theme} />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 py-8 text-xs text-stone-600">
          Dispatch is an open-source news reader. Articles belong to their publishers; follow the links to
          read the originals.
        </footer>
        <SlashFocus target="site-search" />
        <ScriptCookie />
      </body>
    </html>
  );
}
