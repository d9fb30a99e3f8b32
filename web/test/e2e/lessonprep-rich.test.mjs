import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import { newPage, restAs, screenshot, signInAs } from "./harness.mjs";
import { draftHolds, groupWithTwoTeachers, hubSwitch } from "./lessonDrafts.mjs";

const wang = { userId: "t-2001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-2002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

let api;
let browser;
let leader;
let member;
let groupId;
let wangToken;
let setup;
before(async () => {
  setup = await groupWithTwoTeachers("lessonprep-rich", { lead: wang, member: li, group: { name: "八年级物理备课组", subject: "物理", grade: "八年级" } });
  ({ api, browser, leader, member, groupId, leadToken: wangToken } = setup);
});
after(async () => {
  await setup?.stop();
});

const editor = (key) => `[data-testid=rich-${key}] .ql-editor`;
const html = (page, key) => page.$eval(editor(key), (el) => el.innerHTML);

/** A new plan made on the group's screen (so with the default format, rich), opened by both teachers. */
async function openPlan(title) {
  await leader.goto(`/groups/${groupId}`);
  await leader.fill("[data-testid=new-plan] input[name=planTitle]", title);
  await leader.click("[data-testid=new-plan] button[type=submit]");
  await leader.waitForURL(/\/lessonpreps\/lp-/);
  const path = new URL(leader.url()).pathname;
  await member.goto(path);
  for (const page of [leader, member]) await page.waitForSelector(`${editor("process")}[contenteditable=true]`);
  return path.split("/").pop();
}

/** Waits until both tabs show the same section, then returns it. */
async function agreed(key, check = () => true) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [a, b] = [await html(leader, key), await html(member, key)];
    if (a === b && check(a)) return a;
    if (Date.now() > deadline) throw new Error(`the tabs did not agree:\n${a}\n${b}`);
    await leader.waitForTimeout(100);
  }
}

const serverSection = async (id, key) =>
  (await restAs(api.baseUrl, wangToken, "GET", `/api/lessonpreps/${id}`)).sections.find((s) => s.key === key);

const words = (content) => content.map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");

test("two teachers build a table and a formula together and both end on the server's content", async () => {
  const id = await openPlan("《浮力》集体备课");
  await leader.click(editor("process"));
  await leader.keyboard.type("实验记录");
  await leader.keyboard.press("Enter");
  await leader.click("[data-section=process] .ql-table-insert");
  await member.waitForFunction((selector) => document.querySelectorAll(`${selector} td`).length === 4, editor("process"));

  // Each fills a different cell at the same time; every keystroke of one moves the other's in-flight change.
  const cells = (page) => page.$$(`${editor("process")} td`);
  await (await cells(leader))[0].click();
  await (await cells(member))[3].click();
  await Promise.all([leader.keyboard.type("排开水的体积", { delay: 30 }), member.keyboard.type("浮力大小", { delay: 30 })]);
  // Then both type into the same empty cell at once: inserts at one place, which the server orders by who came first.
  await (await cells(leader))[1].click();
  await (await cells(member))[1].click();
  await Promise.all([leader.keyboard.type("甲甲甲", { delay: 20 }), member.keyboard.type("乙乙乙", { delay: 20 })]);

  // Li writes Archimedes' principle as a formula on the first line, through the toolbar's formula box.
  await member.click(editor("process"));
  await member.keyboard.press("Control+Home");
  await member.click("[data-section=process] .ql-formula");
  await member.fill("[data-section=process] .ql-tooltip[data-mode=formula] input", "F_{浮}=\\rho g V");
  await member.keyboard.press("Enter");

  const shown = await agreed("process", (h) => h.includes("ql-formula") && h.includes("排开水的体积") && h.includes("浮力大小") && (h.match(/[甲乙]/g) ?? []).length === 6);
  const section = await serverSection(id, "process");
  assert.equal(section.format, "rich");
  assert.ok(section.content.some((op) => op.insert?.formula === "F_{浮}=\\rho g V"), JSON.stringify(section.content));
  const cellEnds = section.content.filter((op) => op.attributes?.table).map((op) => op.insert.split("\n").length - 1);
  assert.equal(cellEnds.reduce((a, b) => a + b, 0), 4, `two rows of two cells: ${JSON.stringify(section.content)}`);
  assert.match(words(section.content), /实验记录\n排开水的体积\n[甲乙]{6}\n\n浮力大小\n/);

  // A third tab loads the server's content afresh and shows exactly what both editors show.
  const fresh = await newPage(browser, api.baseUrl);
  await signInAs(fresh, wang);
  await fresh.goto(`/lessonpreps/${id}`);
  await fresh.waitForSelector(`${editor("process")} .ql-formula`);
  assert.equal(await html(fresh, "process"), shown);
  await fresh.context().close();
  await screenshot(leader, "lessonprep-rich-table-formula");
});

