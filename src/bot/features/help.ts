// /huongdan: what the bot does and its commands.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";

export const helpFeature = new Composer<BotContext>();

/** The command menus, per language: [command, description key]. */
export const PRODUCER_COMMANDS: [string, string][] = [
  ["start", "cmd-start"],
  ["danhgia", "cmd-danhgia"],
  ["tieptuc", "cmd-tieptuc"],
  ["sanpham", "cmd-sanpham"],
  ["xemlai", "cmd-xemlai"],
  ["ketqua", "cmd-ketqua"],
  ["hoanthien", "cmd-hoanthien"],
  ["hoso_giay", "cmd-hoso_giay"],
  ["nop", "cmd-nop"],
  ["trangthai", "cmd-trangthai"],
  ["thanhvien", "cmd-thanhvien"],
  ["minhchung", "cmd-minhchung"],
  ["thongtin", "cmd-thongtin"],
  ["ngonngu", "cmd-ngonngu"],
  ["nhacnho", "cmd-nhacnho"],
  ["xoadulieu", "cmd-xoadulieu"],
  ["huongdan", "cmd-huongdan"],
];

helpFeature.command(["huongdan", "help"], (ctx) =>
  ctx.reply([ctx.t("help-intro"), "", ...PRODUCER_COMMANDS.map(([c, key]) => `/${c} – ${ctx.t(key)}`)].join("\n"), HTML),
);
