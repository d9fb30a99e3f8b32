import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const author = { userId: "t-3001", name: "陈老师", role: "teacher", school: "3301001", county: "西湖区" };
const zhang = { userId: "s-2001", name: "张同学", role: "student", school: "3301001", county: "西湖区" };
const zhao = { userId: "s-2002", name: "赵同学", role: "student", school: "3301001", county: "西湖区" };
const qian = { userId: "s-2003", name: "钱同学", role: "student", school: "3301001", county: "西湖区" };
const phone = { width: 390, height: 844 };

const paper = [
  { id: "q1", kind: "single", points: 2, stem: "1 + 1 = ?", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }, { id: "c", text: "3" }], answer: "b" },
  { id: "q2", kind: "multiple", points: 4, partialPoints: 2, stem: "下列哪些是质数？", options: [{ id: "a", text: "2" }, { id: "b", text: "4" }, { id: "c", text: "5" }], answer: ["a", "c"] },
  { id: "q3", kind: "truefalse", points: 2, stem: "CPU 是计算机的中央处理器。", answer: true },
  { id: "q4", kind: "fill", points: 4, stem: "一个字节有 __ 位，1 KB = __ 字节。", answer: [["8", "八"], ["1024"]] },
  { id: "q5", kind: "short", points: 8, stem: "简述操作系统的作用。", reference: "管理硬件与软件资源" },
];

