import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { artifacts, launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

// Three teachers of one cross-county group, and one teacher outside it.
const wang = { userId: "t-1001", name: "王组长", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-1002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };
const zhou = { userId: "t-1003", name: "周老师", role: "teacher", school: "3303012", county: "萧山区" };
const outsider = { userId: "t-1009", name: "吴老师", role: "teacher", school: "3304001", county: "临安区" };

// The default rubric's weights (objectives 15, content 20, methods 20, organisation 15, effect 20, skill 10).
const zhouScores = { objectives: 5, content: 4, methods: 4, organisation: 3, effect: 5, skill: 4 }; // total 84
const wangScores = { objectives: 3, content: 3, methods: 4, organisation: 4, effect: 3, skill: 5 }; // total 71
const trackWidth = 330;

let api;
let browser;
let groupId;
before(async () => {
  api = await startApi("observation");
  browser = await launchBrowser();
  const token = await tokenFor(api.baseUrl, wang);
  ({ id: groupId } = await restAs(api.baseUrl, token, "POST", "/api/groups", { name: "初中数学跨区教研组", subject: "数学", grade: "七年级" }));
  for (const member of [li, zhou]) await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/members`, member);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

async function openFromGroup(page, title) {
  await page.goto(`/groups/${groupId}`);
  await page.click(`a[data-session=observation]:has-text('${title}')`);
  await page.waitForSelector("[data-testid=observation]");
}

async function rateWith(page, scores, comment) {
  for (const [key, value] of Object.entries(scores)) {
    await page.click(`[data-testid=rating-form] [data-dimension=${key}] label:has(input[value="${value}"])`);
  }
  await page.fill("[data-testid=rating-form] textarea[name=comment]", comment);
  await page.click("[data-testid=rating-form] button[type=submit]");
}

async function addNote(page, text, { isPrivate = false } = {}) {
  await page.setChecked("[data-testid=note-form] input[name=private]", isPrivate);
  await page.fill("[data-testid=note-form] textarea[name=note]", text);
  await page.press("[data-testid=note-form] textarea[name=note]", "Enter");
  await page.waitForSelector(`[data-testid=notes] li[data-note]:has-text('${text}')`);
}

const noteTexts = (page) => page.locator("[data-testid=notes] li[data-note] p").allTextContents();
const barWidth = (page, key) => page.getAttribute(`[data-testid=aggregate] rect[data-bar=${key}]`, "width").then(Number);
const aggregateWith = (page, count) => page.waitForSelector(`[data-testid=aggregate][data-count="${count}"]`);

test("the leader schedules and starts a lesson; notes, ratings and the live aggregate reach the others; the report opens", async () => {
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await leader.goto(`/groups/${groupId}`);
  await leader.click("summary:has-text('安排听评课')");
  await leader.fill("[data-testid=schedule-observation] input[name=observationTitle]", "《一元一次方程》公开课");
  await leader.selectOption("[data-testid=schedule-observation] select[name=teacherId]", li.userId);
  await leader.click("[data-testid=schedule-observation] button[type=submit]");
  await leader.waitForURL(/\/observations\/ob-/);
  const observationPath = new URL(leader.url()).pathname;
  await leader.waitForSelector("[data-testid=observation][data-status=scheduled]");
  assert.match(await leader.textContent("[data-testid=observation]"), /授课教师：李老师/);

  const teacher = await newPage(browser, api.baseUrl);
  await signInAs(teacher, li);
  await openFromGroup(teacher, "《一元一次方程》公开课");
  assert.equal(new URL(teacher.url()).pathname, observationPath);
  const observer = await newPage(browser, api.baseUrl);
  await signInAs(observer, zhou);
  await openFromGroup(observer, "《一元一次方程》公开课");
  // Only the observed teacher and the leader start and end a lesson.
  assert.equal(await observer.locator("button[data-action=start]").count(), 0);
  await teacher.waitForSelector("button[data-action=start]");

  await leader.click("button[data-action=start]");
  for (const page of [leader, teacher, observer]) await page.waitForSelector("[data-testid=observation][data-status=live]");
  await observer.waitForSelector("[data-testid=lesson-clock]");

  await addNote(observer, "情境导入自然，学生兴趣高");
  await addNote(observer, "板书第二行有笔误，课后提醒", { isPrivate: true });
  await addNote(observer, "小组合作分工明确");
  assert.deepEqual(await noteTexts(observer), ["情境导入自然，学生兴趣高", "板书第二行有笔误，课后提醒", "小组合作分工明确"]);
  assert.equal(await observer.getAttribute("[data-testid=notes] li:has-text('板书第二行')", "data-visibility"), "private");
  assert.match(await observer.textContent("[data-testid=notes] li:has-text('板书第二行')"), /仅自己可见/);
  // The note after the private one reached the others, so the private one would have too had it been sent to them.
  for (const page of [leader, teacher]) {
    await page.waitForSelector("[data-testid=notes] li:has-text('小组合作分工明确')");
    assert.deepEqual(await noteTexts(page), ["情境导入自然，学生兴趣高", "小组合作分工明确"]);
  }
  assert.match(await leader.textContent("[data-testid=notes] li:has-text('情境导入')"), /^\d+:\d\d周老师/);

  // The observed teacher is told plainly that they do not rate their own lesson, and gets no form.
  await teacher.waitForSelector("[data-testid=cannot-rate]");
  assert.equal(await teacher.locator("[data-testid=rating-form]").count(), 0);

  assert.equal(await leader.getAttribute("[data-testid=aggregate]", "data-count"), "0");
  assert.equal(await leader.textContent("[data-testid=weighted-total]"), "—");
  assert.equal(await barWidth(leader, "objectives"), 0);
  await rateWith(observer, zhouScores, "设计新颖，建议多给学生展示时间");
  await observer.waitForSelector("[data-testid=my-rating][data-total='84']");
  // The observer's rating moves the chart on the leader's and the teacher's screens.
  for (const page of [leader, teacher]) {
    await aggregateWith(page, 1);
    assert.equal(await page.textContent("[data-testid=weighted-total]"), "84");
    assert.equal(await barWidth(page, "objectives"), trackWidth);
    assert.equal(await barWidth(page, "organisation"), (trackWidth * 3) / 5);
    assert.equal(await barWidth(page, "total"), (trackWidth * 84) / 100);
  }

  await rateWith(leader, wangScores, "目标达成度较好");
  await leader.waitForSelector("[data-testid=my-rating][data-total='71']");
  await aggregateWith(observer, 2);
  assert.equal(await observer.textContent("[data-testid=weighted-total]"), "77.5");
  assert.equal(await observer.getAttribute("[data-testid=aggregate] [data-dimension=content]", "data-mean"), "3.5");
  assert.equal(await barWidth(observer, "content"), (trackWidth * 3.5) / 5);
  assert.equal(await barWidth(observer, "skill"), (trackWidth * 4.5) / 5);
  assert.equal(await barWidth(observer, "total"), (trackWidth * 77.5) / 100);
  await observer.evaluate(() => window.scrollTo(0, 0));
  await screenshot(observer, "observation-live");
  await leader.screenshot({ path: join(artifacts, "observation-live-full.png"), fullPage: true });

  await teacher.click("button[data-action=end]");
  for (const page of [leader, teacher, observer]) await page.waitForSelector("[data-testid=observation][data-status=ended]");
  await observer.waitForSelector("[data-testid=report-total]:text-is('77.5')");
  assert.match(await observer.textContent("[data-testid=report]"), /2 人已评分 · 听课人数 2/);
  assert.match(await observer.textContent("[data-testid=by-county]"), /西湖区 1.*萧山区 1|萧山区 1.*西湖区 1/);
  assert.match(await observer.textContent("[data-testid=report-comments]"), /设计新颖/);
  assert.equal(await observer.locator("button[data-action=finalize]").count(), 0);

  await leader.click("button[data-action=finalize]");
  for (const page of [leader, observer]) await page.waitForSelector("[data-testid=report][data-final=true]");
  await observer.waitForSelector("[data-testid=observation][data-status=finalized]");
  await observer.waitForSelector("[data-testid=rating-closed]");
  await observer.locator("[data-testid=report]").scrollIntoViewIfNeeded();
  await screenshot(observer, "observation-report");

  const [printable] = await Promise.all([leader.context().waitForEvent("page"), leader.click("[data-testid=printable-report]")]);
  await printable.waitForLoadState();
  const page = await printable.textContent("body");
  assert.match(page, /《一元一次方程》公开课/);
  assert.match(page, /77\.5/);
  assert.match(page, /情境导入自然/);
  assert.doesNotMatch(page, /板书第二行/);
  await screenshot(printable, "observation-printable");

  // A fresh Join gives the private note to its author alone.
  await teacher.reload();
  await teacher.waitForSelector("[data-testid=observation][data-status=finalized]");
  assert.deepEqual(await noteTexts(teacher), ["情境导入自然，学生兴趣高", "小组合作分工明确"]);
  await observer.reload();
  await observer.waitForSelector("[data-testid=notes] li[data-visibility=private]:has-text('板书第二行')");
});

test("a teacher outside the group cannot open its observation, and a member may not schedule a colleague's lesson", async () => {
  const token = await tokenFor(api.baseUrl, wang);
  const { id } = await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/observations`, {
    title: "《有理数》研讨课", teacherId: zhou.userId, subject: "数学", grade: "七年级", startsAt: new Date().toISOString(),
  });
  const stranger = await newPage(browser, api.baseUrl);
  await signInAs(stranger, outsider);
  await stranger.goto(`/observations/${id}`);
  await stranger.waitForSelector("[role=alert]:has-text('你不是该组的成员。')");
  assert.equal(await stranger.locator("[data-testid=observation]").count(), 0);

  // A member who does not lead the group is offered only their own lesson, and the server refuses anyone else's.
  const member = await newPage(browser, api.baseUrl);
  await signInAs(member, li);
  await member.goto(`/groups/${groupId}`);
  await member.click("summary:has-text('安排听评课')");
  const offered = await member.locator("[data-testid=schedule-observation] select[name=teacherId] option").evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(offered, [li.userId]);
  const refused = await member.evaluate(async ({ groupId, teacherId }) => {
    const { token } = JSON.parse(sessionStorage.getItem("collab.session"));
    const response = await fetch(`/api/groups/${groupId}/observations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "代排的课", teacherId, subject: "数学", grade: "七年级", startsAt: new Date().toISOString() }),
    });
    return { status: response.status, code: (await response.json()).code };
  }, { groupId, teacherId: zhou.userId });
  assert.deepEqual(refused, { status: 403, code: "forbidden" });
});

test("before the lesson the leader reworks the rubric and an observer's screen follows; weights off 100 cannot be saved", async () => {
  const token = await tokenFor(api.baseUrl, wang);
  const { id } = await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/observations`, {
    title: "《数轴》研讨课", teacherId: li.userId, subject: "数学", grade: "七年级", startsAt: new Date().toISOString(),
  });
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await leader.goto(`/observations/${id}`);
  const observer = await newPage(browser, api.baseUrl);
  await signInAs(observer, zhou);
  await observer.goto(`/observations/${id}`);
  await observer.waitForSelector("[data-testid=observation][data-status=scheduled]");
  // Only the observed teacher and the leader may change the rubric.
  assert.equal(await observer.locator("[data-testid=rubric-editor]").count(), 0);

  await leader.click("summary:has-text('编辑评价量表')");
  const editor = "[data-testid=rubric-editor]";
  await leader.fill(`${editor} tr[data-row=skill] input[name=weight]`, "5");
  await leader.waitForSelector(`${editor} [data-testid=weight-sum][data-sum="95"]`);
  assert.equal(await leader.isDisabled(`${editor} button[type=submit]`), true);
  await leader.click(`${editor} button[data-action=add-dimension]`);
  const added = `${editor} tbody tr:last-child`;
  await leader.fill(`${added} input[name=name]`, "信息技术运用");
  await leader.fill(`${added} input[name=weight]`, "5");
  await leader.fill(`${added} textarea[name=descriptors]`, "恰当使用交互式白板\n技术服务于教学目标");
  await leader.waitForSelector(`${editor} [data-testid=weight-sum][data-sum="100"]`);
  await screenshot(leader, "observation-rubric-editor");
  await leader.click(`${editor} button[type=submit]`);

  // rubric.changed reaches the observer: a seventh bar, and the new weight of the sixth.
  await observer.waitForSelector("[data-testid=aggregate] [data-dimension=item-7]:has-text('信息技术运用')");
  assert.equal(await observer.locator("[data-testid=aggregate] .ob-row:not(.total)").count(), 7);
  assert.match(await observer.textContent("[data-testid=aggregate] [data-dimension=skill]"), /×5/);

  await leader.click("button[data-action=start]");
  await observer.waitForSelector("[data-testid=observation][data-status=live]");
  await leader.waitForSelector(editor, { state: "detached" });
  assert.equal(await observer.locator("[data-testid=rating-form] [data-dimension]").count(), 7);
  assert.match(await observer.textContent("[data-testid=rating-form] [data-dimension=item-7]"), /恰当使用交互式白板；技术服务于教学目标/);
});

test("a note written while the Api is away shows as sending, and after the re-join it is stored once and reaches the leader", async () => {
  const token = await tokenFor(api.baseUrl, wang);
  const { id } = await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/observations`, {
    title: "《绝对值》常态课", teacherId: li.userId, subject: "数学", grade: "七年级", startsAt: new Date().toISOString(),
  });
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await leader.goto(`/observations/${id}`);
  await leader.click("button[data-action=start]");
  await leader.waitForSelector("[data-testid=observation][data-status=live]");
  const observer = await newPage(browser, api.baseUrl);
  await signInAs(observer, zhou);
  await observer.goto(`/observations/${id}`);
  await observer.waitForSelector("[data-testid=note-form]");

  await api.stopProcess();
  await observer.waitForSelector("[data-testid=connection-banner]");
  await observer.fill("[data-testid=note-form] textarea[name=note]", "断线时记下的一条");
  await observer.press("[data-testid=note-form] textarea[name=note]", "Enter");
  await observer.waitForSelector("[data-testid=notes] li.pending:has-text('断线时记下的一条')");

  await api.startProcess();
  await observer.waitForSelector("[data-testid=connection-banner]", { state: "detached", timeout: 60_000 });
  await leader.waitForSelector("[data-testid=notes] li[data-note]:has-text('断线时记下的一条')", { timeout: 60_000 });
  await observer.waitForSelector("[data-testid=notes] li.pending", { state: "detached" });
  assert.deepEqual(await noteTexts(leader), ["断线时记下的一条"]);
  assert.deepEqual(await noteTexts(observer), ["断线时记下的一条"]);
});
