/**
 * JSON for a `<script type="application/ld+json">` block. JSON.stringify alone is not enough inside HTML:
 * a title containing `</script>` would close the element, so `<`, `>` and `&` are written as \u escapes
 * (still the same JSON), as are U+2028/U+2029.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
