// One-off conversion of the research files in ../shared/reference/ocop/ into rubrics/ (kept for
// provenance: run `npx tsx scripts/import-reference.ts` to regenerate). Facts (points, markers,
// thresholds, structure) are carried over; help lines, disqualification questions, evidence kinds
// and the local-criterion flags are ours (scripts/reference/criteria-notes.json).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetInput, VersionInput } from "../src/domain/rubric.js";
import { fold } from "../src/text.js";

const REF = process.env.OCOP_REFERENCE ?? join(import.meta.dirname, "../../shared/reference/ocop");
const OUT = join(import.meta.dirname, "../rubrics");

interface RefOption {
  label: string;
  points: number;
  starMarker?: 3 | 4 | 5;
  case?: string;
}
interface RefCriterion {
  id: string;
  group: string;
  parent?: string;
  name: string;
  maxPoints: number;
  note?: string;
  criterionStarMarker?: number;
  options: RefOption[];
}
interface RefSheet {
  productSet?: { stt: number; nganh: string; nhom: string; boSanPham: string };
  disqualification?: string | null;
  discrepancies?: string[] | null;
  parts: { id: string; name: string; maxPoints: number; criteria: RefCriterion[] }[];
}
interface CriterionNotes {
  help: string;
  evidence: string[];
  local: string | null;
  improvable: boolean;
}

const notes: Record<string, CriterionNotes> = JSON.parse(
  readFileSync(join(import.meta.dirname, "reference/criteria-notes.json"), "utf8"),
);

const slug = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Disqualification items, in our words, recognised by keywords of the research text. */
const DISQUALIFICATIONS: { id: string; match: RegExp; requirement: string; help: string }[] = [
  {
    id: "forged",
    match: /giả mạo/i,
    requirement: "Mọi giấy tờ trong hồ sơ đều là thật, không làm giả, không tẩy xóa.",
    help: "Chỉ cần một giấy tờ giả là hồ sơ bị loại ngay.",
  },
  {
    id: "gmp",
    match: /GMP/,
    requirement: "Cơ sở đủ điều kiện sản xuất theo quy định (GMP với thực phẩm bảo vệ sức khỏe, hoặc tương đương).",
    help: "Thiếu giấy chứng nhận đủ điều kiện sản xuất thì hồ sơ bị loại.",
  },
  {
    id: "food-safety-certificate",
    match: /đủ điều kiện (an toàn thực phẩm|ATTP)/i,
    requirement:
      "Cơ sở có giấy chứng nhận đủ điều kiện an toàn thực phẩm (hoặc giấy tương đương) còn hạn và đúng quy định.",
    help: "Không có giấy này, hoặc giấy không đúng với sản phẩm, thì hồ sơ bị loại.",
  },
  {
    id: "production-licence",
    match: /giấy phép sản xuất/i,
    requirement: "Cơ sở có giấy phép sản xuất theo quy định (ví dụ giấy phép sản xuất rượu, đồ uống).",
    help: "Sản phẩm bắt buộc có giấy phép mà chưa có thì hồ sơ bị loại.",
  },
  {
    id: "health-ministry-conditions",
    match: /Bộ Y tế/i,
    requirement: "Cơ sở đủ điều kiện bắt buộc để sản xuất theo quy định của Bộ Y tế.",
    help: "Mỹ phẩm phải đáp ứng điều kiện sản xuất của Bộ Y tế; thiếu thì hồ sơ bị loại.",
  },
  {
    id: "sector-conditions",
    match: /quản lý chuyên ngành;/i,
    requirement: "Cơ sở đủ điều kiện bắt buộc để sản xuất theo quy định của ngành.",
    help: "Thiếu điều kiện sản xuất bắt buộc của ngành thì hồ sơ bị loại.",
  },
  {
    id: "product-declaration",
    match: /bản công bố sản phẩm/i,
    requirement: "Sản phẩm đã có bản công bố sản phẩm (hoặc giấy tương đương) theo quy định.",
    help: "Chưa có bản công bố sản phẩm thì hồ sơ bị loại.",
  },
  {
    id: "declaration-labelling",
    match: /(công bố chất lượng, ghi nhãn|tự công bố.*ghi nhãn)/i,
    requirement: "Bản công bố, nhãn hàng hóa (và quảng cáo, nếu có) của sản phẩm đúng quy định.",
    help: "Nhãn hoặc bản công bố sai quy định thì hồ sơ bị loại.",
  },
  {
    id: "food-safety-test",
    match: /phiếu kiểm nghiệm/i,
    requirement: "Có phiếu kiểm nghiệm các chỉ tiêu an toàn thực phẩm của sản phẩm.",
    help: "Không có phiếu kiểm nghiệm an toàn thực phẩm thì hồ sơ bị loại.",
  },
  {
    id: "dossier-valid",
    match: /(hồ sơ đăng ký không đạt|hồ sơ dự thi)/i,
    requirement: "Hồ sơ đăng ký làm đủ và đúng theo quy định.",
    help: "Hồ sơ thiếu hoặc sai mẫu quy định thì bị loại; cán bộ xã sẽ hướng dẫn bổ sung.",
  },
];

