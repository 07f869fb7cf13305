// The shipped 2025 administrative units and the commune search a user types into.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adminUnits, loadAdminUnits, parseCsv, type Commune } from "../../src/geo/communes.js";
import { fold } from "../../src/text.js";

const units = adminUnits();
const names = (query: string, limit?: number) => units.search(query, limit).map((c) => c.fullName);
const first = (query: string) => units.search(query)[0];

describe("shipped administrative units", () => {
  it("has the 34 provinces and 3,320 communes of the data set, each in a known province", () => {
    expect(units.provinces).toHaveLength(34);
    // The data set's notes say 3,319; the file has 3,320 rows (2,620 xã + 13 đặc khu, 687 phường).
    expect(units.communes).toHaveLength(3320);
    expect(units.communes.filter((c) => c.type === "ward")).toHaveLength(687);
    expect(units.communes.filter((c) => c.type === "commune")).toHaveLength(2633);
    for (const c of units.communes) {
      const province = units.province(c.provinceCode);
      expect(province, c.fullName).toBeDefined();
      expect(c.provinceName).toBe(province!.name);
      expect(c.fullName.endsWith(`, ${province!.fullName}`), c.fullName).toBe(true);
    }
    expect(new Set(units.communes.map((c) => c.code)).size).toBe(units.communes.length);
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
      expect(c.fullName).not.toMatch(/\.,/);
    }
    expect(first("nam dong ha")?.fullName).toBe("Phường Nam Đông Hà, Tỉnh Quảng Trị");
  });

  it("loads once per process", () => {
    expect(adminUnits()).toBe(units);
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
      expect(first(query)?.fullName, query).toBe("Xã Cái Nước, Tỉnh Cà Mau");
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
    expect(inDongThap[0]?.fullName).toBe("Xã Tân Phú, Tỉnh Đồng Tháp");
    expect(inDongThap.length).toBeGreaterThan(1);
    expect(inDongThap.every((c) => c.provinceName === "Đồng Tháp")).toBe(true);
    expect(inDongThap.filter((c) => fold(c.name) === "tan phu")).toHaveLength(1);

    expect(names("phú mỹ, cà mau")).toEqual(["Xã Phú Mỹ, Tỉnh Cà Mau"]);
    expect(first("phu my phu tho")?.fullName).toBe("Xã Phú Mỹ, Tỉnh Phú Thọ");
    expect(first("tan phu tp hcm")?.fullName).toBe("Phường Tân Phú, Thành phố Hồ Chí Minh");
    expect(first("tinh vinh long tan phu")?.fullName).toBe("Xã Tân Phú, Tỉnh Vĩnh Long");
  });

  it("still finds a name that contains a province's name", () => {
    // "Phú Thọ" is also a province: the whole text read as a name comes first.
    expect(first("Phú Thọ Hòa")?.fullName).toBe("Phường Phú Thọ Hòa, Thành phố Hồ Chí Minh");
    expect(first("bac ninh hoa")?.fullName).toBe("Xã Bắc Ninh Hòa, Tỉnh Khánh Hòa");
    expect(names("phu tho").slice(0, 3).sort()).toEqual(
      [
        "Phường Phú Thọ, Thành phố Hồ Chí Minh",
        "Phường Phú Thọ, Tỉnh Phú Thọ",
        "Xã Phú Thọ, Tỉnh Đồng Tháp",
      ].sort(),
    );
    expect(first("phu tho phu tho")?.fullName).toBe("Phường Phú Thọ, Tỉnh Phú Thọ");
  });

  it("ignores a xã / phường prefix, but prefers the kind of unit it names", () => {
    expect(first("phường bà điểm")?.fullName).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    expect(first("phuong tan phu")?.fullName).toBe("Phường Tân Phú, Thành phố Hồ Chí Minh");
    expect(first("p. tan phu")?.fullName).toBe("Phường Tân Phú, Thành phố Hồ Chí Minh");
    expect(first("đặc khu côn đảo")?.name).toBe("Côn Đảo");
    // Names that start like a prefix word are still found.
    expect(first("phuong liet")?.fullName).toBe("Phường Phương Liệt, Thành phố Hà Nội");
    expect(first("xa phien")?.fullName).toBe("Xã Xà Phiên, Thành phố Cần Thơ");
  });

  it("finds names with đ, apostrophes and numbers", () => {
    expect(first("ba diem")?.fullName).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    expect(first("Bà Điểm")?.fullName).toBe("Xã Bà Điểm, Thành phố Hồ Chí Minh");
    expect(first("dam rong 1")?.name).toBe("Đam Rông 1");
    expect(first("ea mdroh")?.name).toBe("Ea M’Droh");
    expect(first("Ea M'Droh")?.name).toBe("Ea M’Droh");
    expect(first("cu mgar")?.name).toBe("Cư M’gar");
    expect(first("phuong 1 bao loc")?.fullName).toBe("Phường 1 Bảo Lộc, Tỉnh Lâm Đồng");
    expect(first("p1")?.fullName).toBe("Phường 1 Bảo Lộc, Tỉnh Lâm Đồng");
    expect(first("mong cai 2")?.name).toBe("Móng Cái 2");
    expect(first("chan may lang co")?.name).toBe("Chân Mây – Lăng Cô");
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

  it("reads quoted fields with commas and quotes, CRLF and a BOM", () => {
    const dir = write(
      provinces,
      '\ufeffcode,name,fullName,slug,type,provinceCode\r\n00001,"Ô ""Chợ"" Dừa","Phường Ô ""Chợ"" Dừa, Thành phố Hà Nội",o,ward,01\r\n',
    );
    const loaded = loadAdminUnits(dir);
    expect(loaded.communes).toEqual<Commune[]>([
      {
        code: "00001",
        name: 'Ô "Chợ" Dừa',
        fullName: 'Phường Ô "Chợ" Dừa, Thành phố Hà Nội',
        type: "ward",
        provinceCode: "01",
        provinceName: "Hà Nội",
      },
    ]);
    expect(loaded.search("o cho dua ha noi")[0]?.code).toBe("00001");
  });

  it("rejects rows that do not fit, naming the row", () => {
    const header = "code,name,fullName,slug,type,provinceCode\n";
    expect(() => loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,commune,02\n`))).toThrow(/row 2.*province code 02/);
    expect(() => loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,village,01\n`))).toThrow(/row 2/);
    expect(() => loadAdminUnits(write(provinces, `${header}00001,"A,Xã A,a,commune,01\n`))).toThrow(/unterminated/);
    expect(() => loadAdminUnits(write(provinces, "code,name\n00001,A\n"))).toThrow(/header/);
    expect(() =>
      loadAdminUnits(write(provinces, `${header}00001,A,Xã A,a,commune,01\n00001,B,Xã B,b,commune,01\n`)),
    ).toThrow(/row 3.*duplicate/);
  });

  it("parses CSV per RFC 4180", () => {
    expect(parseCsv('a,"b,c","d""e"\n\n"multi\nline",,x')).toEqual([
      ["a", "b,c", 'd"e'],
      ["multi\nline", "", "x"],
    ]);
  });
});
