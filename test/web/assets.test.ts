// The web chat's assets: served compressed and cached, and a missing one is a plain 404 (not a
// server error in the log).
import { describe, expect, it } from "vitest";
import { useWebHarness } from "../helpers/web.js";

const h = useWebHarness();

describe("assets", () => {
  it.each(["/static/app.css", "/vendor/htmx.min.js"])("%s is served compressed, with a cache lifetime", async (url) => {
    const res = await h.app.inject({ url, headers: { "accept-encoding": "gzip, br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(String(res.headers["cache-control"])).toMatch(/max-age=\d+/);
  });

  it("a missing asset is a 404", async () => {
    for (const url of ["/static/no-such-file.png", "/vendor/no-such-file.js"]) {
      const res = await h.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
