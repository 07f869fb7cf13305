// Finding the product set from what a producer types.
import { describe, expect, it } from "vitest";
import { productFinder } from "../../src/domain/product-finder.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { loadProductHints, shippedProductFinder } from "../../src/rubric/product-hints.js";

const catalog = loadCatalog().value!;
const sets = catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets));
const hints = loadProductHints();
const finder = shippedProductFinder();
const titles = (text: string) => finder.suggest(text).map((id) => sets.find((s) => s.id === id)!.title);

describe("finding the product set", () => {
  it("answers the producers' own words with the right set first", () => {
    expect(titles("nước mắm")).toEqual(["Tương, nước mắm, gia vị dạng lỏng khác"]);
    expect(titles("mật ong")[0]).toBe("Mật ong, mật khác và nông sản thực phẩm khác");
    expect(titles("homestay")).toEqual(["Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"]);
    expect(titles("trà mãng cầu")).toEqual(["Sản phẩm trà từ thực vật khác", "Rau, củ, quả, hạt tươi"]);
    expect(titles("bưởi")).toEqual([
      "Rau, củ, quả, hạt tươi",
      "Tinh dầu và dược liệu khác",
      "Chế biến từ rau, củ, quả, hạt",
    ]);
  });

  it("understands the common products' English names too", () => {
    expect(titles("honey")[0]).toBe("Mật ong, mật khác và nông sản thực phẩm khác");
    expect(titles("Fish sauce")[0]).toBe("Tương, nước mắm, gia vị dạng lỏng khác");
    expect(titles("robusta coffee")[0]).toBe("Cà phê, cacao");
    expect(titles("herbal tea")[0]).toBe("Sản phẩm trà từ thực vật khác");
    expect(titles("bamboo baskets")[0]).toBe("Thủ công mỹ nghệ");
    expect(titles("honey")).not.toContain("Thủ công mỹ nghệ");
  });

  it("offers the sets of products made from what was typed, closest first: honey, then honey products, then honey wine", () => {
    expect(finder.suggest("mật ong")).toEqual([
      "mat-ong-mat-khac-va-nong-san-thuc-pham-khac",
      "che-bien-tu-thit-thuy-san-trung-sua-mat-ong-va-nong-san-khac",
      "do-uong-co-con-khac",
    ]);
  });

  it("reads a product's full name, brand and place included", () => {
    expect(titles("Mật ong hoa tràm U Minh")).toEqual(["Mật ong, mật khác và nông sản thực phẩm khác"]);
    expect(titles("Khô cá lóc Cà Mau")).toEqual([
      "Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác",
      "Thịt, thủy sản, trứng, sữa tươi",
    ]);
    expect(titles("Gạo ST25 Sóc Trăng")).toEqual(["Gạo, ngũ cốc, hạt sơ chế khác"]);
    expect(titles("Trà xanh Tân Cương")).toEqual(["Chè tươi, chè chế biến"]);
  });

  it("gives the same answer without diacritics, in capitals, in NFD or with extra spaces", () => {
    for (const text of ["nước mắm", "mật ong", "trà mãng cầu", "bưởi", "homestay", "khô cá lóc"]) {
      const expected = finder.suggest(text);
      for (const variant of [text.normalize("NFD"), text.toUpperCase(), `  ${text.replaceAll(" ", "   ")} `]) {
        expect(finder.suggest(variant), variant).toEqual(expected);
      }
    }
    expect(finder.suggest("nuoc mam")).toEqual(finder.suggest("nước mắm"));
    expect(finder.suggest("tra mang cau")).toEqual(finder.suggest("trà mãng cầu"));
  });

  it("uses the diacritics typed: 'trà' is tea, not the tra fish", () => {
    expect(finder.suggest("trà")).not.toContain("thit-thuy-san-trung-sua-tuoi");
    expect(finder.suggest("cá tra")).toEqual(["thit-thuy-san-trung-sua-tuoi"]);
  });

  it("suggests nothing for a brand alone or too little text, and only the allowed sets", () => {
    expect(finder.suggest("Sao Mai")).toEqual([]);
    expect(finder.suggest("m")).toEqual([]);
    expect(finder.suggest("")).toEqual([]);
    expect(finder.suggest("mật ong", 3, new Set(["do-uong-co-con-khac"]))).toEqual(["do-uong-co-con-khac"]);
    expect(finder.suggest("bưởi", 1)).toHaveLength(1);
  });

  it("ranks by how much of the text a set's products cover", () => {
    const toy = productFinder({
      a: ["trà", "x1", "x2", "x3"],
      b: ["mãng cầu", "y1", "y2", "y3"],
      c: ["trà mãng cầu", "z1", "z2", "z3"],
    });
    expect(toy.suggest("trà mãng cầu")).toEqual(["c", "b"]);
    expect(toy.examples("a")).toEqual(["trà", "x1", "x2", "x3"]);
    expect(toy.examples("zz")).toEqual([]);
  });
});

describe("the shipped list of common products (src/data/product-sets.vi.json)", () => {
  it("covers exactly the 26 product sets of Phụ lục I, with at least four products each", () => {
    expect(Object.keys(hints).sort()).toEqual(sets.map((s) => s.id).sort());
    for (const [set, products] of Object.entries(hints)) expect(products.length, set).toBeGreaterThanOrEqual(4);
  });

  it("finds each set first from its examples, and among the first three from any of its products", () => {
    for (const [set, products] of Object.entries(hints)) {
      for (const example of finder.examples(set)) expect(finder.suggest(example)[0], `${set}: ${example}`).toBe(set);
      for (const product of products) expect(finder.suggest(product), `${set}: ${product}`).toContain(set);
    }
  });
});
