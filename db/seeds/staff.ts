import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import type { SeedOptions } from "../seed";

/** Demo staff TOTP secret (base32 of "talent-taiwan-demo!!"), documented in the README: demo only, never in production. */
export const DEMO_TOTP_SECRET = "ORQWYZLOOQWXIYLJO5QW4LLEMVWW6IJB";
/** scrypt hash of the demo password `demo-password-123` (README "Demo accounts"). */
const DEMO_PASSWORD_HASH = "scrypt$32768$8$1$HY3Ht4MWZApGJMnq4DFkTA$IItN6taEG-J6JbKA-1NI2LHYKoWTHPHOw7a10I1tMRc";

const STAFF = [
  { email: "consultant@demo.test", name: "Consultant Demo", role: "consultant", office: "taipei" },
  { email: "consultant2@demo.test", name: "Second Consultant", role: "consultant", office: "taipei" },
  { email: "admin@demo.test", name: "Supervisor Demo", role: "supervisor", office: "taipei" },
  { email: "editor@demo.test", name: "Directory Editor", role: "consultant", office: "taipei" },
  { email: "auditor@demo.test", name: "Audit Demo", role: "supervisor", office: "taipei" },
] as const;

const CANNED = [
  {
    lang: "en",
    title: "Documents received",
    body: "Thank you. We have received your documents and will review them within our response time.",
  },
  {
    lang: "en",
    title: "Passport copy needed",
    body: "Please upload a clear scan of your passport's photo page so we can continue.",
  },
  { lang: "zh-TW", title: "已收到文件", body: "謝謝您，我們已收到您的文件，將於回覆時限內完成審閱。" },
  { lang: "zh-TW", title: "需要護照影本", body: "請上傳清晰的護照資料頁掃描檔，以便我們繼續處理。" },
  {
    lang: "ja",
    title: "書類を受け取りました",
    body: "ありがとうございます。書類を受け取りました。回答期限内に確認いたします。",
  },
  {
    lang: "ja",
    title: "パスポートの写しが必要です",
    body: "手続きを進めるため、パスポートの顔写真ページを鮮明にスキャンしてアップロードしてください。",
  },
  {
    lang: "ko",
    title: "서류를 받았습니다",
    body: "감사합니다. 보내 주신 서류를 받았으며 답변 기한 내에 검토하겠습니다.",
  },
  { lang: "ko", title: "여권 사본이 필요합니다", body: "진행을 위해 여권 사진면을 선명하게 스캔하여 업로드해 주세요." },
  {
    lang: "vi",
    title: "Đã nhận hồ sơ",
    body: "Cảm ơn bạn. Chúng tôi đã nhận được hồ sơ và sẽ xem xét trong thời hạn phản hồi.",
  },
  {
    lang: "vi",
    title: "Cần bản sao hộ chiếu",
    body: "Vui lòng tải lên bản quét rõ nét trang ảnh của hộ chiếu để chúng tôi tiếp tục xử lý.",
  },
  {
    lang: "id",
    title: "Dokumen sudah diterima",
    body: "Terima kasih. Kami sudah menerima dokumen Anda dan akan memeriksanya dalam batas waktu tanggapan kami.",
  },
  {
    lang: "id",
    title: "Perlu salinan paspor",
    body: "Mohon unggah hasil pindai yang jelas dari halaman foto paspor Anda agar kami dapat melanjutkan.",
  },
  {
    lang: "th",
    title: "ได้รับเอกสารแล้ว",
    body: "ขอบคุณค่ะ เราได้รับเอกสารของคุณแล้ว และจะตรวจสอบภายในระยะเวลาตอบกลับของเรา",
  },
  {
    lang: "th",
    title: "ต้องการสำเนาหนังสือเดินทาง",
    body: "โปรดอัปโหลดไฟล์สแกนหน้าข้อมูลที่มีรูปถ่ายในหนังสือเดินทางที่ชัดเจน เพื่อให้เราดำเนินการต่อได้",
  },
];

const CASES = [
  {
    token: "demo-staff-zh",
    subject: "就業金卡申請問題",
    lang: "zh-TW",
    nationality: "JP",
    vip: true,
    question: "請問申請就業金卡需要準備哪些文件？",
    name: "山田花子",
    email: "hanako@demo.test",
  },
  {
    token: "demo-staff-en",
    subject: "Moving with my family",
    lang: "en",
    nationality: "US",
    vip: false,
    question: "Can my children attend school in Taichung?",
    name: "Jordan Demo",
    email: "jordan@demo.test",
  },
];

async function seedStaff(db: Kysely<Database>): Promise<void> {
  for (const s of STAFF) {
    await db
      .insertInto("users")
      .values({ ...s, password_hash: DEMO_PASSWORD_HASH, email_verified_at: sql<Date>`now()`, preferred_lang: "en" })
      .onConflict((oc) => oc.column("email").doUpdateSet({ office: sql`coalesce(users.office, excluded.office)` }))
      .execute();
    const user = await db.selectFrom("users").select("id").where("email", "=", s.email).executeTakeFirstOrThrow();
    await db
      .insertInto("staff_credentials")
      .values({ user_id: user.id, totp_secret: DEMO_TOTP_SECRET })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
  }
}

