import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { restAs, screenshot } from "./harness.mjs";
import { draftHolds, groupWithTwoTeachers, hubSwitch } from "./lessonDrafts.mjs";

const wang = { userId: "t-2601", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-2602", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

// The server keeps only 3 ops to transform a late change against, so a few keystrokes of a colleague outrun a
// change left unsent across a reload.
const retained = 3;

let setup;
before(async () => {
  setup = await groupWithTwoTeachers("lessonprep-rich-stale", {
    lead: wang,
    member: li,
    group: { name: "九年级化学备课组", subject: "化学", grade: "九年级" },
    apiArgs: [`--Collab:LessonPrep:RecentOps=${retained}`],
  });
});
after(async () => {
  await setup?.stop();
});

const editor = (key) => `[data-testid=rich-${key}] .ql-editor`;
const words = (content) => content.map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");

test("edits whose base the server no longer keeps are shown read-only for copying after a reload, and the section goes on from the server's", async () => {
  const { api, leader, member, groupId, leadToken } = setup;
  const { id } = await restAs(api.baseUrl, leadToken, "POST", `/api/groups/${groupId}/lessonpreps`, { title: "《燃烧》集体备课", subject: "化学", grade: "九年级" });
  const section = async () => (await restAs(api.baseUrl, leadToken, "GET", `/api/lessonpreps/${id}`)).sections.find((s) => s.key === "homework");
  const hub = await hubSwitch(member);
  await Promise.all([leader.goto(`/lessonpreps/${id}`), member.goto(`/lessonpreps/${id}`)]);
  for (const page of [leader, member]) await page.waitForSelector(`${editor("homework")}[contenteditable=true]`);

  // Li types with the hub cut: the change waits in her browser, based on the plan's revision then.
  await hub.cut();
  await member.click(editor("homework"));
  await member.keyboard.type("离线写的作业");
  await draftHolds(member, "离线写的作业");

  // Wang types more changes than the server keeps, each acknowledged before the next.
  await leader.click(editor("homework"));
  const typed = "完成练习册第三节";
  for (let i = 1; i <= typed.length; i++) {
    await leader.keyboard.type(typed[i - 1]);
    const deadline = Date.now() + 20_000;
    // Polled over REST: the server's content is in another process, with no event this test could wait on.
    while (words((await section()).content) !== `${typed.slice(0, i)}\n`) {
      if (Date.now() > deadline) throw new Error(`Wang's "${typed.slice(0, i)}" did not reach the server`);
      await leader.waitForTimeout(50);
    }
  }

  hub.restore();
  await member.reload();
  const copy = await member.waitForSelector("[data-testid=unplaced-homework] textarea");
  assert.equal(await copy.evaluate((area) => area.readOnly), true, "shown for copying, not for editing");
  assert.match(await copy.inputValue(), /离线写的作业/);
  await member.waitForFunction(([selector, want]) => document.querySelector(selector)?.textContent === want, [editor("homework"), typed]);
  await member.waitForSelector(`${editor("homework")}[contenteditable=true]`);
  assert.equal(words((await section()).content), `${typed}\n`, "the unplaced edits never reached the server");
  assert.doesNotMatch(await leader.$eval(editor("homework"), (el) => el.textContent), /离线/);
  await screenshot(member, "lessonprep-rich-unplaced");
});
