"use client";

import { useEffect } from "react";
import { SCRIPT_COOKIE } from "@/lib/site/script-cookie";

/** Notes in a cookie that this browser runs scripts, so later pages may stream (lib/site/streaming.ts). */
export function ScriptCookie() {
  useEffect(() => {
    if (!document.cookie.split("; ").includes(`${SCRIPT_COOKIE}=1`))
      document.cookie = `${SCRIPT_COOKIE}=1; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
