// A product's own actions on the web: renaming, moving to another product set after a preview,
// deleting after a confirmation (refused for a filed application, or by someone who may not),
// its rubric version; a double tap on "add" adds one product; another producer's product and
// forged values change nothing.
import { describe, expect, it } from "vitest";
import { products } from "../../src/db/schema.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { databaseRows } from "../helpers/database-rows.js";
import { useWebHarness } from "../helpers/web.js";
import { CAI_NUOC, catalog, HONEY } from "../helpers/world.js";

const h = useWebHarness();

/** A producer's browser on the card of a honey product with three questions answered. */
async function onProductCard(name = "Mật ong hoa tràm") {
  const p = h.w.producer(501, CAI_NUOC);
  const appId = h.w.draft(p, name);
  h.w.answer(appId, p.user.id, 3);
  const productId = loadAssessment(h.db, catalog, appId)!.product.id;
  const b = h.signedIn(p.user.id);
  await b.get(`/products/${productId}`);
  return { p, appId, productId, b };
}

/** A product set of the version in force with a sheet and no cases, other than honey. */
function otherSet() {
  const sheet = catalog.sheets.find(
    (s) => s.version.id === catalog.defaultVersion.id && s.productSet !== HONEY && s.cases.length === 0,
  )!;
  const set = catalog.defaultVersion.taxonomy
    .flatMap((s) => s.groups.flatMap((g) => g.sets))
    .find((s) => s.id === sheet.productSet)!;
  return { sheet, set };
}

