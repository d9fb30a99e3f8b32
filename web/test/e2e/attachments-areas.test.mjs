import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { draftInEditor } from "./examDrafts.mjs";
import { launchBrowser, newPage, screenshot, signInAs, startApi } from "./harness.mjs";

const zhang = { userId: "t-2101", name: "张老师", role: "teacher", school: "3301001", county: "西湖区" };
const xiaoming = { userId: "s-3101", name: "小明", role: "student", school: "3302005", county: "余杭区" };
const lin = { userId: "t-4101", name: "林老师", role: "teacher", school: "3301001", county: "西湖区" };
const wang = { userId: "s-4201", name: "王同学", role: "student", school: "3301001", county: "西湖区" };

/** A 4×3 PNG, drawn in the browser so that its bytes are a real image that an <img> decodes. */
async function pngFrom(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 4;
    canvas.height = 3;
    const context = canvas.getContext("2d");
    context.fillStyle = "#1565c0";
    context.fillRect(0, 0, 4, 3);
    return canvas.toDataURL("image/png").split(",")[1];
  });
  return Buffer.from(base64, "base64");
}

/** The natural size of a shown image once it has loaded: what the browser decoded from the bytes it fetched. */
async function loadedSize(page, selector) {
  const image = await page.waitForSelector(selector);
  await page.waitForFunction((element) => element.complete && element.naturalWidth > 0, image);
  return image.evaluate((element) => [element.naturalWidth, element.naturalHeight]);
}

let api;
let browser;
before(async () => {
  api = await startApi("attachments-areas");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a tutor uploads a photo in a session and puts it under the board; the student's panel lists it at once and the board shows it", async () => {
  const tutor = await newPage(browser, api.baseUrl);
  await signInAs(tutor, zhang);
  await tutor.fill("[data-testid=create-room] input[name=title]", "几何作图答疑");
  await tutor.fill("[data-testid=create-room] input[name=subject]", "数学");
  await tutor.fill("[data-testid=create-room] input[name=slotMinutes]", "60");
  await tutor.click("[data-testid=create-room] button[type=submit]");
  await tutor.waitForURL(/\/tutoring\/tr-/);
  const roomPath = new URL(tutor.url()).pathname;
  await tutor.click("[data-testid=toggle-room]");
  await tutor.waitForSelector("[data-testid=room-status][data-open=true]");

  const student = await newPage(browser, api.baseUrl);
  await signInAs(student, xiaoming);
  await student.goto(roomPath);
  await student.fill("[data-testid=request-help] input[name=topic]", "三角形的高怎么画");
  await student.click("[data-testid=request-help] button[type=submit]");
  await student.waitForSelector("[data-testid=my-position][data-position='1']");
  await tutor.click("[data-testid=admit-next]");
  await student.waitForSelector("[data-testid=admitted]");
  await tutor.waitForSelector("[data-testid=attachments]");
  await student.waitForSelector("[data-testid=attachments]");
  assert.equal(await student.$("[data-testid=board-background]"), null);

  await tutor.setInputFiles("[data-testid=attachment-input]", { name: "三角形.png", mimeType: "image/png", buffer: await pngFrom(tutor) });
  await tutor.waitForSelector("[data-testid=attachment] >> text=三角形.png");
  // attachment.added reaches the student in session: the list grows without a reload.
  await student.waitForSelector("[data-testid=attachment] >> text=三角形.png");

  await tutor.click("[data-testid=attachment]:has-text('三角形.png') [data-testid=attachment-show-on-board]");
  assert.deepEqual(await loadedSize(student, "[data-testid=board-background]"), [4, 3]);
  assert.deepEqual(await loadedSize(tutor, "[data-testid=board-background]"), [4, 3]);
  await screenshot(student, "tutoring-board-background");

  // A reload re-joins, and the session's snapshot carries the background.
  await student.reload();
  assert.deepEqual(await loadedSize(student, "[data-testid=board-background]"), [4, 3]);

  await tutor.click("[data-testid=remove-background]");
  await student.waitForSelector("[data-testid=board-background]", { state: "detached" });
  await tutor.context().close();
  await student.context().close();
});

test("an exam's author inserts an image into a stem, and the rostered candidate sees the image in the paper", async () => {
  const author = await newPage(browser, api.baseUrl);
  await signInAs(author, lin);
  await draftInEditor(author, "图形识别小测");
  await author.fill("textarea[name=roster]", wang.userId);
  await author.click("[data-testid=save-draft]");
  await author.waitForURL(/\/exams\/[^/]+\/edit$/);
  const examId = decodeURIComponent(author.url().split("/").at(-2));

  await author.setInputFiles("input[name=q1-image]", { name: "主板.png", mimeType: "image/png", buffer: await pngFrom(author) });
  await author.waitForFunction(() => /!\[主板\.png\]\(\/api\/files\/[^)]+\)/.test(document.querySelector("textarea[name=q1-stem]").value));
  await author.click("[data-testid=save-draft]");
  await author.click("[data-testid=publish]");
  await author.click("[data-testid=confirm-publish]");
  await author.waitForSelector("[data-testid=paper-view][data-status=open]");
  assert.deepEqual(await loadedSize(author, "[data-testid=paper-view] [data-testid=stem-image]"), [4, 3]);

  const candidate = await newPage(browser, api.baseUrl);
  await signInAs(candidate, wang);
  await candidate.fill("input[name=examId]", examId);
  await candidate.click("button:has-text('进入考试')");
  await candidate.waitForSelector("[data-question=q1]");
  assert.deepEqual(await loadedSize(candidate, "[data-question=q1] [data-testid=stem-image]"), [4, 3]);
  assert.match(await candidate.textContent("[data-question=q1]"), /CPU 是计算机的中央处理器。/);
  await screenshot(candidate, "exam-stem-image");
  await author.context().close();
  await candidate.context().close();
});
