"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

/**
 * Makes the plain `<a>` links inside it (HTML or SVG) navigate inside the app, as a `next/link` would, with
 * one listener instead of one client component per link (the world map has ~175 links, a card's chips up to
 * eight). Without JavaScript they stay ordinary links. Modified clicks, other windows and other origins keep
 * the browser's behaviour. The wrapper is `display: contents`, so it changes no layout.
 */
export function AppLinks({ children, scroll = true }: { children: ReactNode; scroll?: boolean }) {
  const router = useRouter();
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element ? e.target.closest("a") : null;
    const href = link?.getAttribute("href");
    if (!link || !href || link.hasAttribute("target") || link.hasAttribute("download")) return;
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) return;
    e.preventDefault();
    router.push(url.pathname + url.search + url.hash, { scroll });
  };
  // Keyboard activation of a link fires the same click event, so no key handler is needed here.
  return (
    <div className="contents" onClick={onClick}>
      {children}
    </div>
  );
}
