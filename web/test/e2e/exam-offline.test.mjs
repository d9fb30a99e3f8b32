import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const author = { userId: "t-3101", name: "周老师", role: "teacher", school: "3301001", county: "西湖区" };
const sun = { userId: "s-2101", name: "孙同学", role: "student", school: "3301001", county: "西湖区" };
const li = { userId: "s-2102", name: "李同学", role: "student", school: "3301001", county: "西湖区" };
const wu = { userId: "s-2103", name: "吴同学", role: "student", school: "3301001", county: "西湖区" };

const paper = [
  { id: "q1", kind: "single", points: 2, stem: "1 + 1 = ?", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }], answer: "b" },
  { id: "q2", kind: "single", points: 2, stem: "2 + 2 = ?", options: [{ id: "a", text: "4" }, { id: "b", text: "5" }], answer: "a" },
  { id: "q3", kind: "truefalse", points: 2, stem: "内存断电后数据会丢失。", answer: true },
  { id: "q4", kind: "fill", points: 2, stem: "一个字节有 __ 位。", answer: [["8"]] },
  { id: "q5", kind: "truefalse", points: 2, stem: "硬盘是输入设备。", answer: false },
];

let api;
let browser;
let authorToken;
let examId;
let shortExamId;

async function createExam(body) {
  const { id } = await restAs(api.baseUrl, authorToken, "POST", "/api/exams", {
    title: "断网演练",
    subject: "信息技术",
    shuffleQuestions: false,
    shuffleOptions: false,
    ...body,
  });
  await restAs(api.baseUrl, authorToken, "POST", `/api/exams/${id}/publish`);
  return id;
}

before(async () => {
  api = await startApi("exam-offline");
  browser = await launchBrowser();
  authorToken = await tokenFor(api.baseUrl, author);
  examId = await createExam({
    questions: paper,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    lateJoinMinutes: 30,
    roster: [sun.userId, wu.userId],
  });
  shortExamId = await createExam({
    questions: paper.slice(0, 2),
    opensAt: new Date(Date.now() - 5_000).toISOString(),
    durationMinutes: 1,
    lateJoinMinutes: 1,
    roster: [li.userId],
  });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

/**
 * The exam hub's connection under the test's control: "open" passes everything, "replies-lost" still delivers the
 * page's messages but drops the server's (a save arrives, its answer never does), "cut" closes the sockets and refuses
 * new ones (a dead network). Dropped server messages are kept to read the answers the page never got.
 */
async function controlledHub(page) {
  const hub = { mode: "open", sockets: [], waiting: [], sent: [] };
  await page.route("**/hubs/exam/negotiate**", (route) => (hub.mode === "cut" ? route.abort("internetdisconnected") : route.continue()));
  await page.routeWebSocket(/\/hubs\/exam/, (ws) => {
    if (hub.mode === "cut") return void ws.close();
    const server = ws.connectToServer();
    hub.sockets.push({ ws, server });
    ws.onMessage((message) => {
      hub.sent.push(...String(message).split("\u001e").filter(Boolean).map((record) => JSON.parse(record)));
      server.send(message);
    });
    server.onMessage((message) => {
      if (hub.mode === "open") return ws.send(message);
      for (const record of String(message).split("\u001e").filter(Boolean)) {
        const parsed = JSON.parse(record);
        for (const wait of hub.waiting.splice(0)) {
          if (wait.match(parsed)) wait.resolve(parsed);
          else hub.waiting.push(wait);
        }
      }
    });
  });
  /** The first server message matching `match` that the page is not given (SignalR records end with 0x1e). */
  hub.dropped = (match) => new Promise((resolve) => hub.waiting.push({ match, resolve }));
  hub.cut = async () => {
    hub.mode = "cut";
    for (const { ws, server } of hub.sockets.splice(0)) {
      await ws.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    }
  };
  return hub;
}

async function openExam(page, id) {
  await page.fill("input[name=examId]", id);
  await page.click("button:has-text('进入考试')");
  await page.waitForSelector("[data-question=q1]");
}

const saveMark = (page, questionId, state) => page.waitForSelector(`[data-question=${questionId}] [data-save=${state}]`);

/** Waits until this browser keeps `expected` unsent answers for an attempt (the paper's IndexedDB store). */
const keptInBrowser = (page, attempt, expected) =>
  page.waitForFunction(
    ([key, count]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("collab-exam-paper");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("pending").objectStore("pending").index("attempt").count(key);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result === count);
          };
        };
      }),
    [attempt, expected],
  );