test("a colleague's caret shows with their name; undo takes back only one's own edit and leaves the colleague's in place", async () => {
  await openPlan("《压强》集体备课");
  await leader.click(editor("objectives"));
  await leader.keyboard.type("理解压强");
  await agreed("objectives", (h) => h.includes("理解压强"));
  await member.click(editor("objectives"));
  await member.keyboard.press("Control+End");
  await member.keyboard.type("，会用公式计算");
  await agreed("objectives", (h) => h.includes("理解压强，会用公式计算"));
  // Li's caret shows in Wang's tab, with her name.
  await leader.waitForSelector("[data-section=objectives] .ql-cursor .ql-cursor-name:text('李老师')", { state: "attached" });

  await leader.click(editor("objectives"));
  await leader.keyboard.press("Control+z");
  const after = await agreed("objectives", (h) => !h.includes("理解压强"));
  assert.match(after, /，会用公式计算/);
  await leader.keyboard.press("Control+Shift+z");
  await agreed("objectives", (h) => h.includes("理解压强，会用公式计算"));
});

test("an edit made offline survives a reload and reaches the colleague once the tab is back online", async () => {
  const id = await openPlan("《大气压强》集体备课");
  const hub = await hubSwitch(member);
  // The routes take effect for connections made from now on.
  await member.reload();
  await member.waitForSelector(`${editor("homework")}[contenteditable=true]`);

  await hub.cut();
  await member.click(editor("homework"));
  await member.keyboard.type("完成课后练习1—3题");
  await draftHolds(member, "完成课后练习1—3题");
  assert.equal(words((await serverSection(id, "homework")).content), "\n", "the server has not seen it");

  hub.restore();
  await member.reload();
  await member.waitForFunction((selector) => document.querySelector(selector)?.textContent === "完成课后练习1—3题", editor("homework"));
  await leader.waitForFunction((selector) => document.querySelector(selector)?.textContent === "完成课后练习1—3题", editor("homework"));
  await agreed("homework");
  assert.equal(words((await serverSection(id, "homework")).content), "完成课后练习1—3题\n");
});

// A 2 x 2 red PNG, small enough to read in the test and a real image to Word.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==",
  "base64",
);