let api;
let browser;
let examId;
let shortExamId;
let authorToken;
before(async () => {
  api = await startApi("exam");
  browser = await launchBrowser();
  authorToken = await tokenFor(api.baseUrl, author);
  ({ id: examId } = await restAs(api.baseUrl, authorToken, "POST", "/api/exams", {
    title: "信息技术期中测验",
    subject: "信息技术",
    questions: paper,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    lateJoinMinutes: 30,
    roster: [zhang.userId, zhao.userId],
    shuffleQuestions: false,
    shuffleOptions: false,
  }));
  await restAs(api.baseUrl, authorToken, "POST", `/api/exams/${examId}/publish`);
  ({ id: shortExamId } = await restAs(api.baseUrl, authorToken, "POST", "/api/exams", {
    title: "一分钟小测",
    subject: "信息技术",
    questions: paper.slice(0, 1),
    opensAt: new Date(Date.now() - 5_000).toISOString(),
    durationMinutes: 1,
    lateJoinMinutes: 1,
    roster: [qian.userId],
    shuffleQuestions: false,
    shuffleOptions: false,
  }));
  await restAs(api.baseUrl, authorToken, "POST", `/api/exams/${shortExamId}/publish`);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

async function openExam(page, id = examId) {
  await page.fill("input[name=examId]", id);
  await page.click("button:has-text('进入考试')");
  await page.waitForSelector("[data-question=q1]");
}

const saved = (page, questionId) => page.waitForSelector(`[data-question=${questionId}] [data-save=saved]`);

// The one-minute exam runs beside the others, so its wait for the deadline costs the suite little.
describe("exams", { concurrency: true }, () => {
test("a student answers with a saved mark per answer, reloads and resumes with the answers kept, and submits; the proctor follows", async () => {
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, zhang);
  await openExam(student);
  assert.match(await student.textContent("[data-testid=countdown]"), /剩余时间 (29|30):\d\d/);

  await student.check("input[name=answer-q1][value=b]");
  await saved(student, "q1");
  await student.check("input[name=answer-q2][value=a]");
  await student.check("input[name=answer-q2][value=c]");
  await student.check("input[name=answer-q3][value=true]");
  await student.fill("input[name=answer-q4-0]", "8");
  await student.fill("input[name=answer-q4-1]", "1024");
  for (const id of ["q2", "q3", "q4"]) await saved(student, id);

  const proctor = await newPage(browser, api.baseUrl);
  await signInAs(proctor, author);
  await proctor.fill("input[name=examId]", examId);
  await proctor.click("button:has-text('监考')");
  await proctor.waitForSelector(`[data-student=${zhang.userId}][data-status=active]`);
  // The answered count reaches the roster through the attempt's throttled report (every 5 s at most).
  await proctor.waitForSelector(`[data-student=${zhang.userId}] td[data-answered]:text-is("4")`, { timeout: 30_000 });

  await student.reload();
  await student.waitForSelector("[data-question=q1]");
  assert.equal(await student.isChecked("input[name=answer-q1][value=b]"), true);
  assert.equal(await student.isChecked("input[name=answer-q2][value=a]"), true);
  assert.equal(await student.isChecked("input[name=answer-q2][value=b]"), false);
  assert.equal(await student.isChecked("input[name=answer-q2][value=c]"), true);
  assert.equal(await student.isChecked("input[name=answer-q3][value=true]"), true);
  assert.equal(await student.inputValue("input[name=answer-q4-0]"), "8");
  assert.equal(await student.inputValue("input[name=answer-q4-1]"), "1024");
  for (const id of ["q1", "q2", "q3", "q4"]) await saved(student, id);

  await student.fill("textarea[name=answer-q5]", "操作系统管理计算机的硬件和软件资源，为用户提供界面。");
  await saved(student, "q5");
  await student.evaluate(() => window.scrollTo(0, 0));
  await screenshot(student, "exam-student-phone");
  await screenshot(proctor, "exam-proctor");

  await student.click("[data-testid=submit]");
  await student.click("[data-testid=confirm-submit]");
  await student.waitForSelector("[data-testid=submitted-notice]:has-text('你已交卷')");
  assert.equal(await student.isDisabled("input[name=answer-q1][value=a]"), true);
  await proctor.waitForSelector(`[data-student=${zhang.userId}][data-status=submitted]`);

  const results = await restAs(api.baseUrl, authorToken, "GET", `/api/exams/${examId}/results`);
  const line = results.students.find((s) => s.studentId === zhang.userId);
  assert.equal(line.status, "submitted");
  assert.deepEqual([line.perQuestion.q1, line.perQuestion.q2, line.perQuestion.q3, line.perQuestion.q4], [2, 4, 2, 4]);
});

test("the proctor collects a paper with a reason; the student's screen says so, stops taking answers, and says it again when reopened", async () => {
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, zhao);
  await openExam(student);
  await student.check("input[name=answer-q1][value=a]");
  await saved(student, "q1");

  const proctor = await newPage(browser, api.baseUrl);
  await signInAs(proctor, author);
  await proctor.goto(`/exams/${examId}/proctor`);
  await proctor.click(`[data-student=${zhao.userId}] [data-action=force-submit]`);
  await proctor.fill(`[data-student=${zhao.userId}] input[name=reason]`, "设备故障，改纸笔作答");
  await proctor.click(`[data-student=${zhao.userId}] [data-action=confirm-force-submit]`);
  await proctor.waitForSelector(`[data-student=${zhao.userId}][data-status=submitted]`);

  await student.waitForSelector("[data-testid=submitted-notice]:has-text('已由监考老师收卷：设备故障，改纸笔作答')");
  assert.equal(await student.isDisabled("input[name=answer-q1][value=b]"), true);
  await student.reload();
  await student.waitForSelector("[data-testid=submitted-notice]:has-text('已由监考老师收卷：设备故障，改纸笔作答')");
  assert.match(await student.textContent("[data-testid=submitted-at]"), /^交卷时间：/);
  await screenshot(student, "exam-collected");
});

test("at the deadline the server submits the attempt and the student's screen says so", async () => {
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, qian);
  await openExam(student, shortExamId);
  await student.check("input[name=answer-q1][value=b]");
  await saved(student, "q1");

  await student.waitForSelector("[data-testid=submitted-notice]:has-text('考试时间到，系统已自动交卷')", { timeout: 120_000 });
  assert.match(await student.textContent("[data-testid=countdown]"), /00:00/);
  assert.equal(await student.isDisabled("input[name=answer-q1][value=a]"), true);
  const results = await restAs(api.baseUrl, authorToken, "GET", `/api/exams/${shortExamId}/results`);
  const line = results.students.find((s) => s.studentId === qian.userId);
  assert.equal(line.status, "submitted");
  assert.equal(line.perQuestion.q1, 2);
});
});
