// The shipped 2025 administrative units and the commune search a user types into.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_UNITS_DIR, adminUnits, type Commune, loadAdminUnits, parseCommuneCsv } from "../../src/geo/communes.js";
import { fold } from "../../src/text.js";

const units = adminUnits();
const KIND = { commune: "Xã", ward: "Phường", "special-zone": "Đặc khu" } as const;
/** The unit's official full name, e.g. "Xã Cái Nước, Tỉnh Cà Mau". */
const full = (c: Commune | undefined) => c && `${KIND[c.type]} ${c.name}, ${units.province(c.provinceCode)!.fullName}`;
const names = (query: string, limit?: number) => units.search(query, limit).map(full);
const first = (query: string) => units.search(query)[0];

describe("shipped administrative units", () => {
  it("has the 34 provinces and the 3,321 units of 2026 (2,611 xã, 697 phường, 13 đặc khu), each in a known province", () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.communes).toHaveLength(3321);
    expect(units.communes.filter((c) => c.type === "ward")).toHaveLength(697);
    expect(units.communes.filter((c) => c.type === "special-zone")).toHaveLength(13);
    expect(units.communes.filter((c) => c.type === "commune")).toHaveLength(2611);
    for (const c of units.communes) expect(c.provinceName, c.code).toBe(units.province(c.provinceCode)?.name);
    expect(new Set(units.communes.map((c) => c.code)).size).toBe(units.communes.length);
  });

  it("keeps the file's fullName column true to the name, kind and province", () => {
    const lines = readFileSync(join(ADMIN_UNITS_DIR, "communes.csv"), "utf8").trim().split("\n").slice(1);
    expect(lines).toHaveLength(3321);
    for (const line of lines) {
      const code = line.slice(0, 5);
      expect(line, code).toContain(`"${full(units.commune(code))}"`);
    }
  });

  it("looks every commune and province up by its code", () => {
    for (const c of units.communes) expect(units.commune(c.code)).toBe(c);
    for (const p of units.provinces) expect(units.province(p.code)).toBe(p);
    expect(units.commune("99999")).toBeUndefined();
    expect(units.province("99")).toBeUndefined();
  });

  it("cleans the names users will see: NFC, no stray full stop", () => {
    for (const c of units.communes) {
      expect(c.name.normalize("NFC")).toBe(c.name);
      expect(c.name).not.toMatch(/\.$/);
    }
    expect(full(first("nam dong ha"))).toBe("Phường Nam Đông Hà, Tỉnh Quảng Trị");
  });

  it("loads once per process", () => {
    expect(adminUnits()).toBe(units);
  });
});