/** Criterion notes that stop the scoring, as disqualification items. */
const STOPS: { id: string; match: RegExp; requirement: string; help: string }[] = [
  {
    id: "raw-material-origin",
    match: /nguyên liệu nhập khẩu hoặc không rõ nguồn gốc/i,
    requirement: "Nguyên liệu có nguồn gốc rõ ràng, không phải toàn bộ là hàng nhập khẩu.",
    help: "Nếu toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc, sản phẩm bị loại.",
  },
  {
    id: "not-a-copy",
    match: /giống hệt/i,
    requirement: "Sản phẩm không phải là hàng của nhà khác chỉ đổi tên sản phẩm hoặc tên nhà sản xuất.",
    help: "Sản phẩm giống hệt hàng của cơ sở khác thì bị loại.",
  },
  {
    id: "no-ip-infringement",
    match: /vi phạm sở hữu trí tuệ/i,
    requirement: "Sản phẩm không vi phạm quyền sở hữu trí tuệ của người khác (nhãn hiệu, kiểu dáng, mẫu mã).",
    help: "Sản phẩm nhái nhãn hiệu hay mẫu mã của người khác thì bị loại.",
  },
  {
    id: "no-foreign-matter",
    match: /tạp chất/i,
    requirement: "Sản phẩm không có tạp chất gây mất an toàn (lông, côn trùng, đất cát, mẩu gỗ, nhựa, mốc…).",
    help: "Có tạp chất nguy hiểm thì hội đồng dừng chấm, sản phẩm bị loại.",
  },
  {
    id: "food-safety-certificate",
    match: /giấy chứng nhận đủ điều kiện ATTP/i,
    requirement:
      "Cơ sở có giấy chứng nhận đủ điều kiện an toàn thực phẩm (hoặc giấy tương đương) còn hạn và đúng quy định.",
    help: "Không có giấy này, hoặc giấy không đúng với sản phẩm, thì hồ sơ bị loại.",
  },
  {
    id: "product-declaration",
    match: /Phiếu công bố sản phẩm/i,
    requirement: "Sản phẩm đã có bản công bố sản phẩm (hoặc giấy tương đương) theo quy định.",
    help: "Chưa có bản công bố sản phẩm thì hồ sơ bị loại.",
  },
];

// The tourism sheet's two cases, asked once, in words that fit every criterion that has them: the
// sheet calls case 2 "điểm dịch vụ du lịch" in C8 and "do tổ chức, cá nhân cung cấp" in C9 and C15.
const CASES = [
  { id: "1", title: "Dịch vụ du lịch do cộng đồng cung cấp (nhiều hộ, nhiều cơ sở cùng làm)" },
  { id: "2", title: "Điểm dịch vụ du lịch do một tổ chức hoặc cá nhân cung cấp" },
];

