import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const wang = { userId: "t-1001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-1002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

let api;
let browser;
before(async () => {
  api = await startApi("groups");
  browser = await launchBrowser();
  // The leader adds 李老师 from the directory, so the directory holds her.
  const admin = await tokenFor(api.baseUrl, { userId: "a-groups", name: "管理员", role: "admin", school: "3300000", county: "市教育局" });
  await restAs(api.baseUrl, admin, "POST", "/api/directory/import", {
    schools: [{ code: li.school, name: "余杭区第五中学", county: li.county }],
    people: [{ userId: li.userId, name: li.name, role: "teacher", schoolCode: li.school }],
  });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a teacher creates a group, adds a colleague, and a message posted by one appears live to the other", async () => {
  const leader = await newPage(browser, api.baseUrl);
  await leader.goto("/");
  await leader.waitForSelector("text=开发环境登录");
  await screenshot(leader, "sign-in");
  await signInAs(leader, wang);
  await leader.waitForSelector("text=还没有加入教研组。");

  await leader.fill("[data-testid=create-group] input[name=name]", "初中数学跨区教研组");
  await leader.fill("[data-testid=create-group] input[name=subject]", "数学");
  await leader.fill("[data-testid=create-group] input[name=grade]", "七年级");
  await leader.fill("[data-testid=create-group] textarea[name=description]", "西湖区与余杭区联合教研");
  await leader.click("[data-testid=create-group] button[type=submit]");
  await leader.waitForURL(/\/groups\/g-/);
  const groupPath = new URL(leader.url()).pathname;
  assert.equal(await leader.textContent("[data-testid=group-name]"), "初中数学跨区教研组");

  const picker = "[data-testid=add-member] [role=combobox]";
  await leader.fill(picker, "李");
  await leader.waitForSelector(`[data-testid=add-member] [role=option][data-user="${li.userId}"]`);
  await leader.press(picker, "ArrowDown");
  await leader.press(picker, "Enter");
  // member.added arrives over the hub: the list grows without a reload.
  await leader.waitForSelector(`[data-testid=members] li[data-user="${li.userId}"][data-online=false]`);

  const member = await newPage(browser, api.baseUrl);
  await signInAs(member, li);
  await member.click("[data-testid=my-groups] a:has-text('初中数学跨区教研组')");
  await member.waitForURL(groupPath);
  await member.waitForSelector(`[data-testid=members] li[data-user="${wang.userId}"][data-online=true]`);
  // The leader sees the colleague come online (presence.changed).
  await leader.waitForSelector(`[data-testid=members] li[data-user="${li.userId}"][data-online=true]`);

  await leader.fill("textarea[name=message]", "明天下午三点集体备课，请大家准备第三章。");
  await leader.press("textarea[name=message]", "Enter");
  await member.waitForSelector("[data-testid=feed] li:has-text('明天下午三点集体备课')");

  await member.fill("textarea[name=message]", "收到，我负责教学过程部分。");
  await member.click("form.post button[type=submit]");
  await leader.waitForSelector("[data-testid=feed] li:has-text('我负责教学过程部分')");
  await leader.waitForSelector("[data-testid=feed] li.pending", { state: "detached" });
  await member.waitForSelector("[data-testid=feed] li.pending", { state: "detached" });

  const leaderFeed = await leader.locator("[data-testid=feed] li p").allTextContents();
  const memberFeed = await member.locator("[data-testid=feed] li p").allTextContents();
  assert.deepEqual(leaderFeed, ["明天下午三点集体备课，请大家准备第三章。", "收到，我负责教学过程部分。"]);
  assert.deepEqual(memberFeed, leaderFeed);
  await screenshot(leader, "group-space");

  await leader.goto("/");
  await leader.waitForSelector("[data-testid=my-groups] li:has-text('初中数学跨区教研组')");
  assert.match(await leader.textContent("[data-testid=my-groups]"), /2 名成员/);
  await screenshot(leader, "teacher-home");

  await leader.click("[data-testid=lang]");
  await leader.waitForSelector("h2:text-is('My groups')");
  assert.match(await leader.textContent("[data-testid=my-groups]"), /2 members · Leader/);
  await leader.click("[data-testid=lang]");
  await leader.waitForSelector("h2:text-is('我的教研组')");
});

test("while the Api is away the space shows a banner and keeps a typed message; after it is back both re-join and the message arrives", async () => {
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await leader.click("[data-testid=my-groups] a");
  await leader.waitForSelector("[data-testid=feed] li");
  const member = await newPage(browser, api.baseUrl);
  await signInAs(member, li);
  await member.click("[data-testid=my-groups] a");
  await member.waitForSelector("[data-testid=feed] li");

  await api.stopProcess();
  await member.waitForSelector("[data-testid=connection-banner]");
  await leader.waitForSelector("[data-testid=connection-banner]");
  await member.fill("textarea[name=message]", "断线期间写的消息");
  await member.press("textarea[name=message]", "Enter");
  await member.waitForSelector("[data-testid=feed] li.pending:has-text('断线期间写的消息')");
  await screenshot(member, "group-reconnecting");

  await api.startProcess();
  await member.waitForSelector("[data-testid=connection-banner]", { state: "detached", timeout: 60_000 });
  await leader.waitForSelector("[data-testid=connection-banner]", { state: "detached", timeout: 60_000 });
  // Resent with its first clientId/clientSeq after the re-join, stored once, seen by both.
  await leader.waitForSelector("[data-testid=feed] li:has-text('断线期间写的消息')");
  await member.waitForSelector("[data-testid=feed] li:not(.pending):has-text('断线期间写的消息')");
  await member.waitForSelector("[data-testid=feed] li.pending", { state: "detached" });
  const feed = await leader.locator("[data-testid=feed] li p").allTextContents();
  assert.equal(feed.filter((text) => text === "断线期间写的消息").length, 1);
  assert.equal(feed.length, 3);
});

/** Waits for a condition that spans two pages (each check is one round of reads), failing after the timeout. */
async function eventually(check, describe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`the condition did not hold in time: ${await describe()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

test("two teachers type into the same section of a lesson plan at once and both end on the server's text", async () => {
  const token = await tokenFor(api.baseUrl, wang);
  const { id: groupId } = await restAs(api.baseUrl, token, "POST", "/api/groups", { name: "备课组", subject: "数学", grade: "七年级" });
  await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/members`, li);
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  // A plain-text plan: the rich editor's own co-editing test is lessonprep-rich.test.mjs.
  const { id: planId } = await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/lessonpreps`, { title: "《一元一次方程》集体备课", subject: "数学", grade: "七年级", format: "text" });
  const planPath = `/lessonpreps/${planId}`;
  await leader.goto(planPath);
  const member = await newPage(browser, api.baseUrl);
  await signInAs(member, li);
  await member.goto(planPath);

  const section = "textarea[name=section-objectives]";
  await leader.click(section);
  await leader.type(section, "【知识】【能力】");
  await member.waitForFunction((selector) => document.querySelector(selector)?.value === "【知识】【能力】", section);
  // Each puts the caret at their own place (after 【知识】, at the end), then both type at once: every character of
  // one shifts the other's caret and pending op, and both must end on the same text with each phrase where it was typed.
  const caret = (page, at) => page.$eval(section, (el, position) => { el.focus(); el.setSelectionRange(position, position); }, at);
  await caret(leader, 4);
  await caret(member, 8);
  await Promise.all([
    leader.type(section, "理解方程的概念😀", { delay: 40 }),
    member.type(section, "会解一元一次方程", { delay: 40 }),
  ]);
  const expected = "【知识】理解方程的概念😀【能力】会解一元一次方程";
  const text = await eventually(
    async () => {
      const [a, b] = [await leader.inputValue(section), await member.inputValue(section)];
      return a === expected && b === expected ? a : null;
    },
    async () => JSON.stringify([await leader.inputValue(section), await member.inputValue(section)]),
  );
  const stored = await leader.evaluate(async (path) => {
    const { token } = JSON.parse(sessionStorage.getItem("collab.session"));
    const response = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).sections.find((s) => s.key === "objectives").text;
  }, planPath);
  assert.equal(stored, text);

  await leader.type("textarea[name=section-process]", "一、情境导入\n二、新知探究");
  await member.waitForFunction(() => document.querySelector("textarea[name=section-process]")?.value === "一、情境导入\n二、新知探究");
  await screenshot(member, "lessonprep-editor");
});

test("the leader removes a colleague: the colleague's group space and open lesson plan say so at once and stop following", async () => {
  const zhao = { userId: "t-1003", name: "赵老师", role: "teacher", school: "3303002", county: "萧山区" };
  const token = await tokenFor(api.baseUrl, wang);
  const { id: groupId } = await restAs(api.baseUrl, token, "POST", "/api/groups", { name: "移出测试组", subject: "数学", grade: "八年级" });
  await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/members`, zhao);
  const { id: planId } = await restAs(api.baseUrl, token, "POST", `/api/groups/${groupId}/lessonpreps`, { title: "《勾股定理》", subject: "数学", grade: "八年级", format: "text" });

  const colleague = await newPage(browser, api.baseUrl);
  await signInAs(colleague, zhao);
  await colleague.goto(`/groups/${groupId}`);
  await colleague.waitForSelector(`[data-testid=members] li[data-user="${wang.userId}"]`);
  assert.equal(await colleague.locator("[data-testid=remove-member]").count(), 0);
  const colleaguePlan = await newPage(browser, api.baseUrl);
  await signInAs(colleaguePlan, zhao);
  await colleaguePlan.goto(`/lessonpreps/${planId}`);
  await colleaguePlan.waitForSelector("textarea[name=section-objectives]");

  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await leader.goto(`/groups/${groupId}`);
  await leader.waitForSelector(`[data-testid=members] li[data-user="${zhao.userId}"][data-online=true]`);
  leader.once("dialog", (dialog) => dialog.accept());
  await leader.click(`[data-testid=members] li[data-user="${zhao.userId}"] [data-testid=remove-member]`);
  await leader.waitForSelector(`[data-testid=members] li[data-user="${zhao.userId}"]`, { state: "detached" });

  await colleague.waitForSelector("[data-testid=access-lost]:has-text('你已不在这个教研组中')");
  await colleaguePlan.waitForSelector("[data-testid=access-lost]:has-text('不能再查看')");
  await screenshot(colleague, "group-removed");
  await colleaguePlan.goto(`/groups/${groupId}`);
  await colleaguePlan.waitForSelector("text=你不是该组的成员。");
});