describe("the corrections of 2025–2026, checked against the GSO list and Resolutions 30/2026/QH16, 237/NQ-UBTVQH16", () => {
  const inProvince = (province: string) => units.communes.filter((c) => c.provinceName === province);
  const named = (province: string, name: string) =>
    inProvince(province)
      .filter((c) => c.name === name)
      .map(full);

  it("Hà Tĩnh has Xã Sơn Kim 2 beside Sơn Kim 1: 69 units", () => {
    expect(named("Hà Tĩnh", "Sơn Kim 2")).toEqual(["Xã Sơn Kim 2, Tỉnh Hà Tĩnh"]);
    expect(full(first("son kim 2"))).toBe("Xã Sơn Kim 2, Tỉnh Hà Tĩnh");
    expect(inProvince("Hà Tĩnh")).toHaveLength(69);
  });

  it("Lạng Sơn has Phường Kỳ Lừa and Xã Hoàng Văn Thụ (which took in Tân Thanh), no Phường Hoàng Văn Thụ", () => {
    expect(named("Lạng Sơn", "Kỳ Lừa")).toEqual(["Phường Kỳ Lừa, Tỉnh Lạng Sơn"]);
    expect(named("Lạng Sơn", "Hoàng Văn Thụ")).toEqual(["Xã Hoàng Văn Thụ, Tỉnh Lạng Sơn"]);
    expect(named("Lạng Sơn", "Tân Thanh")).toEqual([]);
    expect(inProvince("Lạng Sơn")).toHaveLength(65);
  });

  it("Đà Nẵng has Xã Nam Trà My (from Trà Mai and Trà Don); Thanh Hóa has Phường Đào Duy Từ", () => {
    expect(named("Đà Nẵng", "Nam Trà My")).toEqual(["Xã Nam Trà My, Thành phố Đà Nẵng"]);
    expect(named("Đà Nẵng", "Trà Mai")).toEqual([]);
    expect(named("Thanh Hoá", "Đào Duy Từ")).toEqual(["Phường Đào Duy Từ, Tỉnh Thanh Hoá"]);
  });

  it("keeps Xã Phố Bảng as the official list spells it, and finds it typed Phó Bảng", () => {
    expect(named("Tuyên Quang", "Phố Bảng")).toEqual(["Xã Phố Bảng, Tỉnh Tuyên Quang"]);
    expect(full(first("Phó Bảng"))).toBe("Xã Phố Bảng, Tỉnh Tuyên Quang");
  });

  it("Đồng Nai is a city since 30/4/2026 and ten of its xã are phường: 33 phường, 62 xã", () => {
    expect(units.provinces.find((p) => p.name === "Đồng Nai")).toMatchObject({
      fullName: "Thành phố Đồng Nai",
      type: "city",
    });
    const wards = [
      "Trảng Bom",
      "Long Thành",
      "Nhơn Trạch",
      "Xuân Lộc",
      "Dầu Giây",
      "Tân Phú",
      "Trị An",
      "Đồng Phú",
      "Lộc Ninh",
      "Tân Khai",
    ];
    for (const name of wards) expect(named("Đồng Nai", name)).toEqual([`Phường ${name}, Thành phố Đồng Nai`]);
    expect(inProvince("Đồng Nai").filter((c) => c.type === "ward")).toHaveLength(33);
    expect(inProvince("Đồng Nai").filter((c) => c.type === "commune")).toHaveLength(62);
  });

  it("spells names as the official list does, and finds them the old way too (i or y)", () => {
    expect(full(first("luc sy thanh"))).toBe("Xã Lục Sĩ Thành, Tỉnh Vĩnh Long");
    expect(full(first("Lục Sĩ Thành"))).toBe("Xã Lục Sĩ Thành, Tỉnh Vĩnh Long");
    expect(full(first("alba"))).toBe("Xã Al Bá, Tỉnh Gia Lai");
    expect(full(first("langbiang"))).toBe("Phường Lang Biang - Đà Lạt, Tỉnh Lâm Đồng");
    expect(full(first("nam ban lam ha"))).toBe("Xã Nam Ban Lâm Hà, Tỉnh Lâm Đồng");
  });
});

