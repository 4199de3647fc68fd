// Hostile input for e2e/xss.spec.ts: every vector, if it ever ran, sets window.__xss or opens a dialog.

/** A word no other article contains: the hostile articles are found with it. */
export const CANARY = "zqxcanary";

const SET = "window.__xss=1";

/** HTML for article bodies and summaries: SVG, MathML, encoded URLs, mutation XSS and the classics. */
// prettier-ignore
export const BODY_VECTORS: string[] = [
  `<svg><script>${SET}</script></svg>`,
  `<svg onload="${SET}"><circle r="1"/></svg>`,
  `<svg><a xlink:href="javascript:${SET}"><text x="0" y="20">svg link</text></a></svg>`,
  `<svg><animate onbegin="${SET}" attributeName="x" dur="1s"/></svg>`,
  `<svg><set attributeName="onmouseover" to="${SET}"/></svg>`,
  `<svg><foreignObject><img src="x" onerror="${SET}"></foreignObject></svg>`,
  `<svg><style><img src="x" onerror="${SET}"></style></svg>`,
  `<math><mtext><table><mglyph><style><img src="x" onerror="${SET}">`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${SET}">math link</maction></math>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${SET}">`,
  `<math><mi xlink:href="data:x,<script>${SET}</script>">mi</mi></math>`,
  `<noscript><p title="</noscript><img src=x onerror=${SET}>">`,
  `<xmp><p title="</xmp><img src=x onerror=${SET}>">`,
  `<!--<img src="--><img src=x onerror=${SET}//">`,
  `<scr<script>ipt>${SET}</scr</script>ipt>`,
  `<template><script>${SET}</script><img src=x onerror=${SET}></template>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${SET}">decimal entities</a>`,
  `<a href="&#x6A;avascript&#x3A;${SET}">hex entities</a>`,
  `<a href="java&#x09;script:${SET}">tab inside</a>`,
  `<a href="java&#x0A;script:${SET}">newline inside</a>`,
  `<a href=" &#x01; javascript:${SET}">control character first</a>`,
  `<a href="JaVaScRiPt:${SET}">mixed case</a>`,
  `<a href="javascript&colon;${SET}">named colon</a>`,
  `<a href="javas&#99;ript:${SET}">one entity</a>`,
  `<a href="%6A%61%76%61%73%63%72%69%70%74:${SET}">percent-encoded</a>`,
  `<a href="vbscript:msgbox(1)">vbscript</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data html</a>`,
  `<a href="https://ok.example/" onclick="${SET}">handler on a good link</a>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<object data="javascript:${SET}"></object><embed src="javascript:${SET}">`,
  `<img src=x onerror=${SET}//`,
  `<img src="x" onerror="${SET}">`,
  `<img src="x:gif" onerror="eval(atob('d2luZG93Ll9feHNzPTE='))">`,
  `<img srcset="x 1x" onerror="${SET}">`,
  `<img src="javascript:${SET}">`,
  `<video poster="javascript:${SET}"><source src="x" onerror="${SET}"></video>`,
  `<audio src="x" onerror="${SET}"></audio>`,
  `<body onload="${SET}">`,
  `<details open ontoggle="${SET}"><summary>details</summary></details>`,
  `<input autofocus onfocus="${SET}"><button formaction="javascript:${SET}">b</button>`,
  `<isindex action="javascript:${SET}" type="submit">`,
  `<style>@import 'javascript:${SET}';</style><div style="background:url(javascript:${SET})">styled</div>`,
  `<base href="javascript:${SET}//"><a href="relative">relative link</a>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${SET}">`,
  `<link rel="import" href="data:text/html,<script>${SET}</script>">`,
  `<table background="javascript:${SET}"><tr><td>cell</td></tr></table>`,
  `<div id="__next" class="fixed inset-0">clobber</div><form name="getElementById"></form>`,
  `<script>${SET}</script>`,
  `<script src="data:text/javascript,${SET}"></script>`,
  `<p>&lt;img src=x onerror=${SET}&gt; (escaped text, must stay text)</p>`,
  `<p>${"<".repeat(50)}b${">".repeat(50)}</p>`,
];

