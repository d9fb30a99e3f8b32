import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, thisMinute, tokenFor } from "./harness.mjs";

const author = { userId: "t-4001", name: "林老师", role: "teacher", school: "3301001", county: "西湖区" };
const wang = { userId: "s-4101", name: "王同学", role: "student", school: "3301001", county: "西湖区" };
const liu = { userId: "s-4102", name: "刘同学", role: "student", school: "3301001", county: "西湖区" };
const zhou = { userId: "s-4103", name: "周同学", role: "student", school: "3301001", county: "西湖区" };
const markers = ["t-4011", "t-4012", "t-4013"].map((userId, i) => ({ userId, name: `阅卷老师${i + 1}`, role: "teacher", school: "3301001", county: "西湖区" }));
const phone = { width: 390, height: 844 };

let api;
let browser;
before(async () => {
  api = await startApi("exam-authoring");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

const q = (id) => `[data-question=${id}]`;

/** The current minute in the browser's own time zone, as the datetime-local input takes it: already open, so students can start at once. */
async function authorPaper(page) {
  await page.fill("input[name=title]", "信息技术单元测验");
  await page.fill("input[name=subject]", "信息技术");
  await page.fill("input[name=opensAt]", await thisMinute(page));
  await page.fill("input[name=durationMinutes]", "30");
  await page.fill("input[name=lateJoinMinutes]", "30");
  await page.fill("textarea[name=roster]", `${wang.userId}\n${liu.userId}`);

  await page.click("[data-add=single]");
  await page.fill("textarea[name=q1-stem]", "1 + 1 = ?");
  await page.fill("input[name=q1-option-a]", "1");
  await page.fill("input[name=q1-option-b]", "2");
  await page.fill("input[name=q1-option-c]", "3");
  await page.click(`${q("q1")} button[aria-label="删除选项 d"]`);
  await page.check("input[name=q1-correct][value=b]");

  await page.click("[data-add=multiple]");
  await page.fill("input[name=q2-points]", "4");
  for (const [id, text] of [["a", "2"], ["b", "4"], ["c", "5"], ["d", "9"]]) await page.fill(`input[name=q2-option-${id}]`, text);
  await page.check("input[name=q2-correct][value=a]");
  await page.check("input[name=q2-correct][value=c]");
  await page.fill("input[name=q2-partialPoints]", "2");

  await page.click("[data-add=truefalse]");
  await page.fill("textarea[name=q3-stem]", "CPU 是计算机的中央处理器。");

  await page.click("[data-add=fill]");
  await page.fill("input[name=q4-points]", "4");
  await page.fill("textarea[name=q4-stem]", "一个字节有 __ 位，1 KB = __ 字节。");
  await page.fill("input[name=q4-blank-0]", "8 | 八");
  await page.click(`${q("q4")} button:has-text('添加一空')`);
  await page.fill("input[name=q4-blank-1]", "1024");

  await page.click("[data-add=short]");
  await page.fill("input[name=q5-points]", "8");
  await page.fill("textarea[name=q5-stem]", "简述操作系统的作用。");
  await page.fill("textarea[name=q5-reference]", "管理硬件与软件资源，为用户提供界面");

  await page.click("[data-add=truefalse]");
  await page.waitForSelector(q("q6"));
  await page.click(`${q("q6")} [data-action=remove-question]`);
  await page.click(`${q("q3")} button[aria-label="上移第 3 题"]`);
}

/** Asks for the next answer to mark in the marking screen until the background queueing after submission has delivered it. */
async function nextTask(page) {
  for (let tries = 0; ; tries++) {
    const shown = await page.waitForSelector("[data-testid=marking-task], [data-testid=queue-empty]");
    if ((await shown.getAttribute("data-testid")) === "marking-task") return;
    assert.ok(tries < 50, "the short answer never reached the marking queue");
    await page.click("[data-testid=queue-empty] button");
    await page.waitForSelector("[data-testid=queue-empty] button:not([disabled])");
  }
}

async function takeExam(page, examId, answer) {
  await page.fill("input[name=examId]", examId);
  await page.click("button:has-text('进入考试')");
  await page.waitForSelector("[data-question=q1]");
  await answer(page);
  await page.click("[data-testid=submit]");
  await page.click("[data-testid=confirm-submit]");
  await page.waitForSelector("[data-testid=submitted-notice]");
}

test("a teacher writes, fixes and publishes an exam, two students take it, the teacher marks the short answer, reads the results and publishes them, and a student sees their own line", async () => {
  const teacher = await newPage(browser, api.baseUrl);
  await signInAs(teacher, author);
  await teacher.waitForSelector(".my-exams:has-text('还没有创建考试')");
  await teacher.click("[data-testid=new-exam]");
  await teacher.waitForSelector("[data-testid=exam-editor]");
  await authorPaper(teacher);

  // q2's stem is still empty: the server refuses the paper and the message stands beside that stem.
  await teacher.click("[data-testid=save-draft]");
  const refusal = await teacher.waitForSelector(`${q("q2")} [data-field-error="q2.stem"]`);
  assert.match(await refusal.textContent(), /输入有误.*stem of question q2/);
  assert.match(teacher.url(), /\/exams\/new$/);
  await screenshot(teacher, "exam-authoring-refusal");

  await teacher.fill("textarea[name=q2-stem]", "下列哪些是质数？");
  await teacher.click("[data-testid=save-draft]");
  await teacher.waitForURL(/\/exams\/[^/]+\/edit$/);
  const examId = decodeURIComponent(teacher.url().split("/").at(-2));
  await teacher.waitForSelector("[data-testid=exam-editor] textarea[name=q2-stem]");
  assert.equal(await teacher.inputValue("textarea[name=q2-stem]"), "下列哪些是质数？");
  assert.equal(await teacher.$(`[data-field-error]`), null);

  const token = await tokenFor(api.baseUrl, author);
  const saved = await restAs(api.baseUrl, token, "GET", `/api/exams/${examId}`);
  assert.equal(saved.status, "draft");
  assert.deepEqual(saved.questions.map((x) => x.id), ["q1", "q3", "q2", "q4", "q5"]);
  assert.deepEqual(saved.questions.map((x) => x.answer ?? null), ["b", true, ["a", "c"], [["8", "八"], ["1024"]], null]);
  assert.equal(saved.questions[2].partialPoints, 2);
  assert.deepEqual(saved.roster, [wang.userId, liu.userId]);
  assert.equal(saved.maxScore, 20);

  await teacher.evaluate(() => window.scrollTo(0, 0));
  await screenshot(teacher, "exam-authoring");
  await teacher.click("[data-testid=publish]");
  await teacher.click("[data-testid=confirm-publish]");
  await teacher.waitForSelector("[data-testid=paper-view][data-status=open]");
  assert.equal(await teacher.$("textarea[name=q1-stem]"), null, "a published exam is read-only");
  await teacher.evaluate(() => window.scrollTo(0, 0));
  await screenshot(teacher, "exam-published");

  const first = await newPage(browser, api.baseUrl, phone);
  await signInAs(first, wang);
  await takeExam(first, examId, async (page) => {
    await page.check("input[name=answer-q1][value=b]");
    await page.check("input[name=answer-q2][value=a]");
    await page.check("input[name=answer-q2][value=c]");
    await page.check("input[name=answer-q3][value=true]");
    await page.fill("input[name=answer-q4-0]", "八");
    await page.fill("input[name=answer-q4-1]", "1024");
    await page.fill("textarea[name=answer-q5]", "操作系统管理计算机的硬件和软件资源。");
    for (const id of ["q1", "q2", "q3", "q4", "q5"]) await page.waitForSelector(`[data-question=${id}] [data-save=saved]`);
  });

  // The second student has not started, so the results cannot be published yet.
  await teacher.goto(`/exams/${examId}/results`);
  await teacher.waitForSelector("[data-testid=pending-note]:has-text('还有 1 份简答题未批阅')");
  assert.equal(await teacher.textContent(`[data-student=${wang.userId}] [data-pending]`), "1");
  assert.equal(await teacher.textContent(`[data-student=${liu.userId}] [data-score]`), "—", "an absent student has no score yet");
  await teacher.click("[data-testid=publish-results]");
  await teacher.click("[data-testid=confirm-publish-results]");
  await teacher.waitForSelector("[data-testid=results] .error:has-text('当前状态不允许此操作')");

  const second = await newPage(browser, api.baseUrl, phone);
  await signInAs(second, liu);
  await takeExam(second, examId, async (page) => {
    await page.check("input[name=answer-q1][value=c]");
    await page.waitForSelector("[data-question=q1] [data-save=saved]");
  });

  await teacher.goto(`/exams/${examId}/marking`);
  await teacher.click("[data-pick=q5]");
  await nextTask(teacher);
  assert.equal(await teacher.textContent("[data-testid=marking-answer]"), "操作系统管理计算机的硬件和软件资源。");
  assert.doesNotMatch(await teacher.textContent("[data-testid=marking]"), /王同学|s-4101/, "marking is anonymous");
  await teacher.fill("input[name=points]", "9");
  await teacher.click("[data-testid=marking-task] button[type=submit]");
  await teacher.waitForSelector("[data-testid=points-invalid]");
  await teacher.fill("input[name=points]", "6.5");
  await screenshot(teacher, "exam-marking");
  await teacher.click("[data-testid=marking-task] button[type=submit]");
  await teacher.waitForSelector("[data-testid=mark-recorded]:has-text('最终得分 6.5 分')");
  await teacher.waitForSelector("[data-testid=queue-empty]");
  assert.match(await teacher.textContent("[data-testid=marking-progress]"), /共 1 份，已定分 1 份/);

  await teacher.goto(`/exams/${examId}/results`);
  await teacher.waitForSelector("[data-testid=score-chart]");
  assert.equal(await teacher.$("[data-testid=pending-note]"), null);
  assert.equal(await teacher.textContent(`[data-student=${wang.userId}] [data-score]`), "18.5 / 20");
  assert.equal(await teacher.textContent(`[data-student=${liu.userId}] [data-score]`), "0 / 20");
  assert.equal(await teacher.textContent("[data-stat=mean]"), "9.25");
  const buckets = await teacher.$$eval("[data-testid=score-chart] [data-bucket]", (bars) => bars.map((b) => Number(b.getAttribute("data-count"))));
  assert.deepEqual(buckets, [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const tallest = await teacher.$eval("[data-bucket='9'] rect", (r) => Number(r.getAttribute("height")));
  assert.ok(tallest > 0);
  assert.match(await teacher.textContent(`[data-testid=correct-rates] ${q("q1")}`), /50%/);

  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.click("[data-testid=download-csv]")]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /^\uFEFF?studentId,name,status,score,maxScore,pendingMarking,q1,q3,q2,q4,q5/);
  assert.match(csv, new RegExp(`${wang.userId},王同学,submitted,18\\.5,20`));

  await first.goto("/");
  await first.fill("input[name=resultExamId]", examId);
  await first.click("[data-testid=my-result-entry] button");
  await first.waitForSelector("[data-testid=not-published]");

  await teacher.click("[data-testid=publish-results]");
  await teacher.click("[data-testid=confirm-publish-results]");
  await teacher.waitForSelector("[data-testid=results-published]");
  await screenshot(teacher, "exam-results");

  await first.reload();
  await first.waitForSelector("[data-testid=my-score]");
  assert.equal(await first.textContent("[data-testid=my-score]"), "18.5 / 20 分");
  assert.equal(await first.textContent(`[data-testid=my-per-question] ${q("q5")} td:last-child`), "6.5");
  await screenshot(first, "exam-my-result-phone");

  const home = await newPage(browser, api.baseUrl);
  await signInAs(home, author);
  await home.waitForSelector(`[data-exam="${examId}"][data-status=results_published]`);
  await screenshot(home, "exam-home-teacher");
  await home.click("[data-testid=lang]");
  await home.waitForSelector(`.my-exams h2:text-is("My exams")`);
  assert.equal(await home.textContent(`[data-exam="${examId}"] .status-tag`), "Results published");
  await home.click(`[data-exam="${examId}"] a:text-is("Results")`);
  await home.waitForSelector("[data-testid=score-chart][aria-label^='Score distribution: 0–2 points: 1']");
});

test("a student can open neither the authoring nor the results of an exam, and has no author's exam list (a draft is not among theirs)", async () => {
  const token = await tokenFor(api.baseUrl, author);
  const { id } = await restAs(api.baseUrl, token, "POST", "/api/exams", {
    title: "草稿",
    subject: "信息技术",
    questions: [{ id: "q1", kind: "truefalse", points: 1, stem: "1 > 0", answer: true }],
    opensAt: new Date(Date.now() + 3_600_000).toISOString(),
    durationMinutes: 10,
    lateJoinMinutes: 0,
    roster: [wang.userId],
  });
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, wang);
  await student.waitForSelector("[data-testid=my-sittings], [data-testid=no-sittings]");
  assert.equal(await student.$(`[data-exam="${id}"]`), null);
  assert.equal(await student.$("[data-testid=my-exams]"), null);
  assert.equal(await student.$("[data-testid=new-exam]"), null);
  for (const screen of ["edit", "results", "marking"]) {
    await student.goto(`/exams/${id}/${screen}`);
    await student.waitForSelector("[role=alert]:has-text('你没有权限执行此操作')");
    assert.equal(await student.$("textarea[name=q1-stem]"), null);
    assert.equal(await student.$("[data-testid=result-table]"), null);
  }
});

test("under double marking, two far-apart marks and a third far from both go to arbitration, which the author settles in the marking screen", async () => {
  const token = await tokenFor(api.baseUrl, author);
  const { id } = await restAs(api.baseUrl, token, "POST", "/api/exams", {
    title: "双评测验",
    subject: "信息技术",
    questions: [{ id: "q1", kind: "short", points: 10, stem: "谈谈你对网络安全的认识。" }],
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    lateJoinMinutes: 30,
    roster: [zhou.userId],
    marking: { mode: "double", tolerance: 1 },
    markers: markers.map((m) => m.userId),
  });
  await restAs(api.baseUrl, token, "POST", `/api/exams/${id}/publish`);
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, zhou);
  await takeExam(student, id, async (page) => {
    await page.fill("textarea[name=answer-q1]", "不随意点击陌生链接，定期更换密码。");
    await page.waitForSelector("[data-question=q1] [data-save=saved]");
  });

  // A marker who is not the author cannot read the paper, so they name the question to mark.
  const first = await newPage(browser, api.baseUrl);
  await signInAs(first, markers[0]);
  await first.goto(`/exams/${id}/marking`);
  await first.fill("input[name=questionId]", "q1");
  await first.click("[data-testid=marking] form.inline button[type=submit]");
  await nextTask(first);
  assert.equal(await first.$("[data-testid=arbitration]"), null);
  await first.fill("input[name=points]", "2");
  await first.click("[data-testid=marking-task] button[type=submit]");
  await first.waitForSelector("[data-testid=mark-recorded]:has-text('等待其他阅卷老师')");
  await first.waitForSelector("[data-testid=queue-empty]");

  for (const [marker, points] of [[markers[1], 8], [markers[2], 5]]) {
    const markerToken = await tokenFor(api.baseUrl, marker);
    const task = await restAs(api.baseUrl, markerToken, "GET", `/api/exams/${id}/marking/next?questionId=q1`);
    assert.equal(task.arbitration, false);
    const recorded = await restAs(api.baseUrl, markerToken, "POST", `/api/exams/${id}/marks`, { attemptRef: task.attemptRef, questionId: "q1", points });
    assert.equal(recorded.final, null);
  }

  const teacher = await newPage(browser, api.baseUrl);
  await signInAs(teacher, author);
  await teacher.goto(`/exams/${id}/marking`);
  await teacher.click("[data-pick=q1]");
  await teacher.waitForSelector("[data-testid=marking-task] [data-testid=arbitration]");
  assert.match(await teacher.textContent("[data-testid=marking-progress]"), /待仲裁 1 份/);
  await teacher.fill("input[name=points]", "7");
  await teacher.click("[data-testid=marking-task] button[type=submit]");
  await teacher.waitForSelector("[data-testid=mark-recorded]:has-text('最终得分 7 分')");
  await teacher.waitForSelector("[data-testid=queue-empty]");

  const results = await restAs(api.baseUrl, token, "GET", `/api/exams/${id}/results`);
  assert.equal(results.students[0].score, 7);
  assert.equal(results.students[0].pendingMarking, 0);
});