describe("commune search", () => {
  it("finds Cái Nước (Cà Mau) first however it is typed", () => {
    for (const query of [
      "cai nuoc",
      "Cái Nước",
      "CAI   NUOC ",
      "xa cai nuoc",
      "Xã Cái Nước",
      "x. cai nuoc",
      "xa cai nuoc ca mau",
      "cái nước, cà mau",
      "Cà Mau, xã Cái Nước",
      "cai nuoc tinh ca mau",
      "cai nuoc camau",
      "cai nu",
    ]) {
      expect(full(first(query)), query).toBe("Xã Cái Nước, Tỉnh Cà Mau");
    }
  });

  it("gives the same first result with and without diacritics, for every commune", () => {
    for (const c of units.communes) {
      const typed = `${c.name}, ${c.provinceName}`;
      expect(first(typed), typed).toBe(c);
      // Without diacritics two communes of one province can fold alike (Tân Thành, Tân Thạnh):
      // then either may come first, but it has the same folded name and province.
      const bare = fold(typed);
      const got = first(bare);
      expect(got && [fold(got.name), got.provinceCode], bare).toEqual([fold(c.name), c.provinceCode]);
    }
  });

  it("uses the diacritics a user typed to pick between names that differ only by them", () => {
    expect(first("Tân Thạnh, Đồng Tháp")?.name).toBe("Tân Thạnh");
    expect(first("Tân Thành, Đồng Tháp")?.name).toBe("Tân Thành");
    expect(first("Mỹ Thọ Đồng Tháp")?.name).toBe("Mỹ Thọ");
    expect(first("Mỹ Tho Đồng Tháp")?.name).toBe("Mỹ Tho");
    // Without diacritics both are offered.
    expect(names("tan thanh dong thap").slice(0, 2).sort()).toEqual([
      "Xã Tân Thành, Tỉnh Đồng Tháp",
      "Xã Tân Thạnh, Tỉnh Đồng Tháp",
    ]);
  });

  it("narrows a name found in several provinces to the province typed", () => {
    const everywhere = units.searchScored("tan phu").filter((m) => m.score === 4);
    expect(everywhere.map((m) => m.commune.provinceName).sort()).toEqual(
      ["Đồng Nai", "Đồng Tháp", "Hồ Chí Minh", "Nghệ An", "Tây Ninh", "Vĩnh Long"].sort(),
    );

    const inDongThap = units.search("tan phu dong thap");
    expect(full(inDongThap[0])).toBe("Xã Tân Phú, Tỉnh Đồng Tháp");
    expect(inDongThap.length).toBeGreaterThan(1);
    expect(inDongThap.every((c) => c.provinceName === "Đồng Tháp")).toBe(true);
    expect(inDongThap.filter((c) => fold(c.name) === "tan phu")).toHaveLength(1);

    expect(names("phú mỹ, cà mau")).toEqual(["Xã Phú Mỹ, Tỉnh Cà Mau"]);
    expect(full(first("phu my phu tho"))).toBe("Xã Phú Mỹ, Tỉnh Phú Thọ");
    expect(full(first("tan phu tp hcm"))).toBe("Phường Tân Phú, Thành phố Hồ Chí Minh");
    expect(full(first("tinh vinh long tan phu"))).toBe("Xã Tân Phú, Tỉnh Vĩnh Long");
  });

  it("still finds a name that contains a province's name", () => {
    // "Phú Thọ" is also a province: the whole text read as a name comes first.
    expect(full(first("Phú Thọ Hòa"))).toBe("Phường Phú Thọ Hòa, Thành phố Hồ Chí Minh");
    expect(full(first("bac ninh hoa"))).toBe("Xã Bắc Ninh Hòa, Tỉnh Khánh Hòa");
    expect(names("phu tho").slice(0, 3).sort()).toEqual(
      ["Phường Phú Thọ, Thành phố Hồ Chí Minh", "Phường Phú Thọ, Tỉnh Phú Thọ", "Xã Phú Thọ, Tỉnh Đồng Tháp"].sort(),
    );
    expect(full(first("phu tho phu tho"))).toBe("Phường Phú Thọ, Tỉnh Phú Thọ");
  });

  it("ignores a xã / phường prefix, but prefers the kind of unit it names", () => {
    expect(full(first("phường bà điểm"))).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    // Since 2026 there are two phường Tân Phú (Hồ Chí Minh City, Đồng Nai): both come first.
    for (const query of ["phuong tan phu", "p. tan phu"]) {
      expect(names(query).slice(0, 2).sort(), query).toEqual([
        "Phường Tân Phú, Thành phố Hồ Chí Minh",
        "Phường Tân Phú, Thành phố Đồng Nai",
      ]);
    }
    expect(first("đặc khu côn đảo")?.name).toBe("Côn Đảo");
    // Names that start like a prefix word are still found.
    expect(full(first("phuong liet"))).toBe("Phường Phương Liệt, Thành phố Hà Nội");
    expect(full(first("xa phien"))).toBe("Xã Xà Phiên, Thành phố Cần Thơ");
  });

  it("finds names with đ, apostrophes and numbers", () => {
    expect(full(first("ba diem"))).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    expect(full(first("Bà Điểm"))).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    expect(first("dam rong 1")?.name).toBe("Đam Rông 1");
    expect(first("ea mdroh")?.name).toBe("Ea M’Droh");
    expect(first("Ea M'Droh")?.name).toBe("Ea M’Droh");
    expect(first("cu mgar")?.name).toBe("Cư M’gar");
    expect(full(first("phuong 1 bao loc"))).toBe("Phường 1 Bảo Lộc, Tỉnh Lâm Đồng");
    expect(full(first("p1"))).toBe("Phường 1 Bảo Lộc, Tỉnh Lâm Đồng");
    expect(first("mong cai 2")?.name).toBe("Móng Cái 2");
    expect(first("chan may lang co")?.name).toBe("Chân Mây - Lăng Cô");
  });

  it("ranks an exact name before names that start with it, then words, then substrings", () => {
    const results = units.searchScored("tan phu", 50);
    expect(results.length).toBeGreaterThan(8);
    const scores = results.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(results.find((m) => m.commune.name === "Tân Phú Đông")?.score).toBe(3);
    expect(results.find((m) => m.commune.name === "Tăng Nhơn Phú")?.score).toBe(2);
    expect(units.searchScored("cainuoc")[0]).toMatchObject({ score: 1, commune: { name: "Cái Nước" } });
  });

  it("orders ties by province, then name, the same way every time", () => {
    const tied = units.searchScored("tan phu", 50).filter((m) => m.score === 4);
    const keys = tied.map((m) => fold(m.commune.provinceName));
    expect(keys).toEqual([...keys].sort());
    expect(names("an", 20)).toEqual(names("an", 20));
  });

  it("returns nothing for empty, one-letter or nonsense input", () => {
    for (const query of ["", "   ", "a", "x", "Đ", ".", "qwertyuiop", "zzz zzz", "cai nuoc ha noi"]) {
      expect(units.search(query), query).toEqual([]);
    }
  });

  it("returns at most `limit` results, the same with or without scores", () => {
    expect(units.searchScored("an", 20).map((m) => m.commune)).toEqual(units.search("an", 20));
    expect(units.search("an")).toHaveLength(8);
    expect(units.search("an", 3)).toHaveLength(3);
    expect(units.search("an", 0)).toEqual([]);
  });
});

