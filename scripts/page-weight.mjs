// Page weight and time to first byte of a running Dispatch (`npm start`), for the notes in docs/.
// Usage: node scripts/page-weight.mjs [base URL, default http://127.0.0.1:3000] [path, default /] [runs, default 20]
// COOKIE=js=1 sends the cookie that lets a list page stream (lib/site/streaming.ts).
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const path = process.argv[3] ?? "/";
const runs = Number(process.argv[4] ?? 20);
const url = new URL(path, base);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

async function timed(extra = {}) {
  const headers = { ...(process.env.COOKIE ? { Cookie: process.env.COOKIE } : {}), ...extra };
  const start = performance.now();
  const response = await fetch(url, { headers });
  const firstByte = performance.now() - start;
  const reader = response.body.getReader();
  const first = await reader.read();
  const firstChunk = performance.now() - start;
  const chunks = [first.value ?? new Uint8Array()];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return {
    firstByte,
    firstChunk,
    total: performance.now() - start,
    text: Buffer.concat(chunks).toString("utf8"),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await timed(); // warm-up
const samples = [];
for (let i = 0; i < runs; i++) samples.push(await timed());
const html = samples[0].text;
const rsc = (await timed({ RSC: "1" })).text;
const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
let js = { raw: 0, gzip: 0 };
for (const src of new Set(scripts)) {
  const s = sizes(await (await fetch(new URL(src, base))).text());
  js = { raw: js.raw + s.raw, gzip: js.gzip + s.gzip };
}
const h = sizes(html);
const r = sizes(rsc);
console.log(`${url} (median of ${runs})`);
console.log(`  TTFB (headers)      ${median(samples.map((s) => s.firstByte)).toFixed(1)} ms`);
console.log(`  first body chunk    ${median(samples.map((s) => s.firstChunk)).toFixed(1)} ms`);
console.log(`  full response       ${median(samples.map((s) => s.total)).toFixed(1)} ms`);
console.log(`  HTML                ${kb(h.raw)} (${kb(h.gzip)} gzip)`);
console.log(`  RSC payload         ${kb(r.raw)} (${kb(r.gzip)} gzip)`);
console.log(`  JS, ${new Set(scripts).size} scripts      ${kb(js.raw)} (${kb(js.gzip)} gzip)`);
