import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";

describe("serializeJsonLd", () => {
  it("cannot close the script element or open a comment, and parses back to the same data", () => {
    const data = { headline: "</script><script>alert(1)</script> <!-- & \u2028 -->", n: 1 };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