test("an image one teacher puts into a section shows for the colleague, and the plan's Word export holds it", async () => {
  const id = await openPlan("《浮力》教案导出");
  await leader.click(editor("process"));
  await leader.keyboard.type("实验装置如图：");
  const [chooser] = await Promise.all([leader.waitForEvent("filechooser"), leader.click("[data-section=process] .ql-image")]);
  await chooser.setFiles({ name: "装置图.png", mimeType: "image/png", buffer: png });

  // The delta keeps the attachment's stable url; the colleague's page shows a copy fetched with her token.
  await member.waitForFunction((selector) => document.querySelector(`${selector} img`)?.src.startsWith("blob:"), editor("process"));
  const image = (await serverSection(id, "process")).content.find((op) => typeof op.insert === "object" && op.insert.image);
  assert.match(image.insert.image, /^\/api\/files\/[\w-]+$/);
  const shown = await member.$eval(`${editor("process")} img`, async (img) => new Uint8Array(await (await fetch(img.src)).arrayBuffer()).length);
  assert.equal(shown, png.length, "the colleague sees the very bytes uploaded");

  const [download] = await Promise.all([member.waitForEvent("download"), member.click("[data-testid=export-docx]")]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  assert.ok(strFromU8(files["word/document.xml"]).includes("实验装置如图："), "the section's text is in the document");
  const media = Object.keys(files).filter((name) => /(^|\/)media\//.test(name));
  assert.equal(media.length, 1, `one image part among ${Object.keys(files).join(", ")}`);
  assert.deepEqual(Buffer.from(files[media[0]]), png, "the image part is the uploaded picture");
  await screenshot(member, "lessonprep-rich-image");
});

/** Waits until the section's comment highlights (CSS custom highlights over Quill's DOM) cover exactly `words`. */
const highlightsAre = (page, key, words) =>
  page.waitForFunction(
    ([k, wanted]) => {
      const section = document.querySelector(`[data-section=${k}]`);
      const covered = ["lessonprep-comment", "lessonprep-comment-active"]
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
        .filter((range) => section?.contains(range.startContainer))
        .map((range) => range.toString());
      return JSON.stringify(covered) === JSON.stringify(wanted);
    },
    [key, words],
  );

test("a comment on words selected in a rich section shows for the colleague, highlighted, and stays on those words as text is typed before them", async () => {
  await openPlan("《浮力》批注");
  await leader.click(editor("objectives"));
  await leader.keyboard.type("理解浮力产生的原因");
  await agreed("objectives", (h) => h.includes("理解浮力产生的原因"));

  // Wang selects 浮力 with the keyboard and comments on it from the box beside the section.
  await leader.keyboard.press("Home");
  for (let i = 0; i < 2; i++) await leader.keyboard.press("ArrowRight");
  for (let i = 0; i < 2; i++) await leader.keyboard.press("Shift+ArrowRight");
  await leader.fill("input[name=comment-objectives]", "这里要举生活中的例子");
  await leader.click("[data-section=objectives] .comment-form button[type=submit]");

  const card = "[data-testid=comments-objectives] li";
  await member.waitForSelector(`${card}:has-text("这里要举生活中的例子")`);
  const shown = await member.$eval(card, (li) => ({
    quote: li.querySelector("[data-testid=comment-quote]").textContent,
    by: li.querySelector(".comment-by").textContent,
    at: li.querySelector("time").dateTime,
  }));
  assert.equal(shown.quote, "浮力");
  assert.match(shown.by, /王老师/);
  assert.ok(Math.abs(Date.parse(shown.at) - Date.now()) < 120_000, `a time of now: ${shown.at}`);
  await highlightsAre(member, "objectives", ["浮力"]);
  await highlightsAre(leader, "objectives", ["浮力"]);

  // Wang types before the commented words: the range moves with them in both tabs.
  await leader.click(editor("objectives"));
  await leader.keyboard.press("Home");
  await leader.keyboard.type("一、");
  await agreed("objectives", (h) => h.includes("一、理解浮力产生的原因"));
  await highlightsAre(leader, "objectives", ["浮力"]);
  await highlightsAre(member, "objectives", ["浮力"]);
  assert.equal(await member.$eval(`${card} [data-testid=comment-quote]`, (q) => q.textContent), "浮力");
  await screenshot(member, "lessonprep-rich-comment");

  // The server moved it the same way: a reload places it from the snapshot. Li then resolves it for both.
  await member.reload();
  await member.waitForSelector(`${editor("objectives")}[contenteditable=true]`);
  await highlightsAre(member, "objectives", ["浮力"]);
  await member.click(`${card} button`);
  await leader.waitForSelector(`${card}.resolved`);
  await highlightsAre(leader, "objectives", []);
  await highlightsAre(member, "objectives", []);
});
