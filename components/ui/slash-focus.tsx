"use client";

import { useEffect } from "react";

/** Typing `/` anywhere outside a text field moves focus to the search box (as on GitHub or YouTube). */
export function SlashFocus({ target }: { target: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target;
      if (
        el instanceof HTMLElement &&
        (el.isContentEditable || el.closest("input, textarea, select, [contenteditable]"))
      )
        return;
      const input = document.getElementById(target);
      if (!(input instanceof HTMLInputElement)) return;
      e.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [target]);
  return null;
}