describe("loading a list", () => {
  const write = (provinces: string, communes: string) => {
    const dir = mkdtempSync(join(tmpdir(), "admin-units-"));
    writeFileSync(join(dir, "provinces.csv"), provinces);
    writeFileSync(join(dir, "communes.csv"), communes);
    return dir;
  };
  const provinces = "code,name,fullName,slug,type,isCentral\r\n01,Hà Nội,Thành phố Hà Nội,ha-noi,city,true\r\n";

  it("reads quoted fields with commas and quotes, CRLF, a BOM, and NFD names", () => {
    const dir = write(
      provinces,
      `\ufeffcode,name,fullName,slug,type,provinceCode\r\n00001,"Ô ""Chợ"" Dừa","Phường Ô ""Chợ"" Dừa, Thành phố Hà Nội",o,ward,01\r\n00002,"${"Mỏ Cày".normalize("NFD")}.",,,xã,01\r\n`,
    );
    const loaded = loadAdminUnits(dir);
    expect(loaded.communes).toEqual<Commune[]>([
      { code: "00001", name: 'Ô "Chợ" Dừa', type: "ward", provinceCode: "01", provinceName: "Hà Nội" },
      { code: "00002", name: "Mỏ Cày", type: "commune", provinceCode: "01", provinceName: "Hà Nội" },
    ]);
    expect(loaded.search("o cho dua ha noi")[0]?.code).toBe("00001");
  });

  it("rejects a shipped file that does not fit, naming the row", () => {
    const header = "code,name,fullName,slug,type,provinceCode\n";
    expect(() => loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,commune,02\n`))).toThrow(
      /row 2.*commune-province/,
    );
    expect(() => loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,village,01\n`))).toThrow(
      /row 2.*commune-type/,
    );
    expect(() => loadAdminUnits(write(provinces, `${header}00001,"A,Xã A,a,commune,01\n`))).toThrow(/commune-csv/);
    expect(() => loadAdminUnits(write(provinces, "code,name\n00001,A\n"))).toThrow(/commune-header/);
    expect(() =>
      loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,commune,01\n00001,B,Xã B,b,commune,01\n`)),
    ).toThrow(/row 3.*commune-duplicate/);
  });

  it("reports every problem of an administrator's file with its line, and accepts Vietnamese kinds", () => {
    const text =
      "code,name,type,provinceCode,replaces\n1234,A,xã,01,\n00002,,phường,01,\n00003,C,thôn,01,\n00004,D,Đặc khu,99,\n00005,E,PHƯỜNG,01,00006;00007\n00005,F,ward,01,\n00008,H,đặc khu,01\n";
    const { rows, problems } = parseCommuneCsv(text, new Set(["01"]));
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, "commune-code"],
      [3, "commune-name"],
      [4, "commune-type"],
      [5, "commune-province"],
      [7, "commune-duplicate"],
    ]);
    expect(rows).toEqual([
      { line: 6, code: "00005", name: "E", type: "ward", provinceCode: "01", replaces: ["00006", "00007"] },
      // A row that stops early (no replaces cell) is fine.
      { line: 8, code: "00008", name: "H", type: "special-zone", provinceCode: "01", replaces: [] },
    ]);
    expect(parseCommuneCsv("name\nA\n", new Set(["01"])).problems).toMatchObject([
      { code: "commune-header", params: { missing: "code, type, provinceCode" } },
    ]);
  });
});
