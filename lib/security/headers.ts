/**
 * The HTTP security headers of every response. The Content-Security-Policy carries a fresh nonce per
 * request (proxy.ts); the rest are fixed and set for every path in next.config.ts, static files included.
 * No `server-only`: proxy.ts and next.config.ts import this module, and it touches nothing but strings.
 */

/** Headers that never change between requests. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Nothing leaves for another site (article links also carry rel="noreferrer", body images
  // referrerpolicy="no-referrer"). Not "no-referrer": under it browsers send `Origin: null` with the site's
  // own form posts, and the Server Actions that work without JavaScript are then refused as cross-site.
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), " +
      "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
      "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=(), " +
      "interest-cohort=(), browsing-topics=()",
  },
  // For browsers without frame-ancestors support; the CSP says the same.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts run only with this response's nonce ('strict-dynamic' lets the
 * framework's nonced loader add its chunks); no 'unsafe-inline' and, outside development, no 'unsafe-eval'.
 * Styles allow inline attributes (histogram bars are sized with style=""): a nonce would disable them,
 * and article bodies cannot carry styles because the sanitizer drops every style attribute.
 * Images and media come from anywhere on the web (article bodies embed them), never from script.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data:",
    "media-src 'self' https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join("; ");
}
