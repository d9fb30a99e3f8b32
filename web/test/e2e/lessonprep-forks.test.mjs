import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const wang = { userId: "t-2001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-2002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };

let api;
let browser;
let leader;
let colleague;
let wangToken;
let groupId;
before(async () => {
  api = await startApi("lessonprep-forks");
  browser = await launchBrowser();
  wangToken = await tokenFor(api.baseUrl, wang);
  ({ id: groupId } = await restAs(api.baseUrl, wangToken, "POST", "/api/groups", { name: "四年级语文备课组", subject: "语文", grade: "四年级" }));
  await restAs(api.baseUrl, wangToken, "POST", `/api/groups/${groupId}/members`, li);
  leader = await newPage(browser, api.baseUrl);
  colleague = await newPage(browser, api.baseUrl);
  await signInAs(leader, wang);
  await signInAs(colleague, li);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a colleague forks a finalized plan, finds the copy on home with its origin, and the lead preparer sees the copy's reflection", async () => {
  const title = "《爬山虎的脚》";
  // Text sections, since this test types into the plain editor whatever format new plans default to.
  const { id: planId } = await restAs(api.baseUrl, wangToken, "POST", `/api/groups/${groupId}/lessonpreps`,
    { title, subject: "语文", grade: "四年级", format: "text" });
  await leader.goto(`/lessonpreps/${planId}`);
  await leader.waitForSelector(`h1 >> text=${title}`);
  await leader.selectOption("select[name=phase]", "finalized");
  await leader.waitForSelector("[data-testid=finalized-notice]");
  await leader.waitForSelector("[data-testid=fork-reflections] >> text=还没有老师复制本教案。");

  await colleague.goto(`/lessonpreps/${planId}`);
  await colleague.waitForSelector("[data-testid=finalized-notice]");
  await colleague.click("[data-testid=fork]");
  await colleague.waitForSelector(`[data-testid=fork-origin-link] >> text=${title}`);
  const copyId = decodeURIComponent(new URL(colleague.url()).pathname.split("/").pop());
  assert.notEqual(copyId, planId);
  assert.equal(await colleague.$("[data-testid=fork-reflections]"), null);
  await leader.waitForSelector("[data-testid=fork-reflections] >> text=李老师", { timeout: 20_000 });

  await colleague.goto("/");
  const listed = `[data-testid=my-copies] [data-testid=copy-${copyId}]`;
  await colleague.waitForSelector(`${listed} [data-testid=copy-link] >> text=${title}`);
  assert.equal(await colleague.getAttribute(`${listed} [data-testid=copy-origin]`, "href"), `/lessonpreps/${planId}`);
  await screenshot(colleague, "lessonprep-forks-home");

  await colleague.click(`${listed} [data-testid=copy-link]`);
  const reflection = "textarea[name=section-reflection]";
  await colleague.waitForSelector(reflection);
  await colleague.click(reflection);
  await colleague.keyboard.type("学生能找出描写脚的动词，观察日记还需指导。");

  await leader.waitForSelector(`[data-testid=fork-${copyId}] [data-testid=fork-reflection] >> text=学生能找出描写脚的动词，观察日记还需指导。`,
    { timeout: 20_000 });
  assert.match(await leader.textContent(`[data-testid=fork-${copyId}] [data-testid=fork-reflection] footer`), /李老师/);
  await screenshot(leader, "lessonprep-forks-reflections");
});
