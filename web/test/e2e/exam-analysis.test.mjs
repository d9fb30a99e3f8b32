import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";
import { openSinceAMinute, twoQuestions } from "./examDrafts.mjs";

// Two schools of two counties sit one exam through their classes; the author reads the analysis and corrects a key.
const admin = { userId: "a-7001", name: "管理员", role: "admin" };
const author = { userId: "t-7001", name: "周老师", role: "teacher", school: "3302001", county: "上城区" };
const students = [
  { userId: "s-7101", name: "王小明", role: "student", school: "3302001", county: "上城区", single: "b" },
  { userId: "s-7102", name: "刘小红", role: "student", school: "3302001", county: "上城区", single: "c" },
  { userId: "s-7201", name: "张小刚", role: "student", school: "3302002", county: "淳安县", single: "c" },
];

let api;
let browser;
let examId;
before(async () => {
  api = await startApi("exam-analysis");
  browser = await launchBrowser();
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, admin), "POST", "/api/directory/import", {
    schools: [{ code: "3302001", name: "第一中学", county: "上城区" }, { code: "3302002", name: "乡村中学", county: "淳安县" }],
    people: [
      { userId: author.userId, name: author.name, role: "teacher", schoolCode: "3302001" },
      ...students.map((s) => ({ userId: s.userId, name: s.name, role: "student", schoolCode: s.school })),
    ],
    classes: [
      { id: "c-a-7", schoolCode: "3302001", name: "七年级一班", grade: "7", teacherIds: [author.userId], studentIds: ["s-7101", "s-7102"] },
      { id: "c-b-7", schoolCode: "3302002", name: "七年级一班", grade: "7", teacherIds: [], studentIds: ["s-7201"] },
    ],
  });
  const authorToken = await tokenFor(api.baseUrl, author);
  ({ id: examId } = await restAs(api.baseUrl, authorToken, "POST", "/api/exams", {
    title: "全市信息技术统考",
    subject: "信息技术",
    questions: twoQuestions,
    ...openSinceAMinute(),
    roster: [],
    rosterClasses: ["c-a-7", "c-b-7"],
    shuffleQuestions: false,
    shuffleOptions: false,
  }));
  await restAs(api.baseUrl, authorToken, "POST", `/api/exams/${examId}/publish`);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

async function sit(student) {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, student);
  await page.fill("input[name=examId]", examId);
  await page.click("button:has-text('进入考试')");
  await page.waitForSelector("[data-question=q1]");
  await page.check(`input[name=answer-q1][value=${student.single}]`);
  await page.check("input[name=answer-q2][value=true]");
  await page.waitForSelector("[data-question=q1] [data-save=saved]");
  await page.waitForSelector("[data-question=q2] [data-save=saved]");
  await page.click("[data-testid=submit]");
  await page.click("[data-testid=confirm-submit]");
  await page.waitForSelector("[data-testid=submitted-notice]");
  await page.context().close();
}

test("the analysis tab shows both schools, a chart per school and the item analysis, and a key change regrades with a notice", async () => {
  for (const student of students) await sit(student);

  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, author);
  await page.goto(`/exams/${examId}/results`);
  await page.click("[data-testid=tab-analysis]");

  const first = await page.waitForSelector("[data-testid=groups][data-dimension=school] tr[data-group='3302001']");
  assert.match(await first.textContent(), /第一中学\s*22/);
  const second = await page.waitForSelector("[data-testid=groups] tr[data-group='3302002']");
  assert.match(await second.textContent(), /乡村中学\s*11/);
  assert.equal(await page.textContent("[data-testid=groups] tr[data-group='3302001'] td[data-mean]"), "3");
  await page.waitForSelector("[data-school-chart='3302001'] [data-testid=score-chart]");
  await page.waitForSelector("[data-school-chart='3302002'] [data-testid=score-chart]");
  assert.equal(await page.getAttribute("[data-school-chart='3302002'] [data-bucket='5']", "data-count"), "1");

  const q1 = await page.waitForSelector("[data-testid=item-analysis] tr[data-item=q1]");
  assert.equal(await page.textContent("tr[data-item=q1] td[data-answered]"), "3");
  assert.equal(await page.textContent("tr[data-item=q1] td[data-difficulty]"), "0.3333");
  assert.match(await q1.textContent(), /b: 1\s+c: 2/);
  assert.equal(await page.textContent("tr[data-item=q2] td[data-difficulty]"), "1");

  await page.selectOption("[data-testid=dimension]", "county");
  await page.waitForSelector("[data-testid=groups][data-dimension=county] tr[data-group='淳安县']");
  assert.equal(await page.locator("[data-testid=groups] tbody tr").count(), 2);
  await page.waitForSelector("[data-testid=download-xlsx]");
  await page.waitForSelector("[data-testid=printable-report]");
  await screenshot(page, "exam-analysis");

  await page.selectOption("[data-testid=key-change] select[name=questionId]", "q1");
  await page.check("[data-testid=key-change] input[name=keyChoice][value=c]");
  await page.fill("[data-testid=key-change] textarea[name=reason]", "原答案印刷错误");
  await page.click("[data-testid=apply-key]");
  await page.waitForSelector("[data-testid=regrade-notice][data-question=q1]:has-text('原答案印刷错误')");
  await page.waitForSelector("tr[data-item=q1] td[data-difficulty]:text-is('0.6667')");
  await screenshot(page, "exam-analysis-regraded");

  const results = await restAs(api.baseUrl, await tokenFor(api.baseUrl, author), "GET", `/api/exams/${examId}/results`);
  assert.deepEqual(Object.fromEntries(results.students.map((s) => [s.studentId, s.perQuestion.q1])), { "s-7101": 0, "s-7102": 2, "s-7201": 2 });
  assert.deepEqual(Object.fromEntries(results.students.map((s) => [s.studentId, s.schoolCode])), { "s-7101": "3302001", "s-7102": "3302001", "s-7201": "3302002" });
});