function parseHeading(heading: string): { number: string; title: string; max?: number } {
  const m = /^(\d+(?:\.\d+)*)\.?\s+(.*?)\s*(?:\((\d+)\))?$/.exec(heading.trim());
  if (!m) throw new Error(`cannot parse heading: ${heading}`);
  return { number: m[1]!, title: m[2]!, ...(m[3] ? { max: Number(m[3]) } : {}) };
}

function convertSheet(ref: RefSheet, productSet: string, source: string): SheetInput {
  const corrections = [...(ref.discrepancies ?? [])];
  const disqualification: NonNullable<SheetInput["disqualification"]> = [];
  for (const d of DISQUALIFICATIONS) {
    if (ref.disqualification && d.match.test(ref.disqualification)) {
      disqualification.push({ id: d.id, requirement: d.requirement, help: d.help });
    }
  }
  const hasCases = ref.parts.some((p) => p.criteria.some((c) => c.options.some((o) => o.case)));

  const parts: SheetInput["parts"] = ref.parts.map((part) => {
    const groups = new Map<string, NonNullable<SheetInput["parts"][number]["groups"]>[number]>();
    const criteria = part.criteria;
    for (const c of criteria) {
      const info = notes[c.name];
      if (!info) throw new Error(`no notes for criterion "${c.name}"`);
      let note = c.note;
      let stopIfZero = false;
      if (note && /0 điểm.*dừng/i.test(note)) {
        stopIfZero = true;
        note = undefined;
      } else if (
        note &&
        /(Bị loại nếu|dừng, không chấm|không chấm các chỉ tiêu khác|Không xét các chỉ tiêu khác|Không chấm tiếp nếu)/i.test(
          note,
        )
      ) {
        const stop = STOPS.find((s) => s.match.test(note!));
        if (!stop) throw new Error(`unrecognised stop note in ${c.id}: ${note}`);
        const existing = disqualification.find((d) => d.id === stop.id);
        if (existing) existing.criterion ??= c.id;
        else disqualification.push({ id: stop.id, requirement: stop.requirement, help: stop.help, criterion: c.id });
        // Keep what follows the stop sentence (e.g. "…; Xét chất lượng: …") as the note.
        note = note.split(";").slice(1).join(";").trim() || undefined;
      } else if (note && /(suy ra|bản trích xuất|bản chép)/i.test(note)) {
        corrections.push(`${c.id}: ${note}`);
        note = undefined;
      } else if (note && hasCases && /trường hợp/i.test(note)) {
        // The case is asked once for the whole sheet; the note keeps this criterion's own words for it.
        const words = [
          ...new Set(c.options.flatMap((o) => (o.case ? [o.case.replace(/^Trường hợp \d+:\s*/, "")] : []))),
        ];
        note = `Ở tiêu chí này, phiếu chia hai trường hợp: ${words.map((w, i) => `(${i + 1}) ${w}`).join("; ")}. Bot hỏi theo trường hợp bạn đã chọn.`;
      }

      const letters = "abcdefghijklmnopqrstuvwxyz";
      const criterion = {
        id: c.id,
        title: c.name,
        help: info.help,
        maxPoints: c.maxPoints,
        ...(note ? { note } : {}),
        evidence: info.evidence as never,
        ...(info.local ? { local: info.local as never } : {}),
        ...(info.improvable ? {} : { improvable: false }),
        ...(stopIfZero ? { stopIfZero: true } : {}),
        options: c.options.map((o, i) => ({
          id: letters[i]!,
          label: o.label,
          points: o.points,
          ...((o.starMarker ?? c.criterionStarMarker)
            ? { marker: (o.starMarker ?? c.criterionStarMarker) as 3 | 4 | 5 }
            : {}),
          ...(o.case ? { case: /Trường hợp 1/.test(o.case) ? "1" : "2" } : {}),
        })),
      };

      const g = parseHeading(c.group);
      const groupId = `${part.id}${g.number}`;
      let group = groups.get(groupId);
      if (!group) {
        group = { id: groupId, title: g.title, maxPoints: g.max ?? 0, criteria: [], subgroups: [] };
        groups.set(groupId, group);
      }
      if (c.parent) {
        const s = parseHeading(c.parent);
        const subId = `${part.id}${s.number}`;
        let sub = group.subgroups!.find((x) => x.id === subId);
        if (!sub) {
          sub = { id: subId, title: s.title, maxPoints: s.max ?? 0, criteria: [] };
          group.subgroups!.push(sub);
        }
        sub.criteria.push(criterion);
      } else {
        group.criteria!.push(criterion);
      }
    }
    for (const g of groups.values()) {
      // Decision 1048's headings carry no points: the group's maximum is its criteria's sum.
      if (!g.maxPoints) g.maxPoints = [...g.criteria!, ...g.subgroups!].reduce((s, x) => s + x.maxPoints, 0);
    }
    return { part: part.id, groups: [...groups.values()] };
  });

  // Stops from 0-point notes apply to the sensory group's criteria up to the note ("ở trên").
  for (const part of parts) {
    for (const g of part.groups) {
      const list = g.criteria ?? [];
      const idx = list.findIndex((c) => c.stopIfZero);
      if (
        idx > 0 &&
        ref.parts.some((p) => p.criteria.some((c) => c.id === list[idx]!.id && /ở trên/.test(c.note ?? "")))
      ) {
        for (let i = 0; i < idx; i++) list[i]!.stopIfZero = true;
      }
    }
  }

  return {
    productSet,
    source,
    corrections,
    ...(hasCases ? { cases: CASES } : {}),
    disqualification,
    parts,
  };
}

