import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, screenshot, signInAs, startApi } from "./harness.mjs";

const wang = { userId: "t-1001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-1002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

let api;
let browser;
before(async () => {
  api = await startApi("groups");
  browser = await launchBrowser();
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

  await leader.click("text=添加成员");
  await leader.fill("[data-testid=add-member] input[name=userId]", li.userId);
  await leader.fill("[data-testid=add-member] input[name=name]", li.name);
  await leader.fill("[data-testid=add-member] input[name=school]", li.school);
  await leader.fill("[data-testid=add-member] input[name=county]", li.county);
  await leader.click("[data-testid=add-member] button[type=submit]");
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

  const leaderFeed = await leader.locator("[data-testid=feed] li p").allTextContents();
  const memberFeed = await member.locator("[data-testid=feed] li p").allTextContents();
  assert.deepEqual(leaderFeed, ["明天下午三点集体备课，请大家准备第三章。", "收到，我负责教学过程部分。"]);
  assert.deepEqual(memberFeed, leaderFeed);
  await screenshot(leader, "group-space");

  await leader.goto("/");
  await leader.waitForSelector("[data-testid=my-groups] li:has-text('初中数学跨区教研组')");
  assert.match(await leader.textContent("[data-testid=my-groups]"), /2 名成员/);
  await screenshot(leader, "teacher-home");
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
