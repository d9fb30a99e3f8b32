import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { restAs, screenshot, tokenFor } from "./harness.mjs";
import { groupWithTwoTeachers } from "./lessonDrafts.mjs";

const wang = { userId: "t-1001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-1002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

let api;
let leader;
let member;
let groupId;
let wangToken;
let setup;
before(async () => {
  setup = await groupWithTwoTeachers("lessonprep-tools", { lead: wang, member: li, group: { name: "七年级数学备课组", subject: "数学", grade: "七年级" } });
  ({ api, leader, member, groupId, leadToken: wangToken } = setup);
});
after(async () => {
  await setup?.stop();
});

const objectives = "textarea[name=section-objectives]";

/** A fresh plan (wang is its lead preparer, objectives already written) opened by both teachers. */
async function openPlan(title, text = "【知识】【能力】") {
  const { id } = await restAs(api.baseUrl, wangToken, "POST", `/api/groups/${groupId}/lessonpreps`, { title, subject: "数学", grade: "七年级", format: "text" });
  await Promise.all([leader.goto(`/lessonpreps/${id}`), member.goto(`/lessonpreps/${id}`)]);
  await leader.waitForSelector(`text=${title}`);
  await member.waitForSelector(`text=${title}`);
  await leader.click(objectives);
  await leader.type(objectives, text);
  await member.waitForFunction(([selector, expected]) => document.querySelector(selector)?.value === expected, [objectives, text]);
  return id;
}

const select = (page, selector, start, end = start) =>
  page.$eval(selector, (el, [a, b]) => { el.focus(); el.setSelectionRange(a, b); }, [start, end]);

/** Waits until the section's mirror, with the named colleague's caret shown as "|", reads expected in this tab. */
const caretAt = (page, section, name, expected) =>
  page.waitForFunction(([key, who, want]) => {
    const mirror = document.querySelector(`[data-section=${key}] .mirror`);
    if (!mirror) return false;
    const copy = mirror.cloneNode(true);
    for (const caret of copy.querySelectorAll("[data-testid=remote-caret]")) caret.replaceWith(caret.dataset.name === who ? "|" : "");
    return copy.textContent.replace("\u200b", "") === want;
  }, [section, name, expected]);

test("a colleague's caret shows with their name where they put it, and moves with text typed before it", async (t) => {
  await openPlan("光标");
  const moved = Date.now();
  await select(member, objectives, 4);
  await caretAt(leader, "objectives", "李老师", "【知识】|【能力】");
  t.diagnostic(`caret shown in the other tab ${Date.now() - moved} ms after the move (sends are held up to 100 ms)`);

  // Wang types at the very start; Li's caret was not re-sent, so this tab moves it through the edit itself.
  await select(leader, objectives, 0);
  await leader.keyboard.type("一、");
  await caretAt(leader, "objectives", "李老师", "一、【知识】|【能力】");
  await member.waitForFunction((selector) => document.querySelector(selector)?.value === "一、【知识】【能力】", objectives);
  await select(member, objectives, 2, 8);
  await leader.waitForFunction(() => {
    const marked = [...document.querySelectorAll("[data-section=objectives] .mirror > span[style]:not([data-testid])")];
    return marked.map((s) => s.textContent).join("") === "【知识】【能";
  });
  await screenshot(leader, "lessonprep-tools-cursor");
});

test("a comment on a selection appears for the other teacher and stays on its words when text is typed before it", async () => {
  await openPlan("批注");
  await member.fill("input[name=comment-objectives]", "这里要写清楚能力目标");
  await member.click("[data-section=objectives] .comment-form button");
  await member.waitForSelector("text=请先在本节中选中要批注的文字。");

  await select(member, objectives, 5, 7);
  await member.click("[data-section=objectives] .comment-form button");
  const quote = "[data-testid=comments-objectives] [data-testid=comment-quote]";
  await leader.waitForSelector(`${quote} >> text=能力`);
  assert.equal(await leader.textContent("[data-testid=comments-objectives] .comment-text"), "这里要写清楚能力目标");

  await select(leader, objectives, 0);
  await leader.keyboard.type("一、知识与能力：");
  await member.waitForFunction((selector) => document.querySelector(selector)?.value === "一、知识与能力：【知识】【能力】", objectives);
  // Both tabs moved the range through the typing themselves; the words it quotes are still the commented ones.
  assert.equal(await member.textContent(quote), "能力");
  await leader.waitForFunction((selector) => document.querySelector(selector)?.value.startsWith("一、知识与能力："), objectives);
  assert.equal(await leader.textContent(quote), "能力");
  // A colleague's selection or caret inside the commented range cuts its highlight into several spans; together they
  // must still be exactly the commented words.
  const highlighted = await leader.$$eval("[data-section=objectives] .mirror .commented", (spans) => spans.map((x) => x.textContent).join(""));
  assert.equal(highlighted, "能力");
  await screenshot(member, "lessonprep-tools-comment");

  await leader.click("[data-testid=comments-objectives] button");
  await member.waitForSelector("[data-testid=comments-objectives] .comment.resolved");
  assert.equal(await member.$("[data-section=objectives] .mirror .commented"), null);
});

test("the lead preparer assigns a section and changes the phase, both seen live; a member gets no such controls", async () => {
  await openPlan("分工与阶段");
  assert.equal(await member.$("select[name=phase]"), null);
  assert.equal(await member.$("select[name=assign-objectives]"), null);

  await leader.selectOption("select[name=assign-process]", li.userId);
  await member.waitForSelector("[data-testid=assignee-process] >> text=我");
  assert.match(await leader.textContent("[data-testid=assignee-process]"), /李老师/);

  await leader.selectOption("select[name=phase]", "discussion");
  await member.waitForSelector("[data-testid=phase] >> text=讨论中");
});

test("a finalized plan is read-only with a notice, and can be exported and forked into a personal copy", async () => {
  const id = await openPlan("定稿");
  await leader.selectOption("select[name=phase]", "finalized");
  await member.waitForSelector("[data-testid=finalized-notice]");
  assert.equal(await member.$eval(objectives, (el) => el.readOnly), true);
  await member.click(objectives);
  await member.keyboard.type("不该写入");
  assert.equal(await member.inputValue(objectives), "【知识】【能力】");
  assert.equal(await leader.$("[data-section=objectives] .comment-form"), null);
  await screenshot(member, "lessonprep-tools-finalized");

  const [download] = await Promise.all([member.waitForEvent("download"), member.click("[data-testid=export-markdown]")]);
  assert.equal(download.suggestedFilename(), "定稿.md");
  const markdown = await readFile(await download.path(), "utf8");
  assert.match(markdown, /定稿/);
  assert.match(markdown, /【知识】【能力】/);
  const [page] = await Promise.all([leader.waitForEvent("download"), leader.click("[data-testid=export-html]")]);
  assert.match(await readFile(await page.path(), "utf8"), /<html[\s\S]*【知识】【能力】/);

  await member.click("[data-testid=fork]");
  await member.waitForURL((url) => /\/lessonpreps\/lp-/.test(url.pathname) && !url.pathname.endsWith(id));
  await member.waitForSelector("[data-testid=fork-origin]");
  assert.equal(await member.inputValue(objectives), "【知识】【能力】");
  assert.equal(await member.$eval(objectives, (el) => el.readOnly), false);
  await member.click(objectives);
  await member.keyboard.press("End");
  await member.keyboard.type("（本班）");
  await member.waitForFunction((selector) => document.querySelector(selector)?.value.endsWith("（本班）"), objectives);
});

test("a saved version, after more edits, is viewed and restored, and both teachers are back on its text", async () => {
  await openPlan("版本");
  await leader.fill("[data-testid=save-version] input[name=versionLabel]", "初稿");
  await leader.click("[data-testid=save-version] button");
  await member.waitForSelector("[data-testid=versions] >> text=初稿");

  await select(member, objectives, 8);
  await member.keyboard.type("【情感】");
  await leader.waitForFunction((selector) => document.querySelector(selector)?.value === "【知识】【能力】【情感】", objectives);

  await leader.click("[data-testid=versions] li:has-text('初稿') button");
  await leader.waitForSelector("[data-testid=version-view] >> text=【知识】【能力】");
  await screenshot(leader, "lessonprep-tools-versions");
  await member.click("[data-testid=versions] li:has-text('初稿') button");
  await member.waitForSelector("[data-testid=version-view]");
  assert.equal(await member.$("[data-testid=version-view] button.primary"), null);
  await leader.click("[data-testid=version-view] button.primary");
  await member.waitForFunction((selector) => document.querySelector(selector)?.value === "【知识】【能力】", objectives);
  await leader.waitForFunction((selector) => document.querySelector(selector)?.value === "【知识】【能力】", objectives);
});

test("the teacher's home lists the sessions coming up across their groups, soonest first, without long-past ones", async () => {
  const liToken = await tokenFor(api.baseUrl, li);
  const { id: otherGroup } = await restAs(api.baseUrl, liToken, "POST", "/api/groups", { name: "余杭区数学工作室", subject: "数学", grade: "七年级" });
  await restAs(api.baseUrl, liToken, "POST", `/api/groups/${otherGroup}/members`, wang);
  const day = 24 * 60 * 60 * 1000;
  const observe = (token, group, title, offset) =>
    restAs(api.baseUrl, token, "POST", `/api/groups/${group}/observations`, {
      title, teacherId: wang.userId, subject: "数学", grade: "七年级", startsAt: new Date(Date.now() + offset).toISOString(),
    });
  await observe(wangToken, groupId, "公开课：方程的意义", 2 * day);
  await observe(liToken, otherGroup, "研讨课：合并同类项", day);
  await observe(wangToken, groupId, "上周的听课", -3 * day);

  await leader.goto("/");
  await leader.waitForFunction(() => document.querySelectorAll("[data-testid=upcoming] li").length === 2);
  const items = await leader.$$eval("[data-testid=upcoming] li", (list) => list.map((li) => li.textContent));
  assert.match(items[0], /研讨课：合并同类项.*余杭区数学工作室/);
  assert.match(items[1], /公开课：方程的意义.*七年级数学备课组/);
  await screenshot(leader, "lessonprep-tools-home");

  await leader.click("[data-testid=upcoming] >> text=研讨课：合并同类项");
  await leader.waitForSelector("[data-testid=group-name] >> text=余杭区数学工作室");
});