const TIER_MEANINGS: Record<number, string> = {
  5: "Sản phẩm đặc trưng, chất lượng cao, đủ sức xuất khẩu.",
  4: "Sản phẩm đặc trưng, chất lượng tốt, bán ổn định; có thể phấn đấu lên 5 sao.",
  3: "Sản phẩm có nét riêng, sản xuất và bán hàng ổn định; có thể phấn đấu lên 4 sao.",
  2: "Sản phẩm bước đầu có chất lượng, cần nâng cấp thêm. Chưa được công nhận OCOP.",
  1: "Sản phẩm ở bước đầu, chưa thành hàng hóa ổn định. Chưa được công nhận OCOP.",
};

function tiers(recognisedBy: Record<number, string>): VersionInput["tiers"] {
  const bounds: [number, number, number][] = [
    [1, 0, 30],
    [2, 30, 50],
    [3, 50, 70],
    [4, 70, 90],
    [5, 90, 100],
  ];
  return bounds.map(([stars, min, max]) => ({
    stars,
    min,
    max,
    recognised: stars >= 3,
    ...(recognisedBy[stars] ? { recognisedBy: recognisedBy[stars] } : {}),
    meaning: TIER_MEANINGS[stars]!,
  }));
}

/** Every version offers "none of these" where a criterion's lowest option scores above 0 (withNoneOption). */
const NONE_OPTION = { label: "Chưa đạt mức nào (không phải phương án của phiếu)" };

const PARTS = (a: number, b: number, c: number): VersionInput["parts"] => [
  { id: "A", title: "Sản phẩm và sức mạnh cộng đồng", maxPoints: a },
  { id: "B", title: "Khả năng tiếp thị", maxPoints: b },
  { id: "C", title: "Chất lượng sản phẩm", maxPoints: c },
];

