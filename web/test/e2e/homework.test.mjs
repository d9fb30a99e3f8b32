import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assistant, cityStudent, host, importCityClasses, ruralStudent } from "./cityClasses.mjs";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

let api;
let browser;
before(async () => {
  api = await startApi("homework");
  browser = await launchBrowser();
  await importCityClasses(api.baseUrl);
  // The host's 1+X classroom links her class with the rural one, so the homework form offers that class to tick.
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, host), "POST", "/api/classrooms", {
    title: "一次函数", subject: "数学", grade: "8", startsAt: new Date().toISOString(), hostClassId: "c-host", linkedClassIds: ["c-rural"],
  });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

/** Polls the server's own word (a student's home list) until it reports the homework closed; the due time is the server's. */
async function untilClosed(student, homeworkId, timeoutMs = 30_000) {
  const token = await tokenFor(api.baseUrl, student);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await restAs(api.baseUrl, token, "GET", "/api/me/homework");
    if (list.find((h) => h.id === homeworkId)?.status === "closed") return;
    if (Date.now() > deadline) throw new Error(`homework ${homeworkId} did not close within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function answerAndSubmit(page, homeworkId, option, text) {
  await page.click(`[data-testid="homework-${homeworkId}"] a`);
  await page.waitForSelector("[data-testid=homework-take][data-role=student][data-status=open]");
  assert.equal(await page.locator("[data-testid^=key-]").count(), 0, "no key before the due time");
  await page.check(`input[name=answer-q1][value=${option}]`);
  await page.fill("textarea[name=answer-q2]", text);
  await page.click("[data-testid=homework-submit]");
}

test("a host sets homework for her class and a rural one; both students submit, each class's teacher marks her own, the host compares the classes", async () => {
  const hostPage = await newPage(browser, api.baseUrl);
  await signInAs(hostPage, host);
  await hostPage.click("[data-testid=set-homework]");
  await hostPage.waitForSelector("[data-testid=homework-set]");
  await hostPage.fill("input[name=title]", "一次函数练习");
  await hostPage.fill("input[name=subject]", "数学");
  await hostPage.click("button[data-add=single]");
  await hostPage.fill("textarea[name=q1-stem]", "y=2x+1 的斜率是？");
  for (const [id, text] of [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]]) await hostPage.fill(`input[name=q1-option-${id}]`, text);
  await hostPage.check("input[name=q1-correct][value=b]");
  await hostPage.click("button[data-add=short]");
  await hostPage.fill("textarea[name=q2-stem]", "说说斜率的意义");
  await hostPage.fill("textarea[name=q2-reference]", "直线的倾斜程度");

  // No class chosen: the server refuses with its code and nothing is set.
  await hostPage.click("[data-testid=homework-submit-set]");
  await hostPage.waitForSelector("[data-testid=refusal][data-code=invalid_argument]");
  assert.match(hostPage.url(), /\/homework\/new$/);

  await hostPage.check("input[name=homeworkClass][value=c-host]");
  await hostPage.check("input[name=homeworkClass][value=c-rural]");
  await hostPage.click("[data-testid=homework-submit-set]");
  await hostPage.waitForURL(/\/homework\/(?!new)[^/]+$/);
  const homeworkId = decodeURIComponent(hostPage.url().split("/").at(-1));
  await hostPage.waitForSelector("[data-testid=homework-take][data-role=teacher] [data-testid=key-q1]");

  const phone = { width: 390, height: 844 };
  const cityPhone = await newPage(browser, api.baseUrl, phone);
  const ruralPhone = await newPage(browser, api.baseUrl, phone);
  for (const [page, user] of [[cityPhone, cityStudent], [ruralPhone, ruralStudent]]) {
    await signInAs(page, user);
    await page.waitForSelector(`[data-testid=homework-open] [data-testid="homework-${homeworkId}"][data-submitted=no]`);
    const view = await restAs(api.baseUrl, await tokenFor(api.baseUrl, user), "GET", `/api/homework/${homeworkId}`);
    assert.equal(view.keys, null);
    assert.ok(view.questions.every((q) => !("answer" in q) && !("reference" in q)), "a student's view carries no key");
  }

  await answerAndSubmit(cityPhone, homeworkId, "a", "倾斜");
  await cityPhone.waitForSelector("[data-testid=homework-accepted][data-revision='1']");
  // A second thought before the due time: the resubmission replaces the first, and the server says when it took it.
  await cityPhone.check("input[name=answer-q1][value=b]");
  await cityPhone.fill("textarea[name=answer-q2]", "斜率表示直线的倾斜程度");
  await cityPhone.click("[data-testid=homework-submit]");
  await cityPhone.waitForSelector("[data-testid=homework-accepted][data-revision='2']");
  const acceptedAt = await cityPhone.getAttribute("[data-testid=homework-accepted]", "data-at");
  assert.ok(!Number.isNaN(Date.parse(acceptedAt)));
  await screenshot(cityPhone, "homework-student-phone");

  await answerAndSubmit(ruralPhone, homeworkId, "a", "不知道");
  await ruralPhone.waitForSelector("[data-testid=homework-accepted][data-revision='1']");

  // The rural teacher is offered her own student's answer only, marks it, and is refused the host's student.
  const assistantPage = await newPage(browser, api.baseUrl);
  await signInAs(assistantPage, assistant);
  await assistantPage.click(`[data-testid="homework-${homeworkId}"] a[data-link=marking]`);
  await assistantPage.click("button[data-pick=q2]");
  await assistantPage.waitForSelector(`[data-testid=homework-marking-task][data-student=${ruralStudent.userId}] [data-remaining='1']`);
  await assistantPage.fill("input[name=points]", "6");
  await assistantPage.click("[data-testid=submit-mark]");
  await assistantPage.waitForSelector("[data-testid=marking-done]");
  await assert.rejects(
    restAs(api.baseUrl, await tokenFor(api.baseUrl, assistant), "POST", `/api/homework/${homeworkId}/marks`, { studentId: cityStudent.userId, questionId: "q2", points: 10 }),
    /403.*forbidden/,
  );

  await hostPage.goto(`/homework/${encodeURIComponent(homeworkId)}/marking`);
  await hostPage.click("button[data-pick=q2]");
  await hostPage.waitForSelector(`[data-testid=homework-marking-task][data-student=${cityStudent.userId}] [data-remaining='1']`);
  assert.match(await hostPage.locator("[data-testid=marking-answer]").textContent(), /斜率表示直线的倾斜程度/, "the resubmitted answer is the one marked");
  await hostPage.fill("input[name=points]", "11");
  await hostPage.click("[data-testid=submit-mark]");
  await hostPage.waitForSelector("[data-testid=points-invalid]");
  await hostPage.fill("input[name=points]", "8");
  await hostPage.click("[data-testid=submit-mark]");
  await hostPage.waitForSelector("[data-testid=marking-done]");

  // Side by side: the city student scored 2 + 8, the rural one 0 + 6.
  await hostPage.goto(`/homework/${encodeURIComponent(homeworkId)}/results`);
  await hostPage.waitForSelector("[data-testid=class-table] tr[data-class=c-host][data-count='1'][data-submitted='1'][data-mean='10'][data-max='10']");
  await hostPage.waitForSelector("[data-testid=class-table] tr[data-class=c-rural][data-count='1'][data-submitted='1'][data-mean='6'][data-min='6']");
  assert.deepEqual(
    await hostPage.$$eval("[data-testid=class-table] tbody tr", (rows) => rows.map((r) => r.dataset.class)),
    ["c-host", "c-rural"],
  );
  await hostPage.waitForSelector(`[data-testid=student-table] tr[data-student=${cityStudent.userId}][data-score='10']`);
  await hostPage.waitForSelector(`[data-testid=student-table] tr[data-student=${ruralStudent.userId}][data-score='6']`);
  await screenshot(hostPage, "homework-results");
});

test("a submission after the due time is refused with deadline_passed and the form turns read-only", async () => {
  const dueAt = new Date(Date.now() + 4_000).toISOString();
  const { id } = await restAs(api.baseUrl, await tokenFor(api.baseUrl, host), "POST", "/api/homework", {
    title: "课前小测", subject: "数学", classIds: ["c-host"], dueAt,
    questions: [{ id: "q1", kind: "truefalse", points: 1, stem: "y=5 是一次函数", answer: false }],
  });
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, cityStudent);
  await page.click(`[data-testid="homework-${id}"] a`);
  await page.waitForSelector("[data-testid=homework-take][data-status=open]");
  await page.check("input[name=answer-q1][value=false]");

  await untilClosed(cityStudent, id);
  await page.click("[data-testid=homework-submit]");
  await page.waitForSelector("[data-testid=refusal][data-code=deadline_passed]");
  await page.waitForSelector("[data-testid=homework-take][data-status=closed] [data-testid=homework-closed]");
  assert.equal(await page.isDisabled("[data-testid=homework-submit]"), true);
  assert.equal(await page.isDisabled("input[name=answer-q1][value=true]"), true);
  await page.waitForSelector("[data-testid=key-q1]");
  await page.goto("/");
  await page.waitForSelector(`[data-testid=homework-past] [data-testid="homework-${id}"][data-submitted=no]`);
});
