import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

// One city exam, a room per school, each with its own proctor (PROTOCOL §7); the author reads the analysis after.
const admin = { userId: "a-8001", name: "管理员", role: "admin" };
const author = { userId: "t-8001", name: "教研员吴老师", role: "teacher", school: "3303001", county: "上城区" };
const proctorA = { userId: "t-8101", name: "一中孙老师", role: "teacher", school: "3303001", county: "上城区" };
const proctorB = { userId: "t-8201", name: "乡村中学钱老师", role: "teacher", school: "3303002", county: "淳安县" };
const students = [
  { userId: "s-8101", name: "周小明", role: "student", school: "3303001", county: "上城区", single: "b" },
  { userId: "s-8102", name: "吴小红", role: "student", school: "3303001", county: "上城区", single: "c" },
  { userId: "s-8201", name: "郑小刚", role: "student", school: "3303002", county: "淳安县", single: "b" },
];
const [xiaoming, xiaohong, xiaogang] = students;

let api;
let browser;
let examId;
before(async () => {
  api = await startApi("exam-proctors");
  browser = await launchBrowser();
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, admin), "POST", "/api/directory/import", {
    schools: [{ code: "3303001", name: "第一中学", county: "上城区" }, { code: "3303002", name: "乡村中学", county: "淳安县" }],
    people: [
      ...[author, proctorA, proctorB].map((t) => ({ userId: t.userId, name: t.name, role: "teacher", schoolCode: t.school })),
      ...students.map((s) => ({ userId: s.userId, name: s.name, role: "student", schoolCode: s.school })),
    ],
    classes: [{ id: "c-a-8", schoolCode: "3303001", name: "八年级一班", grade: "8", teacherIds: [proctorA.userId], studentIds: [xiaoming.userId, xiaohong.userId] }],
  });
  const authorToken = await tokenFor(api.baseUrl, author);
  ({ id: examId } = await restAs(api.baseUrl, authorToken, "POST", "/api/exams", {
    title: "全市八年级信息技术统考",
    subject: "信息技术",
    questions: [
      { id: "q1", kind: "single", points: 2, stem: "1 + 1 = ?", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }, { id: "c", text: "3" }], answer: "b" },
      { id: "q2", kind: "truefalse", points: 2, stem: "CPU 是计算机的中央处理器。", answer: true },
    ],
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    lateJoinMinutes: 30,
    roster: [],
    rooms: [
      { id: "A", name: "第一中学 第1考场", proctorIds: [proctorA.userId], classIds: ["c-a-8"] },
      { id: "B", name: "乡村中学 第1考场", proctorIds: [proctorB.userId], studentIds: [xiaogang.userId] },
    ],
    shuffleQuestions: false,
    shuffleOptions: false,
  }));
  await restAs(api.baseUrl, authorToken, "POST", `/api/exams/${examId}/publish`);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

const row = (id) => `[data-testid=roster] tr[data-student='${id}']`;
const rosterIds = (page) => page.$$eval("[data-testid=roster] tbody tr", (rows) => rows.map((r) => r.getAttribute("data-student")).sort());

async function proctorPage(proctor) {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, proctor);
  await page.goto(`/exams/${examId}/proctor`);
  await page.waitForSelector("[data-testid=roster] tbody tr");
  return page;
}

async function startExam(student) {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, student);
  await page.fill("input[name=examId]", examId);
  await page.click("button:has-text('进入考试')");
  await page.waitForSelector("[data-question=q1]");
  return page;
}

async function answerAndSubmit(page, student) {
  await page.check(`input[name=answer-q1][value=${student.single}]`);
  await page.check("input[name=answer-q2][value=true]");
  await page.waitForSelector("[data-question=q1] [data-save=saved]");
  await page.waitForSelector("[data-question=q2] [data-save=saved]");
  await page.click("[data-testid=submit]");
  await page.click("[data-testid=confirm-submit]");
  await page.waitForSelector("[data-testid=submitted-notice]");
}

