import { describe, expect, it } from "vitest";
import {
  articleFromHref,
  articleInListHref,
  MAX_LIST_LENGTH,
  parseListOrigin,
  parseListParam,
} from "./list-link";
import { DEFAULT_LIST_PARAMS, parseListParams } from "./params";

const listOf = (query: string) => parseListParams(new URLSearchParams(query)).params;

describe("the list an article was opened from", () => {
  it("round-trips a list state through the article link", () => {
    const list = listOf(
      "q=dam breach&region=europe&country=PT,FR&sort=newest&pageSize=5&page=3&tz=Europe/Paris",
    );
    const href = articleInListHref("/articles/7-dam", list);
    const url = new URL(href, "https://dispatch.example");
    expect(url.pathname).toBe("/articles/7-dam");
    expect([...url.searchParams.keys()]).toEqual(["list"]);
    expect(parseListParam(url.searchParams.get("list") ?? undefined)).toEqual(list);
  });

  it("carries the front page as an empty list, and reads it back as the defaults", () => {
    expect(articleInListHref("/articles/1-a", { ...DEFAULT_LIST_PARAMS })).toBe("/articles/1-a?list=");
    expect(parseListParam("")).toEqual(DEFAULT_LIST_PARAMS);
    expect(parseListParam("?all=1&page=2")).toEqual({ ...DEFAULT_LIST_PARAMS, all: true, page: 2 });
  });

  it("gives no list without a value, and for anything the list parser does not fully accept", () => {
    expect(parseListParam(undefined)).toBeNull();
    for (const hostile of [
      "region=atlantis",
      "page=-1",
      "page=1e9x",
      "country=XX",
      "from=2024-13-40",
      "tz=Mars/Olympus",
      "sort=random&q=x",
      "pageSize=100000",
      "source=0",
      "from=2024-05-02&to=2024-05-01",
      "x".repeat(MAX_LIST_LENGTH + 1),
    ])
      expect(parseListParam(hostile), hostile).toBeNull();
  });

  it("reads the first of repeated list params, and refuses parameters lists do not have", () => {
    expect(parseListParam(["page=2", "page=3"])?.page).toBe(2);
    expect(parseListParam("utm_source=mail&page=4")).toBeNull();
    expect(parseListParam("%E0%A4%A=%ZZ&page=5")).toBeNull();
    expect(parseListParam("%")).toBeNull();
  });

  it("tells a story's coverage from a list, and rebuilds the address of either", () => {
    expect(parseListOrigin("story")).toEqual({ kind: "story" });
    expect(parseListOrigin(["story", "page=2"])).toEqual({ kind: "story" });
    expect(parseListOrigin("page=2")).toEqual({ kind: "list", list: { ...DEFAULT_LIST_PARAMS, page: 2 } });
    for (const other of ["story=1", "Story", "story&page=2", "region=atlantis"])
      expect(parseListOrigin(other), other).toBeNull();
    expect(parseListOrigin(undefined)).toBeNull();
    expect(articleFromHref("/articles/1-a", { kind: "story" })).toBe("/articles/1-a?list=story");
    expect(articleFromHref("/articles/1-a", null)).toBe("/articles/1-a");
    expect(articleFromHref("/articles/1-a", { kind: "list", list: listOf("page=2") })).toBe(
      "/articles/1-a?list=page%3D2",
    );
  });
});