function writeJson(path: string, data: unknown) {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * Group titles as Decision 26/2026, Phụ lục I writes them, where the reference index differs:
 * sets 7 and 8 are sub-groups c and d of "Thực phẩm chế biến" (the index calls their group
 * "Nông sản chế biến", which Phụ lục I does not have). The group ids stay as they were.
 */
const PHU_LUC_I_GROUPS: Record<string, { id: string; title: string }> = {
  "Nông sản chế biến": { id: "thuc-pham-che-bien", title: "Thực phẩm chế biến" },
  "Cà phê, Ca cao": { id: "ca-phe-ca-cao", title: "Cà phê, ca cao" },
  "Thực phẩm chức năng, thuốc từ dược liệu, thuốc cổ truyền": {
    id: "thuc-pham-chuc-nang-thuoc-tu-duoc-lieu-thuoc-co-truyen",
    title: "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền",
  },
  "Mỹ phẩm": { id: "my-pham", title: "Mỹ phẩm có thành phần từ dược liệu" },
  "Dược liệu khác": { id: "duoc-lieu-khac", title: "Tinh dầu và dược liệu khác" },
};

function taxonomyOf(sets: { stt: number; nganh: string; nhom: string; boSanPham: string; id: string }[]) {
  const sectors: VersionInput["taxonomy"] = [];
  for (const s of sets) {
    let sector = sectors.find((x) => x.title === s.nganh);
    if (!sector) {
      sector = { id: slug(s.nganh), title: s.nganh, groups: [] };
      sectors.push(sector);
    }
    const { id, title } = PHU_LUC_I_GROUPS[s.nhom] ?? { id: slug(s.nhom), title: s.nhom };
    let group = sector.groups.find((x) => x.id === id);
    if (!group) {
      group = { id, title, sets: [] };
      sector.groups.push(group);
    }
    group.sets.push({ id: s.id, number: s.stt, title: s.boSanPham });
  }
  return sectors;
}

// Decision 26/2026: all 26 sheets.
const index = JSON.parse(readFileSync(join(REF, "qd26-2026-index.json"), "utf8")) as {
  sets: { stt: number; file: string; boSanPham: string; nganh: string; nhom: string }[];
};
const qd26Sets = index.sets.map((s) => ({ ...s, id: s.file.replace(/^qd26-2026-\d+-|\.json$/g, "") }));
writeJson(join(OUT, "qd26-2026/version.json"), {
  id: "qd26-2026",
  title: "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026)",
  legalSource: "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ, Phụ lục II",
  effectiveFrom: "2026-05-22",
  isDefault: true,
  confidence: {
    level: "secondary",
    note: "Chép từ bản toàn văn của bên thứ ba, chưa đối chiếu với văn bản có chữ ký. Các lỗi đánh máy đã sửa ghi ở mục corrections của từng phiếu.",
  },
  markerRule: "minimum",
  noneOption: NONE_OPTION,
  parts: PARTS(40, 25, 35),
  tiers: tiers({ 3: "UBND cấp tỉnh", 4: "UBND cấp tỉnh", 5: "Bộ Nông nghiệp và Môi trường" }),
  taxonomy: taxonomyOf(qd26Sets),
} satisfies VersionInput);
for (const s of qd26Sets) {
  const ref = JSON.parse(readFileSync(join(REF, s.file), "utf8")) as RefSheet;
  const source = `QĐ 26/2026/QĐ-TTg, Phụ lục II, bộ số ${s.stt} "${s.boSanPham}"; chép từ bản toàn văn (tệp tham chiếu ${s.file}).`;
  writeJson(join(OUT, `qd26-2026/sheets/${s.id}.json`), convertSheet(ref, s.id, source));
}

// Decision 148/2023: the one sheet found, for applications filed before 22 May 2026.
const ref148 = JSON.parse(readFileSync(join(REF, "qd148-rau-cu-qua-hat-tuoi.provisional.json"), "utf8")) as RefSheet;
writeJson(join(OUT, "qd148-2023/version.json"), {
  id: "qd148-2023",
  title: "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 148/2023)",
  legalSource:
    "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, Phụ lục III (sửa đổi bởi QĐ 1489/QĐ-TTg năm 2025)",
  effectiveFrom: "2023-02-24",
  effectiveTo: "2026-05-21",
  confidence: {
    level: "provisional",
    note: "Chép từ phiếu chấm của một ứng dụng chấm điểm (dữ liệu thử, 2024), khớp với các dòng đầu của phiếu đăng trên cổng OCOP Bến Tre; chưa đối chiếu Phụ lục III gốc. Chỉ dùng cho hồ sơ nộp trước 22/5/2026.",
  },
  markerRule: "warning",
  noneOption: NONE_OPTION,
  parts: PARTS(40, 25, 35),
  tiers: tiers({
    3: "UBND cấp huyện (từ 06/7/2025: UBND cấp tỉnh)",
    4: "UBND cấp tỉnh",
    5: "Bộ Nông nghiệp và Phát triển nông thôn (nay là Bộ Nông nghiệp và Môi trường)",
  }),
  taxonomy: taxonomyOf([
    {
      stt: 1,
      nganh: "Thực phẩm",
      nhom: "Thực phẩm tươi sống",
      boSanPham: "Rau, củ, quả, hạt tươi",
      id: "rau-cu-qua-hat-tuoi",
    },
  ]),
} satisfies VersionInput);
writeJson(
  join(OUT, "qd148-2023/sheets/rau-cu-qua-hat-tuoi.json"),
  convertSheet(
    ref148,
    "rau-cu-qua-hat-tuoi",
    'QĐ 148/QĐ-TTg, Phụ lục III, bộ "Rau, củ, quả, hạt tươi" (tên bộ suy ra từ các chỉ tiêu cảm quan); tệp tham chiếu qd148-rau-cu-qua-hat-tuoi.provisional.json.',
  ),
);

// Decision 1048/2019: set 7, history only.
const ref1048 = JSON.parse(readFileSync(join(REF, "qd1048-bo7-che-bien-rau-cu-qua-hat.json"), "utf8")) as RefSheet;
writeJson(join(OUT, "qd1048-2019/version.json"), {
  id: "qd1048-2019",
  title: "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 1048/2019)",
  legalSource: "Quyết định số 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ, Phụ lục III",
  effectiveFrom: "2019-08-21",
  effectiveTo: "2023-02-23",
  confidence: {
    level: "verified",
    note: "Trích từ bản Word của văn bản gốc. Riêng dòng 3 điểm của tiêu chí 3.1 bị mất khi trích và được điền theo 24 bộ khác của cùng quyết định.",
  },
  markerRule: "warning",
  noneOption: NONE_OPTION,
  parts: PARTS(35, 25, 40),
  tiers: tiers({ 3: "UBND cấp tỉnh", 4: "UBND cấp tỉnh", 5: "Bộ Nông nghiệp và Phát triển nông thôn" }),
  taxonomy: taxonomyOf([
    {
      stt: 7,
      nganh: "Thực phẩm",
      nhom: "Thực phẩm chế biến",
      boSanPham: "Chế biến từ rau, củ, quả, hạt",
      id: "che-bien-tu-rau-cu-qua-hat",
    },
  ]),
} satisfies VersionInput);
writeJson(
  join(OUT, "qd1048-2019/sheets/che-bien-tu-rau-cu-qua-hat.json"),
  convertSheet(
    ref1048,
    "che-bien-tu-rau-cu-qua-hat",
    'QĐ 1048/QĐ-TTg, Phụ lục III, bộ số 7 "Chế biến từ rau, củ, quả, hạt"; tệp tham chiếu qd1048-bo7-che-bien-rau-cu-qua-hat.json.',
  ),
);
console.log(`wrote ${qd26Sets.length + 2} sheets to ${OUT}`);