describe("a product's actions", () => {
  it("renames a product; an empty name or another product's name is asked again", async () => {
    const { p, productId, b } = await onProductCard();
    h.w.draft(p, "Mắm tôm");
    await b.follow("Đổi tên");
    expect(b.page.text).toContain("Tên mới của sản phẩm “Mật ong hoa tràm” là gì?");
    await b.press("Lưu tên mới", { name: " " });
    expect(b.page.status).toBe(422);
    expect(b.page.text).toContain("Tên sản phẩm cần từ 2 đến 120 ký tự");
    await b.press("Lưu tên mới", { name: "mắm TÔM" });
    expect(b.page.status).toBe(422);
    expect(b.page.text).toContain("Cơ sở đã có sản phẩm tên “mắm TÔM”");
    await b.press("Lưu tên mới", { name: "Mật ong rừng U Minh" });
    expect(b.page.path).toBe(`/products/${productId}?said=renamed`);
    expect(b.page.text).toContain("Đã đổi tên thành “Mật ong rừng U Minh”");
    expect(
      h.db
        .select()
        .from(products)
        .all()
        .find((x) => x.id === productId)?.name,
    ).toBe("Mật ong rừng U Minh");
  });

  it("moves a product to another set after the preview; the set it is in is refused; Keep changes nothing", async () => {
    const { appId, productId, b } = await onProductCard();
    await b.follow("Đổi bộ sản phẩm");
    expect(b.page.text).toContain("Chuyển “Mật ong hoa tràm” (đang ở bộ “Mật ong");
    // The name suggests the set it is already in.
    await b.follow(/^1\. Mật ong/);
    expect(b.page.status).toBe(409);
    expect(b.page.text).toContain("Sản phẩm đã ở bộ");

    const { sheet, set } = otherSet();
    const before = databaseRows(h.db);
    await b.get(`/products/${productId}/move/to?set=${set.number}`);
    expect(b.page.text).toContain(`sang bộ “${sheet.productSetTitle}”`);
    expect(b.page.text).toMatch(/giữ \d+ câu trả lời/);
    await b.follow("Thôi, giữ nguyên");
    expect(b.page.text).toContain("Đã giữ nguyên sản phẩm");
    expect(databaseRows(h.db)).toEqual(before);

    await b.get(`/products/${productId}/move/to?set=${set.number}`);
    await b.press("Chuyển sang bộ này");
    expect(b.page.path).toBe(`/products/${productId}?said=moved`);
    expect(b.page.text).toContain(`Đã chuyển “Mật ong hoa tràm” sang bộ “${sheet.productSetTitle}”`);
    expect(loadAssessment(h.db, catalog, appId)!.sheet.id).toBe(sheet.id);
  });

  it("deletes a product after the confirmation; a second press lands on the same list", async () => {
    const { productId, b } = await onProductCard();
    await b.follow("Xóa sản phẩm");
    expect(b.page.text).toContain("Xóa sản phẩm “Mật ong hoa tràm”?");
    const { form } = b.form("Xóa hẳn");
    const fields = Object.fromEntries(
      form.querySelectorAll("input").map((i) => [i.getAttribute("name")!, i.getAttribute("value")!]),
    );
    await b.post(`/products/${productId}/delete`, fields);
    expect(b.page.path).toMatch(/^\/products\?said=deleted/);
    expect(b.page.text).toContain("Đã xóa sản phẩm “Mật ong hoa tràm”");
    await b.post(`/products/${productId}/delete`, fields);
    expect(b.page.status).toBe(200);
    expect(b.page.text).toContain("Đã xóa sản phẩm “Mật ong hoa tràm”");
    expect(h.db.select().from(products).all()).toEqual([]);
  });

  it("a filed product cannot be renamed, moved or deleted, and says why; a member may not delete the owner's product", async () => {
    const p = h.w.producer(501, CAI_NUOC);
    const filed = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const productId = loadAssessment(h.db, catalog, filed)!.product.id;
    const b = h.signedIn(p.user.id);
    await b.get(`/products/${productId}`);
    expect(b.page.dom.querySelectorAll("a").some((a) => a.textContent.includes("Xóa sản phẩm"))).toBe(false);
    const before = databaseRows(h.db);
    for (const path of ["rename", "move", "delete"]) {
      await b.get(`/products/${productId}/${path}`);
      expect(b.page.status, path).toBe(409);
      expect(b.page.text).toContain("không đổi tên, đổi bộ hay xóa được");
    }
    const csrf = b.csrf();
    await b.post(`/products/${productId}/delete`, { _csrf: csrf });
    expect(b.page.status).toBe(409);
    expect(b.page.text).toContain("không đổi tên, đổi bộ hay xóa được");
    await b.post(`/products/${productId}/rename`, { _csrf: csrf, name: "Tên mới" });
    expect(b.page.status).toBe(409);
    expect(databaseRows(h.db)).toEqual(before);

    const draft = h.w.draft(p, "Mắm tôm");
    const draftProduct = loadAssessment(h.db, catalog, draft)!.product.id;
    const m = h.signedIn(h.w.member(p, 502));
    await m.get(`/products/${draftProduct}/delete`);
    expect(m.page.status).toBe(409);
    expect(m.page.text).toContain("Chỉ chủ cơ sở hoặc người đã thêm sản phẩm mới xóa được");
  });

  it("another producer's product and forged values are 404s that change nothing", async () => {
    const { productId, b } = await onProductCard();
    const other = h.w.producer(777, CAI_NUOC);
    const o = h.signedIn(other.user.id);
    await o.get("/reminders");
    const csrf = o.csrf();
    const before = databaseRows(h.db);
    for (const path of ["", "/rename", "/move", "/delete", `/move/to?set=${otherSet().set.number}`]) {
      await o.get(`/products/${productId}${path}`);
      expect(o.page.status, path).toBe(404);
    }
    await o.post(`/products/${productId}/rename`, { _csrf: csrf, name: "Của tôi" });
    expect(o.page.status).toBe(404);
    await o.post(`/products/${productId}/move`, { _csrf: csrf, set: String(otherSet().set.number) });
    expect(o.page.status).toBe(404);
    await o.post(`/products/${productId}/delete`, { _csrf: csrf });
    expect(o.page.status).toBe(404);
    // Forged values from the producer themself.
    const mine = b.csrf();
    await b.post(`/products/${productId}/move`, { _csrf: mine, set: "99999" });
    expect(b.page.status).toBe(404);
    await b.post("/products/abc/delete", { _csrf: mine });
    expect(b.page.status).toBe(404);
    await b.post(`/a/${productId}9/version`, { _csrf: mine, version: "qd148-2023" });
    expect(b.page.status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("shows the rubric version; a set with an earlier sheet may move to it, and back", async () => {
    const { appId, b } = await onProductCard();
    await b.follow("Bộ tiêu chí");
    expect(b.page.path).toBe(`/a/${appId}/version`);
    expect(b.page.text).toContain("đang chấm theo");
    expect(b.page.text).toContain("chưa có phiếu chấm");

    const p = h.w.producer(502, CAI_NUOC);
    const veg = h.w.draft(p, "Rau muống", "rau-cu-qua-hat-tuoi");
    const v = h.signedIn(p.user.id);
    await v.get(`/a/${veg}/version`);
    await v.press("đổi sang bộ cũ");
    expect(v.page.text).toContain("Đã đổi bộ tiêu chí");
    expect(loadAssessment(h.db, catalog, veg)!.sheet.version.id).toBe("qd148-2023");
    await v.get(`/a/${veg}/version`);
    await v.press("Chấm theo bộ tiêu chí mới");
    expect(loadAssessment(h.db, catalog, veg)!.sheet.version.id).toBe(catalog.defaultVersion.id);
  });
});

describe("double taps", () => {
  it("pressing a set twice before the first answer adds one product, and both presses lead to it", async () => {
    const p = h.w.producer(501, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/products/new");
    await b.press("Tiếp tục", { name: "Mật ong hoa tràm" });
    const { form } = b.form(/^1\. Mật ong/);
    const fields = Object.fromEntries(
      form.querySelectorAll("input").map((i) => [i.getAttribute("name")!, i.getAttribute("value")!]),
    );
    expect(fields.once).toBeTruthy();
    const first = await b.post("/products/add", fields);
    const second = await b.post("/products/add", fields);
    expect(second.path).toBe(first.path);
    expect(h.db.select().from(products).all()).toHaveLength(1);

    // Going through the steps again is a new request: the same name is asked about first, then added.
    await b.get("/products/new");
    await b.press("Tiếp tục", { name: "Mật ong hoa tràm" });
    expect(b.page.text).toContain("Cơ sở đã có sản phẩm");
  });
});
