/** URL slug for a title: ASCII, lower case, words joined by hyphens, at most ~80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  return cut.slice(0, cut.lastIndexOf("-") > 40 ? cut.lastIndexOf("-") : 80);
}

/** The stable, readable path of an article page: /articles/<id>-<slug>. */
export function articlePath(id: number, title: string): string {
  const slug = slugify(title);
  return slug ? `/articles/${id}-${slug}` : `/articles/${id}`;
}

const MAX_ID = 2_147_483_647;

/** Reads the id out of an `<id>-<slug>` route segment; null for anything malformed or out of range. */
export function parseArticleParam(param: string): number | null {
  const match = /^([1-9][0-9]{0,9})(?:-[^/]*)?$/.exec(param);
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return id <= MAX_ID ? id : null;
}

/** Whether a route segment (as Next.js passes it, possibly still %-encoded) names an article by its canonical path. */
export function isCanonicalParam(param: string, path: string): boolean {
  const canonical = path.slice("/articles/".length);
  if (param === canonical) return true;
  try {
    return decodeURIComponent(param) === canonical;
  } catch {
    // A malformed escape is never canonical: redirect to the canonical address.
    return false;
  }
}