test("each room's proctor sees their own candidates only, a pause moves the deadline, extra time needs a reason, and the author reads the analysis by school", async () => {
  const forA = await proctorPage(proctorA);
  const forB = await proctorPage(proctorB);
  assert.deepEqual(await rosterIds(forA), [xiaoming.userId, xiaohong.userId]);
  assert.deepEqual(await rosterIds(forB), [xiaogang.userId]);
  assert.match(await forA.textContent("[data-testid=room-name]"), /第一中学 第1考场/);
  assert.match(await forB.textContent("[data-testid=room-name]"), /乡村中学 第1考场/);

  const student = await startExam(xiaoming);
  await forA.waitForSelector(`${row(xiaoming.userId)}[data-status=active]`);
  const before = Date.parse(await forA.getAttribute(`${row(xiaoming.userId)} td[data-deadline]`, "data-deadline"));

  await forA.click(`${row(xiaoming.userId)} [data-action=pause]`);
  await forA.fill(`${row(xiaoming.userId)} input[name=reason]`, "考生机器故障，更换座位");
  await forA.click(`${row(xiaoming.userId)} [data-action=confirm-pause]`);
  await forA.waitForSelector(`${row(xiaoming.userId)}[data-status=paused]`);
  await student.waitForSelector(".banner.warn:has-text('考试已被监考老师暂停')");
  assert.equal(await student.isDisabled("input[name=answer-q1][value=a]"), true);
  // The pause lasts a while, as a changed seat does; that time is what the deadline must gain.
  await student.waitForTimeout(1500);
  await forA.click(`${row(xiaoming.userId)} [data-action=resume]`);
  await forA.waitForSelector(`${row(xiaoming.userId)}[data-status=active]`);
  const after = Date.parse(await forA.getAttribute(`${row(xiaoming.userId)} td[data-deadline]`, "data-deadline"));
  assert.ok(after - before >= 1500, `the deadline moved by ${after - before} ms`);
  await student.waitForSelector(".banner.warn", { state: "detached" });
  assert.equal(await student.isDisabled("input[name=answer-q1][value=a]"), false);
  const attempt = await restAs(api.baseUrl, await tokenFor(api.baseUrl, author), "GET", `/api/exams/${examId}/irregularities`);
  assert.deepEqual(attempt.entries.filter((e) => e.studentId === xiaoming.userId).map((e) => e.kind), ["pause", "resume"]);

  await forA.click(`${row(xiaoming.userId)} [data-action=extend]`);
  await forA.fill(`${row(xiaoming.userId)} input[name=minutes]`, "10");
  await forA.click(`${row(xiaoming.userId)} [data-action=confirm-extend]`);
  await forA.waitForSelector(`${row(xiaoming.userId)} [data-refusal=reason]`);
  assert.equal(Date.parse(await forA.getAttribute(`${row(xiaoming.userId)} td[data-deadline]`, "data-deadline")), after);
  await forA.click(`${row(xiaoming.userId)} button:has-text('取消')`);

  await forA.waitForSelector("[data-testid=irregularities] tr[data-kind=resume]");
  assert.equal(await forA.locator("[data-testid=irregularities] tr[data-kind=extend]").count(), 0);
  assert.equal(await forB.locator(`[data-student='${xiaoming.userId}']`).count(), 0);
  await screenshot(forA, "exam-proctor-room");

  await forB.fill("[data-testid=roster-search]", "郑");
  assert.equal(await forB.textContent("[data-testid=shown]"), "显示 1 / 1 人");
  await forA.selectOption("[data-testid=status-filter]", "active");
  assert.deepEqual(await rosterIds(forA), [xiaoming.userId]);

  await answerAndSubmit(student, xiaoming);
  for (const other of [xiaohong, xiaogang]) {
    const page = await startExam(other);
    await answerAndSubmit(page, other);
    await page.context().close();
  }
  await forB.waitForSelector(`${row(xiaogang.userId)}[data-status=submitted]`);
  assert.deepEqual(await rosterIds(forB), [xiaogang.userId]);

  const analysis = await newPage(browser, api.baseUrl);
  await signInAs(analysis, author);
  await analysis.goto(`/exams/${examId}/results`);
  await analysis.click("[data-testid=tab-analysis]");
  const first = await analysis.waitForSelector("[data-testid=groups][data-dimension=school] tr[data-group='3303001']");
  assert.match(await first.textContent(), /第一中学\s*22/);
  const second = await analysis.waitForSelector("[data-testid=groups] tr[data-group='3303002']");
  assert.match(await second.textContent(), /乡村中学\s*11/);
  await analysis.waitForSelector("[data-school-chart='3303001'] [data-testid=score-chart]");
  await analysis.waitForSelector("[data-school-chart='3303002'] [data-testid=score-chart]");
  assert.equal(await analysis.getAttribute("[data-school-chart='3303002'] [data-bucket='9']", "data-count"), "1");
  await screenshot(analysis, "exam-proctors-analysis");
});
