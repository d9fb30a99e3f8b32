import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";
import { draftInEditor, openSinceAMinute, twoQuestions } from "./examDrafts.mjs";

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
    questions: twoQuestions,
    ...openSinceAMinute(),
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

async function startExam(student, id = examId) {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, student);
  await page.fill("input[name=examId]", id);
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

  const overseer = await proctorPage(author);
  assert.deepEqual(await rosterIds(overseer), [xiaoming.userId, xiaohong.userId, xiaogang.userId].sort());
  await overseer.selectOption("[data-testid=room-picker]", "B");
  assert.deepEqual(await rosterIds(overseer), [xiaogang.userId]);
  assert.equal(await overseer.textContent("[data-count=submitted]"), "已交卷 1");
  await overseer.context().close();

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

test("the author sets up the rooms in the editor, each proctor picked from the directory, publishes, and gives a student extra minutes before the start", async () => {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, author);
  await draftInEditor(page, "全市八年级信息技术补考");

  for (let i = 0; i < 3; i++) await page.click("[data-action=add-room]");
  await page.click("[data-room-form='2'] [data-action=remove-room]");
  assert.equal(await page.locator("[data-room-form]").count(), 2);
  const room = (i) => `[data-room-form='${i}']`;
  await page.fill(`${room(0)} input[name=roomId]`, "A");
  await page.fill(`${room(0)} input[name=roomName]`, "第一中学 第2考场");
  await page.fill("#room-0-proctor", "一中");
  await page.click(`#room-0-proctor-listbox [data-user=${proctorA.userId}]`);
  await page.fill(`${room(0)} textarea[name=roomClasses]`, "c-a-8");
  await page.fill(`${room(1)} input[name=roomName]`, "乡村中学 第2考场");
  await page.fill("#room-1-proctor", "乡村");
  await page.click(`#room-1-proctor-listbox [data-user=${proctorB.userId}]`);
  await page.fill("#room-1-student", "郑小");
  await page.click(`#room-1-student-listbox [data-user=${xiaogang.userId}]`);
  assert.equal((await page.inputValue(`${room(1)} textarea[name=proctorIds]`)).trim(), proctorB.userId);
  await screenshot(page, "exam-editor-rooms");
  await page.click("[data-testid=save-draft]");
  await page.waitForURL(/\/exams\/[^/]+\/edit$/);
  const retakeId = decodeURIComponent(page.url().split("/").at(-2));
  await page.waitForFunction(() => document.querySelector("[data-room-form='1'] input[name=roomName]")?.value === "乡村中学 第2考场");
  await page.click("[data-testid=publish]");
  await page.click("[data-testid=confirm-publish]");
  await page.waitForSelector("[data-testid=paper-view]");

  const published = await restAs(api.baseUrl, await tokenFor(api.baseUrl, author), "GET", `/api/exams/${retakeId}`);
  assert.deepEqual(published.rooms.map((r) => [r.id, r.name, r.proctorIds]), [["A", "第一中学 第2考场", [proctorA.userId]], ["r2", "乡村中学 第2考场", [proctorB.userId]]]);
  assert.deepEqual([...published.roster].sort(), [xiaoming.userId, xiaohong.userId, xiaogang.userId]);

  await page.fill("input[name=accommodationStudent]", xiaohong.userId);
  await page.fill("input[name=extraMinutes]", "15");
  await page.click("[data-action=set-accommodation]");
  await page.waitForSelector(`[data-testid=accommodation-set]:has-text('${xiaohong.userId}')`);

  const forA = await newPage(browser, api.baseUrl);
  await signInAs(forA, proctorA);
  await forA.goto(`/exams/${retakeId}/proctor`);
  await forA.waitForSelector(`${row(xiaohong.userId)} td[data-accommodation='15']:has-text('+15')`);
  assert.equal(await forA.locator("[data-testid=accommodations]").count(), 0);
  const startedBy = Date.now();
  const student = await startExam(xiaohong, retakeId);
  const line = await forA.waitForSelector(`${row(xiaohong.userId)}[data-status=active] td[data-deadline]`);
  const minutes = (Date.parse(await line.getAttribute("data-deadline")) - startedBy) / 60_000;
  assert.ok(minutes > 44.9 && minutes < 46, `the 30 minutes and the 15 extra count from the start: ${minutes}`);
  await student.context().close();
});