describe("the paper on a weak network", { concurrency: true }, () => {
  test("answers given while the hub is unreachable are kept over a reload, resent with their command ids and stored once", async () => {
    const student = await newPage(browser, api.baseUrl);
    const hub = await controlledHub(student);
    await signInAs(student, sun);
    await openExam(student, examId);
    await student.check("input[name=answer-q1][value=b]");
    await saveMark(student, "q1", "saved");

    // The save of q2 reaches the server but its answer is lost on the way back.
    hub.mode = "replies-lost";
    const completion = hub.dropped((record) => record.type === 3 && record.result?.savedAt);
    await student.check("input[name=answer-q2][value=a]");
    await saveMark(student, "q2", "saving");
    const firstSavedAt = (await completion).result.savedAt;
    // Then the network goes: q3 is answered with no server to reach.
    await hub.cut();
    await student.waitForSelector("[data-testid=connection-banner]");
    await student.check("input[name=answer-q3][value=true]");
    await saveMark(student, "q2", "pending");
    await saveMark(student, "q3", "pending");
    await student.waitForSelector("[data-nav=q3][data-save=pending]");
    await keptInBrowser(student, `${sun.userId}/${examId}`, 2);
    await screenshot(student, "exam-offline-pending");

    // The reload comes back with the network; nothing from the old page could be sent in between.
    student.once("framenavigated", () => (hub.mode = "open"));
    await student.reload();
    await student.waitForSelector("[data-testid=paper-notice]:has-text('正在重新发送本机保存的 2 个未发送的答案')");
    await saveMark(student, "q2", "saved");
    await saveMark(student, "q3", "saved");
    assert.equal(await student.isChecked("input[name=answer-q3][value=true]"), true);
    // The resend of q2 was answered as the save it repeats: the server's first time, not a second save.
    assert.equal(await student.getAttribute("[data-question=q2] [data-save=saved]", "data-saved-at"), firstSavedAt);
    await keptInBrowser(student, `${sun.userId}/${examId}`, 0);

    // The navigator: a jump moves focus to the question; a flag shows in it and survives a reload.
    await student.click("[data-nav=q5]");
    assert.equal(await student.evaluate(() => document.activeElement?.id), "question-q5");
    assert.equal(await student.getAttribute("[data-nav=q5]", "aria-current"), "true");
    await student.click("[data-question=q4] [data-action=flag]");
    await student.waitForSelector("[data-nav=q4][data-flagged=true]:has-text('⚑')");
    assert.match(await student.getAttribute("[data-nav=q4]", "aria-label"), /第 4 题：未作答，已标记/);
    await student.reload();
    await student.waitForSelector("[data-nav=q4][data-flagged=true]");
    assert.equal(await student.getAttribute("[data-question=q4] [data-action=flag]", "aria-pressed"), "true");

    // Keyboard only: into the navigator, arrows to question 5, Enter to it, Tab into its choices, Space to answer.
    await student.focus("[data-nav=q1]");
    for (let i = 0; i < 4; i++) await student.keyboard.press("ArrowRight");
    assert.equal(await student.evaluate(() => document.activeElement?.getAttribute("data-nav")), "q5");
    await student.keyboard.press("Enter");
    assert.equal(await student.evaluate(() => document.activeElement?.id), "question-q5");
    await student.keyboard.press("Tab");
    assert.equal(await student.evaluate(() => document.activeElement?.getAttribute("data-action")), "flag");
    await student.keyboard.press("Tab");
    assert.equal(await student.evaluate(() => document.activeElement?.getAttribute("name")), "answer-q5");
    await student.keyboard.press("ArrowDown");
    await saveMark(student, "q5", "saved");
    assert.equal(await student.isChecked("input[name=answer-q5][value=false]"), true);
    await screenshot(student, "exam-offline-navigator");

    // The confirmation names what is left: q4 unanswered and flagged.
    await student.click("[data-testid=submit]");
    // Focus moves to the confirmation once it has rendered.
    await student.waitForFunction(() => document.activeElement?.id === "submit-confirm-title");
    assert.match(await student.textContent("[data-testid=submit-confirm] [data-list=unanswered]"), /第 4 题/);
    assert.match(await student.textContent("[data-testid=submit-confirm] [data-list=flagged]"), /第 4 题/);
    assert.equal(await student.$("[data-testid=submit-confirm] [data-list=unsaved]"), null);
    await student.keyboard.press("Escape");
    await student.waitForSelector("[data-testid=submit-confirm]", { state: "detached" });
    await student.click("[data-testid=submit]");
    await student.click("[data-testid=confirm-submit]");
    await student.waitForSelector("[data-testid=submitted-notice]:has-text('你已交卷')");

    const results = await restAs(api.baseUrl, authorToken, "GET", `/api/exams/${examId}/results`);
    const line = results.students.find((s) => s.studentId === sun.userId);
    assert.equal(line.status, "submitted");
    assert.deepEqual([line.perQuestion.q1, line.perQuestion.q2, line.perQuestion.q3, line.perQuestion.q4, line.perQuestion.q5], [2, 2, 2, 0, 2]);
  });

  test("a new tab after the first one died sends the answers it left, with the dead tab's command ids", async () => {
    const first = await newPage(browser, api.baseUrl);
    const hub = await controlledHub(first);
    await signInAs(first, wu);
    await openExam(first, examId);
    await hub.cut();
    await first.waitForSelector("[data-testid=connection-banner]");
    await first.check("input[name=answer-q1][value=b]");
    await first.fill("input[name=answer-q4-0]", "8");
    await saveMark(first, "q1", "pending");
    await saveMark(first, "q4", "pending");
    await keptInBrowser(first, `${wu.userId}/${examId}`, 2);
    const deadTab = await first.evaluate(() => sessionStorage.getItem("collab.clientId"));
    await first.close({ runBeforeUnload: false });

    // Same browser profile, new tab: its sessionStorage (sign-in, clientId) is new, its IndexedDB is the same.
    const second = await first.context().newPage();
    const secondHub = await controlledHub(second);
    await signInAs(second, wu);
    await openExam(second, examId);
    await saveMark(second, "q1", "saved");
    await saveMark(second, "q4", "saved");
    assert.equal(await second.inputValue("input[name=answer-q4-0]"), "8");
    const saves = secondHub.sent.filter((m) => m.type === 1 && m.target === "SaveAnswer").map((m) => [m.arguments[1].questionId, m.arguments[1].clientId]);
    assert.deepEqual(saves.sort(), [["q1", deadTab], ["q4", deadTab]]);
    assert.notEqual(await second.evaluate(() => sessionStorage.getItem("collab.clientId")), deadTab);
    await keptInBrowser(second, `${wu.userId}/${examId}`, 0);
    await second.click("[data-testid=submit]");
    await second.click("[data-testid=confirm-submit]");
    await second.waitForSelector("[data-testid=submitted-notice]");

    const results = await restAs(api.baseUrl, authorToken, "GET", `/api/exams/${examId}/results`);
    const line = results.students.find((s) => s.studentId === wu.userId);
    assert.deepEqual([line.perQuestion.q1, line.perQuestion.q2, line.perQuestion.q4], [2, 0, 2]);
  });

  test("answers still unsent at the deadline are dropped with a message, and the attempt is submitted without them", async () => {
    const student = await newPage(browser, api.baseUrl);
    const hub = await controlledHub(student);
    await signInAs(student, li);
    await openExam(student, shortExamId);
    await student.check("input[name=answer-q1][value=b]");
    await saveMark(student, "q1", "saved");

    await hub.cut();
    await student.waitForSelector("[data-testid=connection-banner]");
    await student.check("input[name=answer-q2][value=a]");
    await saveMark(student, "q2", "pending");

    await student.waitForSelector("[data-testid=paper-notice]:has-text('考试已结束，1 个未能发送的答案没有保存：第 2 题')", { timeout: 120_000 });
    await student.waitForSelector("[data-testid=submitted-notice]:has-text('考试时间到，系统已自动交卷')");
    assert.equal(await student.isDisabled("input[name=answer-q2][value=b]"), true);
    await keptInBrowser(student, `${li.userId}/${shortExamId}`, 0);

    student.once("framenavigated", () => (hub.mode = "open"));
    await student.reload();
    await student.waitForSelector("[data-testid=submitted-notice]");
    assert.equal(await student.$("[data-testid=paper-notice]"), null);
    const results = await restAs(api.baseUrl, authorToken, "GET", `/api/exams/${shortExamId}/results`);
    const line = results.students.find((s) => s.studentId === li.userId);
    assert.deepEqual([line.status, line.perQuestion.q1, line.perQuestion.q2], ["submitted", 2, 0]);
  });
});
