// What an input of `npm run ingest` names: a URL or a file. A module of its own, without the ingest's
// imports, so that the CLI can decide how to read its inputs (and start its reading thread) before it
// loads the rest.

/** True for inputs that name a URL (`scheme://…`) rather than a file; only http(s) ones are then fetched. */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}