/** Titles, source names and other plain-text fields: they must come out as text. */
// prettier-ignore
export const TEXT_VECTORS: string[] = [
  `<img src=x onerror=${SET}>`,
  `"><script>${SET}</script>`,
  `</title><script>${SET}</script>`,
  `<svg/onload=${SET}>`,
  `javascript:${SET}`,
  `{{constructor.constructor('${SET}')()}}`,
  `\${${SET}}`,
  `</script><script>${SET}</script>`,
];

/** Item links and feed addresses: none may become a javascript: link. */
// prettier-ignore
export const LINK_VECTORS: string[] = [
  `javascript:${SET}`,
  ` JaVaScRiPt:${SET}`,
  `java\tscript:${SET}`,
  `data:text/html,<script>${SET}</script>`,
  `vbscript:msgbox(1)`,
  `https://ok.example/"><script>${SET}</script>`,
];

/** Query strings for the search page: the query is echoed in the page, and its words are highlighted. */
// prettier-ignore
export const SEARCH_VECTORS: string[] = [
  `<img src=x onerror=${SET}>`,
  `"><script>${SET}</script>`,
  `${CANARY} OR amp OR lt OR gt OR quot OR mark OR script OR onerror`,
  `${CANARY} "<mark>" </mark>`,
  `${CANARY} javascript:${SET}`,
  `</p><svg onload=${SET}>`,
  `${CANARY} img src onerror window xss`,
];

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cdata = (html: string) => `<![CDATA[${html.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** An RSS feed with every vector: in bodies and summaries, titles, the channel (source) name and item links. */
export function hostileRss(): string {
  const items: string[] = [];
  const now = Date.now();
  const date = (i: number) => new Date(now - i * 60_000).toUTCString();
  BODY_VECTORS.forEach((vector, i) => {
    items.push(
      `<item><guid isPermaLink="false">xss-body-${i}</guid><title>Body vector ${i} ${CANARY}</title>` +
        `<link>https://xss.example/body/${i}</link><pubDate>${date(i)}</pubDate>` +
        `<description>${cdata(`<p>Summary ${CANARY} ${i}</p>${vector}`)}</description>` +
        `<content:encoded>${cdata(`<p>Body ${CANARY} ${i} before</p>${vector}<p>after ${CANARY}</p>`)}</content:encoded></item>`,
    );
  });
  TEXT_VECTORS.forEach((vector, i) => {
    // Once escaped (the title is text) and once as CDATA markup (the title is HTML that must be reduced to text).
    items.push(
      `<item><guid isPermaLink="false">xss-title-${i}</guid><title>${xml(vector)} ${CANARY}</title>` +
        `<link>https://xss.example/title/${i}</link><pubDate>${date(100 + i)}</pubDate>` +
        `<description>${xml(`${vector} ${CANARY} summary`)}</description></item>`,
      `<item><guid isPermaLink="false">xss-title-html-${i}</guid><title>${cdata(`${vector} ${CANARY}`)}</title>` +
        `<link>https://xss.example/title-html/${i}</link><pubDate>${date(200 + i)}</pubDate>` +
        `<description>${cdata(`${vector} ${CANARY} summary`)}</description></item>`,
    );
  });
  LINK_VECTORS.forEach((vector, i) => {
    items.push(
      `<item><guid isPermaLink="false">xss-link-${i}</guid><title>Link vector ${i} ${CANARY}</title>` +
        `<link>${xml(vector)}</link><pubDate>${date(300 + i)}</pubDate>` +
        `<description>Link ${CANARY} ${i}</description></item>`,
    );
  });
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>${xml(`<img src=x onerror=${SET}> Hostile "Source" <script>${SET}</script>`)}</title>` +
    `<link>javascript:${SET}</link><description>${xml(`<svg onload=${SET}>`)}</description>\n${items.join("\n")}\n</channel></rss>`
  );
}
