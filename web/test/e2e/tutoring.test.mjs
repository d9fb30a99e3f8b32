import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const zhang = { userId: "t-2001", name: "张老师", role: "teacher", school: "3301001", county: "西湖区" };
const xiaoming = { userId: "s-3001", name: "小明", role: "student", school: "3302005", county: "余杭区" };
const xiaohong = { userId: "s-3002", name: "小红", role: "student", school: "3303010", county: "萧山区" };
const zhou = { userId: "t-2002", name: "周老师", role: "teacher", school: "3301002", county: "上城区" };
const xiaogang = { userId: "s-3003", name: "小刚", role: "student", school: "3301002", county: "上城区" };
const phone = { width: 390, height: 844 };

let api;
let browser;
before(async () => {
  // A slot is real minutes: the warning comes 55 s before the end, so a one-minute slot warns within seconds.
  api = await startApi("tutoring", ["--Collab:Tutoring:WarningBefore=00:00:55"]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

const board = "[data-testid=board]";

/** Presses the mouse at one point of the canvas (fractions of its size) and drags to another, as a person draws. */
async function drag(page, from, to) {
  await page.locator(board).scrollIntoViewIfNeeded();
  const box = await page.locator(board).boundingBox();
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 12 });
  await page.mouse.up();
}

/** The alpha of one pixel of the board, in the board's own 960×600 coordinates. */
function inkAt(page, x, y) {
  return colourAt(page, x, y).then((rgba) => rgba[3]);
}

function colourAt(page, x, y) {
  return page.$eval(board, (canvas, [px, py]) => [...canvas.getContext("2d").getImageData(px, py, 1, 1).data], [x, y]);
}

async function strokeCount(page, count) {
  await page.waitForSelector(`${board}[data-stroke-count="${count}"][data-pending-count="0"]`);
}

test("a tutor opens a room, admits the first of two students, both draw and chat, a reload restores the board, and the tutor extends, clears and ends the session", async () => {
  const tutor = await newPage(browser, api.baseUrl);
  await signInAs(tutor, zhang);
  await tutor.waitForSelector("[data-testid=tutoring-card] >> text=还没有辅导室。");
  await tutor.fill("[data-testid=create-room] input[name=title]", "初二数学答疑");
  await tutor.fill("[data-testid=create-room] input[name=subject]", "数学");
  await tutor.fill("[data-testid=create-room] input[name=slotMinutes]", "120");
  await tutor.click("[data-testid=create-room] button[type=submit]");
  await tutor.waitForURL(/\/tutoring\/tr-/);
  const roomPath = new URL(tutor.url()).pathname;
  await tutor.waitForSelector("[data-testid=room-status][data-open=false]");
  await tutor.click("[data-testid=toggle-room]");
  await tutor.waitForSelector("[data-testid=room-status][data-open=true]");

  const first = await newPage(browser, api.baseUrl);
  await signInAs(first, xiaoming);
  await first.waitForSelector("[data-testid=open-rooms] li:has-text('初二数学答疑'):has-text('0 人排队')");
  await first.click("[data-testid=open-rooms] li:has-text('初二数学答疑') a");
  await first.waitForURL(roomPath);
  await first.fill("[data-testid=request-help] input[name=topic]", "一元一次方程的移项");
  await first.click("[data-testid=request-help] button[type=submit]");
  await first.waitForSelector("[data-testid=my-position][data-position='1']");

  // Refused: a waiting student's stroke goes to the server, which answers not_admitted; nothing stays on the board.
  await drag(first, [0.2, 0.2], [0.4, 0.3]);
  await first.waitForSelector("[data-testid=board-error] [role=alert]:has-text('尚未被接入')");
  await strokeCount(first, 0);
  assert.equal(await inkAt(first, 288, 240), 0);

  const second = await newPage(browser, api.baseUrl, phone);
  await signInAs(second, xiaohong);
  await second.fill("[data-testid=find-rooms] input[name=subject]", " 数学 ");
  await second.click("[data-testid=find-rooms] button[type=submit]");
  await second.waitForSelector("[data-testid=open-rooms] li:has-text('1 人排队')");
  await second.click("[data-testid=open-rooms] li a");
  await second.fill("[data-testid=request-help] input[name=topic]", "二次根式化简");
  await second.click("[data-testid=request-help] button[type=submit]");
  await second.waitForSelector("[data-testid=my-position][data-position='2']");

  await tutor.waitForSelector(`[data-testid=queue] li:nth-child(2)[data-student="${xiaohong.userId}"]`);
  assert.deepEqual(await tutor.locator("[data-testid=queue] li p").allTextContents(), ["一元一次方程的移项", "二次根式化简"]);
  // A notice from the tutor reaches everyone waiting.
  await tutor.fill("[data-testid=notice-form] input[name=notice]", "请准备好草稿纸，马上开始。");
  await tutor.click("[data-testid=notice-form] button[type=submit]");
  await second.waitForSelector("[data-testid=notices] li:has-text('请准备好草稿纸')");
  await first.waitForSelector("[data-testid=notices] li:has-text('请准备好草稿纸')");
  await tutor.click("[data-testid=admit-next]");
  await tutor.waitForSelector(`[data-testid=session][data-student="${xiaoming.userId}"]`);
  await first.waitForSelector("[data-testid=admitted]");
  await tutor.waitForSelector("[data-testid=student-present][data-present=true]");
  // The one still waiting moves up, told alone (queue.changed with only their position).
  await second.waitForSelector("[data-testid=my-position][data-position='1']");
  const secondsLeft = Number(await first.getAttribute("[data-testid=countdown]", "data-seconds-left"));
  assert.ok(secondsLeft > 7000 && secondsLeft <= 7200, `countdown shows ${secondsLeft} s of a 120-minute slot`);

  // The tutor draws a horizontal line across the middle; it appears on the student's canvas.
  assert.equal(await inkAt(first, 480, 300), 0);
  await drag(tutor, [0.3, 0.5], [0.7, 0.5]);
  await strokeCount(tutor, 1);
  await strokeCount(first, 1);
  assert.ok((await inkAt(first, 480, 300)) > 0, "the tutor's stroke is painted on the student's canvas");
  // The student picks red and draws a vertical line on the left; it appears, red, on the tutor's canvas.
  assert.equal(await inkAt(tutor, 240, 300), 0);
  await first.click("button[aria-label='颜色 #c62828']");
  await drag(first, [0.25, 0.2], [0.25, 0.8]);
  await strokeCount(first, 2);
  await strokeCount(tutor, 2);
  const [red, green, blue, alpha] = await colourAt(tutor, 240, 300);
  assert.ok(alpha > 0 && red > 150 && green < 100 && blue < 100, `the student's red stroke on the tutor's canvas: rgba ${[red, green, blue, alpha]}`);

  await tutor.fill("textarea[name=chat]", "先把含 x 的项移到左边。");
  await tutor.press("textarea[name=chat]", "Enter");
  await first.waitForSelector("[data-testid=chat] li:has-text('先把含 x 的项移到左边')");
  await first.fill("textarea[name=chat]", "明白了，移项要变号。");
  await first.click(".tutor-chat button[type=submit]");
  await tutor.waitForSelector("[data-testid=chat] li:has-text('移项要变号')");
  await tutor.waitForSelector("[data-testid=chat] li.pending", { state: "detached" });
  await screenshot(tutor, "tutoring-tutor");
  await screenshot(first, "tutoring-student");
  await screenshot(second, "tutoring-student-waiting-phone");

  // A reload re-joins: the snapshot brings back both strokes, painted, and the chat.
  await first.reload();
  await strokeCount(first, 2);
  assert.ok((await inkAt(first, 480, 300)) > 0 && (await inkAt(first, 240, 300)) > 0);
  assert.deepEqual(await first.locator("[data-testid=chat] li p").allTextContents(), ["先把含 x 的项移到左边。", "明白了，移项要变号。"]);

  // Extending moves the end the student's countdown shows by five minutes.
  const before = Number(await first.getAttribute("[data-testid=countdown]", "data-seconds-left"));
  await tutor.click("text=延长 5 分钟");
  await first.waitForFunction((was) => Number(document.querySelector("[data-testid=countdown]").dataset.secondsLeft) >= was + 290, before);

  // Clearing empties both boards.
  await tutor.click("[data-testid=clear-board]");
  await strokeCount(tutor, 0);
  await strokeCount(first, 0);
  assert.equal(await inkAt(first, 480, 300), 0);
  assert.equal(await inkAt(tutor, 240, 300), 0);

  await tutor.click("[data-testid=end-session]");
  await tutor.waitForSelector("[data-testid=session-ended][data-reason=tutor]");
  await first.waitForSelector("[data-testid=session-ended][data-reason=tutor]");
  await first.waitForSelector("[data-testid=request-help]");
  await tutor.waitForSelector("[data-testid=history] li:has-text('小明'):has-text('2 笔'):has-text('2 条消息')");
  await tutor.fill("[data-testid=notes] textarea", "移项变号已掌握；下次练习去括号。");
  await tutor.click("[data-testid=notes] button[type=submit]");
  await tutor.waitForSelector("[data-testid=history] .note:has-text('下次练习去括号')");
  // The next student is now at the head of the tutor's queue.
  await tutor.waitForSelector(`[data-testid=queue] li:only-child[data-student="${xiaohong.userId}"]`);
  // The one waiting gives up: they leave the tutor's queue, and can ask again.
  await second.click("[data-testid=cancel-request]");
  await second.waitForSelector("[data-testid=request-help]");
  await tutor.waitForSelector("text=目前没有学生排队。");

  await tutor.goto("/");
  await tutor.waitForSelector("[data-testid=my-rooms] li:has-text('初二数学答疑'):has-text('开放中')");
  await tutor.click("[data-testid=lang]");
  await tutor.waitForSelector("[data-testid=tutoring-card] h2:text-is('Online tutoring')");
  await tutor.waitForSelector("[data-testid=my-rooms] li:has-text('初二数学答疑'):has-text('Open')");
  await tutor.click("[data-testid=lang]");

  // The student finds the session and the tutor's notes on their own home card.
  await first.goto("/");
  await first.waitForSelector("[data-testid=my-sessions] li:has-text('初二数学答疑'):has-text('下次练习去括号')");
});

test("asking a closed room is refused; in an open one the server ends a short slot with a warning first", async () => {
  const { id: roomId } = await restAs(api.baseUrl, await tokenFor(api.baseUrl, zhou), "POST", "/api/tutoring/rooms", {
    title: "物理答疑", subject: "物理", slotMinutes: 1,
  });
  const student = await newPage(browser, api.baseUrl, phone);
  await signInAs(student, xiaogang);
  await student.goto(`/tutoring/${roomId}`);
  await student.waitForSelector("text=辅导室未开放，请稍后再来。");
  await student.fill("[data-testid=request-help] input[name=topic]", "牛顿第二定律");
  await student.click("[data-testid=request-help] button[type=submit]");
  await student.waitForSelector("[role=alert]:has-text('尚未开放')");
  assert.equal(await student.locator("[data-testid=my-position]").count(), 0);

  const tutor = await newPage(browser, api.baseUrl);
  await signInAs(tutor, zhou);
  await tutor.click("[data-testid=my-rooms] a:has-text('物理答疑')");
  await tutor.click("[data-testid=toggle-room]");
  await student.waitForSelector("[data-testid=room-status][data-open=true]");
  await student.click("[data-testid=request-help] button[type=submit]");
  await student.waitForSelector("[data-testid=my-position][data-position='1']");
  await tutor.waitForSelector(`[data-testid=queue] li[data-student="${xiaogang.userId}"]`);
  await tutor.click("[data-testid=admit-next]");
  await student.waitForSelector("[data-testid=admitted]");
  await student.waitForSelector("[data-testid=warning]", { timeout: 15_000 });
  await tutor.waitForSelector("[data-testid=warning]");
  await screenshot(student, "tutoring-student-warning-phone");
  // The server's real clock ends the one-minute slot; the wait is for its event, however long the minute has left.
  await student.waitForSelector("[data-testid=session-ended][data-reason=time_up]", { timeout: 75_000 });
  await tutor.waitForSelector("[data-testid=session-ended][data-reason=time_up]");
  assert.match(await student.textContent("[data-testid=session-ended]"), /时间到/);
});

test("a stroke drawn while the Api is away waits on the board and, once both re-join, lands on both canvases exactly once", async () => {
  const { id: roomId } = await restAs(api.baseUrl, await tokenFor(api.baseUrl, zhang), "POST", "/api/tutoring/rooms", {
    title: "断线重连演练", subject: "数学", slotMinutes: 120,
  });
  const tutor = await newPage(browser, api.baseUrl);
  await signInAs(tutor, zhang);
  await tutor.goto(`/tutoring/${roomId}`);
  await tutor.click("[data-testid=toggle-room]");
  await tutor.waitForSelector("[data-testid=room-status][data-open=true]");
  const student = await newPage(browser, api.baseUrl);
  await signInAs(student, xiaogang);
  await student.goto(`/tutoring/${roomId}`);
  await student.fill("[data-testid=request-help] input[name=topic]", "重连以后还在吗");
  await student.click("[data-testid=request-help] button[type=submit]");
  await tutor.waitForSelector(`[data-testid=queue] li[data-student="${xiaogang.userId}"]`);
  await tutor.click("[data-testid=admit-next]");
  await student.waitForSelector("[data-testid=admitted]");

  await api.stopProcess();
  await student.waitForSelector("[data-testid=connection-banner]");
  await drag(student, [0.1, 0.9], [0.9, 0.9]);
  await student.waitForSelector(`${board}[data-stroke-count="0"][data-pending-count="1"]`);
  assert.ok((await inkAt(student, 480, 540)) > 0, "the waiting stroke is painted locally");

  await api.startProcess();
  await student.waitForSelector("[data-testid=connection-banner]", { state: "detached", timeout: 60_000 });
  await tutor.waitForSelector("[data-testid=connection-banner]", { state: "detached", timeout: 60_000 });
  await strokeCount(student, 1);
  await strokeCount(tutor, 1);
  assert.ok((await inkAt(tutor, 480, 540)) > 0, "the resent stroke is painted on the tutor's canvas");
  await student.waitForSelector("[data-testid=admitted]");
  await tutor.click("[data-testid=end-session]");
  await student.waitForSelector("[data-testid=session-ended][data-reason=tutor]");
  await tutor.waitForSelector("[data-testid=history] li:has-text('重连以后还在吗'):has-text('1 笔')");
});
