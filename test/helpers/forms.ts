// The dossier forms' test data: a realistic application (honey from Cái Nước, Cà Mau) with
// everything filled in, and one where the producer skipped every optional question.
import type { Sheet } from "../../src/domain/rubric.js";
import type { FormsInput } from "../../src/forms/index.js";
import { loadCatalog } from "../../src/rubric/catalog.js";

const catalog = loadCatalog().value!;
export const honey: Sheet = catalog.sheetFor("qd26-2026", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac")!;

export const answers: Record<string, string> = {
  "A1.1": "c",
  "A1.2": "b",
  "A1.3": "b",
  "A1.4": "b",
  "A1.5": "c",
  "A1.6": "a",
  "A1.7": "b",
  "A2.1": "c",
  "A2.2": "c",
  "A2.3": "c",
  "A2.4": "a",
  "A3.1": "a",
  "A3.2": "b",
  "A3.3": "c",
  "A3.4": "b",
  "A3.5": "b",
  "B4.1": "c",
  "B4.2": "b",
  "B4.3": "c",
  "B5.1": "e",
  "B5.2": "c",
  "B5.3": "c",
  "C6.1": "c",
  "C6.2": "c",
  "C6.3": "c",
  "C6.4": "d",
  C7: "b",
  C8: "c",
  C9: "b",
  C10: "b",
  C11: "b",
  C12: "a",
};

export const full: FormsInput = {
  province: { name: "Cà Mau" },
  commune: { name: "Cái Nước", type: "commune", province: { name: "Cà Mau" } },
  year: 2026,
  organisation: {
    name: "Hộ kinh doanh Nguyễn Thị Lan",
    typeLabel: "Hộ sản xuất có đăng ký kinh doanh",
    address: "Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
    phone: "0912 345 678",
    email: "matongtramlan@gmail.com",
    representative: {
      fullName: "Nguyễn Thị Lan",
      position: "Chủ hộ kinh doanh",
      gender: "female",
      ethnicity: "Kinh",
      permanentAddress: "Ấp Tân Bình, xã Cái Nước, tỉnh Cà Mau",
    },
    foundedOn: "2018-03-12",
    registrationNumber: "61K8003456",
    history: "2015: gác kèo ong trong rừng tràm của gia đình.\n2018: đăng ký hộ kinh doanh, đóng chai mật ong.",
    structure: "Chủ hộ quản lý chung; 6 lao động gác kèo, lọc và đóng chai.",
  },
  product: { name: "Mật ong hoa tràm", description: "Chai thủy tinh 500 ml; hũ 250 ml", standard: "TCVN 12605:2019" },
  registrationKind: "upgrade",
  samples: "05",
  legal: { businessRegistration: true, qualityDeclared: true, foodSafetyCertificate: true, trademark: true },
  business: {
    rawMaterialArea: "120 ha rừng tràm của 15 hộ liên kết ở xã Cái Nước.",
    technology: "Máy lọc và máy hạ thủy phần chân không.",
    packaging: "Chai thủy tinh, tem truy xuất nguồn gốc.",
    markets: "Cửa hàng đặc sản ở Cà Mau, Cần Thơ và TP Hồ Chí Minh.",
    revenue: "1,2 tỷ đồng (năm 2025)",
    profit: "310 triệu đồng (năm 2025)",
  },
  assessment: {
    sheet: honey,
    answers,
    clearances: Object.fromEntries(honey.disqualification.map((d) => [d.id, true])),
    descriptions: {
      "A1.1": "Toàn bộ mật ong lấy từ kèo ong trong rừng tràm trên địa bàn xã Cái Nước.",
      "A3.3": "6/7 lao động thường trú tại xã Cái Nước.",
      "B5.3": "Nghề gác kèo ong truyền thống của vùng rừng tràm U Minh.",
    },
    evidence: {
      "A1.1": [{ fileName: "hop-dong-lien-ket-15-ho.pdf", kind: "raw-material" }],
      "A3.3": [{ fileName: "danh-sach-lao-dong.xlsx" }],
      "A3.5": [{ fileName: "giay-chung-nhan-nhan-hieu.pdf", kind: "intellectual-property" }],
      "B5.1": [{ media: "photo" }],
    },
  },
  plan: "Năm 2027 mở thêm kênh bán trên sàn thương mại điện tử và xây dựng xưởng đóng chai đạt chuẩn HACCP.",
  communeEvaluation: {
    origin: { optionId: "c", comment: "Đã kiểm tra thực tế: các kèo ong nằm trong rừng tràm của xã." },
    labour: { optionLabel: "Từ 75% lao động trở lên là người trên địa bàn cấp xã" },
    idea: { comment: "Sản phẩm truyền thống của địa phương." },
  },
  communeSigner: { fullName: "Trần Văn Minh", position: "Chủ tịch" },
  dates: { "mau-01": "2026-06-05", "mau-02": "2026-06-05", "mau-03": new Date("2026-02-03T10:00:00+07:00") },
};

export const minimal: FormsInput = { assessment: { sheet: honey, answers: {} } };
