import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const wang = { userId: "t-2001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const li = { userId: "t-2002", name: "李老师", role: "teacher", school: "3302005", county: "余杭区" };
const zhao = { userId: "t-2003", name: "赵老师", role: "teacher", school: "3303009", county: "萧山区" };

/** A small, well-formed PDF: what a teacher's worksheet is. */
const worksheet = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

let api;
let browser;
let planId;
let wangToken;
before(async () => {
  api = await startApi("attachments");
  browser = await launchBrowser();
  wangToken = await tokenFor(api.baseUrl, wang);
  const { id: groupId } = await restAs(api.baseUrl, wangToken, "POST", "/api/groups", { name: "八年级物理备课组", subject: "物理", grade: "八年级" });
  await restAs(api.baseUrl, wangToken, "POST", `/api/groups/${groupId}/members`, li);
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, zhao), "POST", "/api/groups", { name: "另一个组", subject: "物理", grade: "八年级" });
  ({ id: planId } = await restAs(api.baseUrl, wangToken, "POST", `/api/groups/${groupId}/lessonpreps`, { title: "浮力", subject: "物理", grade: "八年级" }));
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a teacher uploads a worksheet to a plan, a colleague downloads the same bytes, a teacher of another group is refused", async () => {
  const uploader = await newPage(browser, api.baseUrl);
  const colleague = await newPage(browser, api.baseUrl);
  await signInAs(uploader, wang);
  await signInAs(colleague, li);
  await Promise.all([uploader.goto(`/lessonpreps/${planId}`), colleague.goto(`/lessonpreps/${planId}`)]);
  await uploader.waitForSelector("[data-testid=attachments]");

  await uploader.setInputFiles("[data-testid=attachment-input]", { name: "浮力学案.pdf", mimeType: "application/pdf", buffer: worksheet });
  await uploader.waitForSelector("[data-testid=attachment] >> text=浮力学案.pdf");
  await screenshot(uploader, "attachments-panel");

  // The colleague's panel lists what was there when it loaded; a reload shows the new file.
  await colleague.reload();
  await colleague.waitForSelector("[data-testid=attachment] >> text=浮力学案.pdf");
  const [download] = await Promise.all([colleague.waitForEvent("download"), colleague.click("[data-testid=attachment-download]")]);
  assert.equal(download.suggestedFilename(), "浮力学案.pdf");
  assert.deepEqual(await readFile(await download.path()), worksheet);

  const [listed] = await restAs(api.baseUrl, wangToken, "GET", `/api/files?owner=lessonprep/${planId}`);
  const zhaoToken = await tokenFor(api.baseUrl, zhao);
  const refused = await fetch(`${api.baseUrl}${listed.url}`, { headers: { Authorization: `Bearer ${zhaoToken}` } });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).code, "not_member");

  await uploader.context().close();
  await colleague.context().close();
});

test("a file that is not what its name says is refused with the reason and nothing is listed", async () => {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, wang);
  await page.goto(`/lessonpreps/${planId}`);
  await page.waitForSelector("[data-testid=attachment]");
  const before = await page.$$eval("[data-testid=attachment]", (items) => items.length);

  await page.setInputFiles("[data-testid=attachment-input]", { name: "示意图.png", mimeType: "image/png", buffer: Buffer.from([0, 1, 2, 3, 255, 254]) });

  await page.waitForSelector("[data-testid=attachments] .error >> text=只能上传");
  assert.equal(await page.$$eval("[data-testid=attachment]", (items) => items.length), before);
  await page.context().close();
});
