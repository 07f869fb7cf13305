// `npm run chat`: the bot in a terminal, no token, no network; typing a number presses a button.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

it("registers a producer and starts a self-assessment from typed lines", () => {
  const input = [
    "/start",
    "1",
    "Nguyễn Văn An",
    "1",
    "3",
    "HTX Demo",
    "cai nuoc",
    "1",
    "1",
    "Mật ong rừng",
    "1",
    "2",
    "2",
    "1",
  ].join("\n");
  const r = spawnSync("npm", ["run", "chat"], {
    cwd: join(import.meta.dirname, "../.."),
    input: `${input}\n`,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "ocop-chat-")), "chat.sqlite"),
      BOT_TOKEN: "",
    },
    timeout: 60_000,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("không cần mạng");
  expect(r.stdout).toContain("[1] ✅ Đồng ý");
  expect(r.stdout).toContain("Đã lưu số 0912345678");
  expect(r.stdout).toContain("Xã Cái Nước – Cà Mau");
  expect(r.stdout).toContain("Bắt đầu tự đánh giá “Mật ong rừng”");
  expect(r.stdout).toContain("Điều kiện 2/");
});
