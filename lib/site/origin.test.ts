import { describe, expect, it } from "vitest";
import { originOf } from "./origin";

describe("originOf", () => {
  it("keeps scheme, host and port", () => {
    expect(originOf("https://news.example")).toBe("https://news.example");
    expect(originOf("http://127.0.0.1:3700")).toBe("http://127.0.0.1:3700");
  });

  it("refuses what a forged Host header could smuggle in", () => {
    for (const bad of [
      "http://evil.example/path",
      "http://user@evil.example",
      "http://evil.example?x=1",
      "javascript://x",
      "http://",
      "http://a b",
    ]) {
      expect(originOf(bad), bad).toBeNull();
    }
  });
});
