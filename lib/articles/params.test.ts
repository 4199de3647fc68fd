import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePage } from "./params";

describe("parsePage", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [["4", "5"], 4],
    ["0", 1],
    ["-2", 1],
    ["abc", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["Infinity", 1],
    ["100001", MAX_PAGE],
    ["99999999999999999999999", MAX_PAGE],
  ] as const)("%j -> %d", (input, expected) => {
    expect(parsePage(input as string | string[] | undefined)).toBe(expected);
  });
});