async function seedCases(db: Kysely<Database>): Promise<void> {
  for (const c of CASES) {
    await db
      .insertInto("users")
      .values({
        email: c.email,
        name: c.name,
        preferred_lang: c.lang,
        consent_at: sql<Date>`now()`,
        consent_version: "demo",
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
    const applicant = await db.selectFrom("users").select("id").where("email", "=", c.email).executeTakeFirstOrThrow();
    const { rows } = await sql<{ n: string }>`select nextval('case_reference_seq')::text as n`.execute(db);
    const created = await db
      .insertInto("cases")
      .values({
        reference: `TT-2026-${rows[0]!.n.padStart(6, "0")}`,
        kind: "consultation",
        subject: c.subject,
        details: JSON.stringify({ question: c.question }),
        applicant_id: applicant.id,
        lang: c.lang,
        nationality: c.nationality,
        vip: c.vip,
        office: "taipei",
        submission_token: c.token,
      })
      .onConflict((oc) => oc.column("submission_token").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) continue;
    await db
      .insertInto("case_events")
      .values([
        { case_id: created.id, kind: "created", visibility: "public", author_id: applicant.id, data: "{}" },
        {
          case_id: created.id,
          kind: "message",
          visibility: "public",
          author_id: applicant.id,
          body: c.question,
          data: "{}",
        },
      ])
      .execute();
  }
}

const PWP = "eligibility:criteria.professional-work-permit.employer";
const PWP_2025_STATUSES: [string, "met" | "unmet"][] = [
  ["offer", "met"],
  ["salary", "met"],
  ["licence", "unmet"],
  ["masters", "unmet"],
  ["bachelor-experience", "unmet"],
  ["bachelor-taiwan", "unmet"],
  ["bachelor-top-university", "unmet"],
  ["bachelor-exempt-employer", "unmet"],
  ["multinational", "unmet"],
  ["senior", "unmet"],
];
/**
 * A Professional Work Permit application frozen under the 2025 rules (content scenario "top-1,500 graduate without
 * experience"): not eligible then, eligible under the 2026 rules, so the case view shows a re-evaluation with changes.
 * The criteria are the evaluator's output for these answers on 2025-06-01 (a test keeps them in step).
 */
export const DEMO_OLD_RULES_SNAPSHOT = {
  asOf: "2025-06-01",
  answers: {
    hasTaiwanOffer: true,
    offerMonthlySalary: { amount: 47971, currency: "TWD" },
    highestDegree: "bachelor",
    yearsExperience: 0,
    degreeFromTaiwan: false,
    universityRank: "top-1500",
    professionalLicence: false,
    multinationalTransfer: false,
    employerExempt: false,
    outstandingPerformance: false,
    yearsSinceGraduation: 10,
  },
  evaluation: {
    pathway: "professional-work-permit",
    ruleSetVersion: "professional-work-permit@2021-10-25",
    outcome: "not-eligible",
    criteria: PWP_2025_STATUSES.map(([id, status]) => ({ id: `employer.${id}`, labelKey: `${PWP}.${id}`, status })),
  },
};
const APPLICATION = { token: "demo-staff-application", name: "Ana Lee", email: "ana.lee@demo.test", nationality: "CL" };

async function seedApplication(db: Kysely<Database>): Promise<void> {
  const a = APPLICATION;
  await db
    .insertInto("users")
    .values({
      email: a.email,
      name: a.name,
      preferred_lang: "en",
      consent_at: sql<Date>`now()`,
      consent_version: "demo",
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  const applicant = await db.selectFrom("users").select("id").where("email", "=", a.email).executeTakeFirstOrThrow();
  const { rows } = await sql<{ n: string }>`select nextval('case_reference_seq')::text as n`.execute(db);
  const details = {
    fullName: a.name,
    nationality: a.nationality,
    preferredLang: "en",
    qualification: "Bachelor's degree from a top-1,500 university",
  };
  const created = await db
    .insertInto("cases")
    .values({
      reference: `TT-2026-${rows[0]!.n.padStart(6, "0")}`,
      kind: "application",
      pathway: "professional-work-permit",
      subject: "professional-work-permit",
      details: JSON.stringify(details),
      applicant_id: applicant.id,
      lang: "en",
      nationality: a.nationality,
      office: "taipei",
      submission_token: a.token,
      eligibility_snapshot: JSON.stringify(DEMO_OLD_RULES_SNAPSHOT),
      rules_version: DEMO_OLD_RULES_SNAPSHOT.evaluation.ruleSetVersion,
    })
    .onConflict((oc) => oc.column("submission_token").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (created)
    await db
      .insertInto("case_events")
      .values({ case_id: created.id, kind: "created", visibility: "public", author_id: applicant.id, data: "{}" })
      .execute();
}

/** Demo staff with TOTP, canned replies in each locale, two consultations and an old-rules application for the inbox (demo only; idempotent). */
export async function seedStaffDemo(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  if (!options.demo) return;
  await seedStaff(db);
  for (const c of CANNED) {
    await db
      .insertInto("canned_replies")
      .values(c)
      .onConflict((oc) => oc.columns(["lang", "title"]).doNothing())
      .execute();
  }
  await seedCases(db);
  await seedApplication(db);
}
