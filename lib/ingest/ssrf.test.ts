import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  checkTarget,
  createGuardedLookup,
  ForbiddenTargetError,
  forbiddenAddressReason,
  type Resolver,
} from "./ssrf";

describe("forbiddenAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback address"],
    ["127.255.0.9", "loopback address"],
    ["10.0.0.1", "private network address"],
    ["172.16.5.4", "private network address"],
    ["172.31.255.255", "private network address"],
    ["192.168.1.1", "private network address"],
    ["169.254.169.254", "link-local address"],
    ["100.64.0.1", "carrier-grade NAT address"],
    ["0.0.0.0", "unspecified address"],
    ["224.0.0.1", "multicast address"],
    ["255.255.255.255", "broadcast address"],
    ["240.0.0.1", "reserved address"],
    ["192.0.2.10", "reserved address"],
    ["::1", "loopback address"],
    ["::", "unspecified address"],
    ["fe80::1", "link-local address"],
    ["fc00::1", "unique-local address"],
    ["fd12:3456::1", "unique-local address"],
    ["ff02::1", "multicast address"],
    ["::ffff:127.0.0.1", "loopback address"],
    ["::ffff:10.1.2.3", "private network address"],
    ["64:ff9b::a9fe:a9fe", "link-local address"],
    ["2001:db8::1", "reserved address"],
  ])("%s is a %s", (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it("refuses the deprecated IPv4-compatible IPv6 form", () => {
    expect(forbiddenAddressReason("::127.0.0.1")).not.toBeNull();
    expect(forbiddenAddressReason("::5db8:d822")).not.toBeNull();
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "2606:4700::1111",
    "::ffff:93.184.216.34",
    "64:ff9b::808:808",
  ])("%s is public", (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe("checkTarget (run on the first URL and on every redirect hop)", () => {
  it.each([
    "http://127.0.0.1/",
    "http://10.0.0.1/feed",
    "http://[::1]:8080/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://localhost:3000/",
    "http://app.localhost/",
  ])("refuses %s", (url) => {
    expect(checkTarget(new URL(url), false)).toMatch(/^refused: .*DISPATCH_ALLOW_PRIVATE_NETWORK=1/);
  });

  it.each(["file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com/", "data:text/plain,x"])(
    "refuses the scheme of %s even when private networks are allowed",
    (url) => {
      expect(checkTarget(new URL(url), true)).toMatch(/^unsupported URL scheme/);
    },
  );

  it("lets public names and addresses through (their resolved addresses are checked at connect time)", () => {
    expect(checkTarget(new URL("https://example.com/feed"), false)).toBeNull();
    expect(checkTarget(new URL("http://93.184.216.34/"), false)).toBeNull();
  });

  it("allows private targets when told to", () => {
    expect(checkTarget(new URL("http://127.0.0.1:8080/"), true)).toBeNull();
  });
});

type Outcome = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function runLookup(
  resolve: Resolver,
  hostname: string,
  all: boolean,
  allowPrivate = false,
): Promise<Outcome> {
  const lookup = createGuardedLookup(resolve, allowPrivate);
  return new Promise((done) => {
    lookup(hostname, { all }, (error, address, family) => done({ error, address, family }));
  });
}

const fakeDns: Resolver = (hostname) => {
  const table: Record<string, LookupAddress[]> = {
    "evil.example": [{ address: "127.0.0.1", family: 4 }],
    "metadata.example": [{ address: "169.254.169.254", family: 4 }],
    "mixed.example": [
      { address: "10.0.0.5", family: 4 },
      { address: "93.184.216.34", family: 4 },
      { address: "::1", family: 6 },
    ],
    "public.example": [{ address: "93.184.216.34", family: 4 }],
  };
  const answer = table[hostname];
  if (answer === undefined)
    return Promise.reject(
      Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
    );
  return Promise.resolve(answer);
};

describe("createGuardedLookup (the connect-time check)", () => {
  it("refuses a name that resolves to loopback", async () => {
    for (const all of [true, false]) {
      const outcome = await runLookup(fakeDns, "evil.example", all);
      expect(outcome.error).toBeInstanceOf(ForbiddenTargetError);
      expect(outcome.error?.message).toMatch(/evil\.example resolves to 127\.0\.0\.1 \(loopback address\)/);
    }
  });

  it("refuses a name that resolves to the cloud metadata address", async () => {
    expect((await runLookup(fakeDns, "metadata.example", false)).error).toBeInstanceOf(ForbiddenTargetError);
  });

  it("keeps only the public addresses of a mixed answer", async () => {
    expect(await runLookup(fakeDns, "mixed.example", true)).toMatchObject({
      error: null,
      address: [{ address: "93.184.216.34", family: 4 }],
    });
    expect(await runLookup(fakeDns, "mixed.example", false)).toMatchObject({
      error: null,
      address: "93.184.216.34",
      family: 4,
    });
  });

  it("passes resolver errors through", async () => {
    expect((await runLookup(fakeDns, "nowhere.example", false)).error?.code).toBe("ENOTFOUND");
  });

  it("only resolves when private networks are allowed", async () => {
    expect(await runLookup(fakeDns, "evil.example", false, true)).toMatchObject({
      error: null,
      address: "127.0.0.1",
    });
  });
});
