import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assistant, cityStudent, host, importCityClasses, ruralStudent } from "./cityClasses.mjs";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

let api;
let browser;
before(async () => {
  api = await startApi("classroom");
  browser = await launchBrowser();
  await importCityClasses(api.baseUrl, { quietClass: true });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a host pushes a question, two students in different classes answer on phones, the assistant sees their class and counts, the host reveals", async () => {
  const hostPage = await newPage(browser, api.baseUrl);
  await signInAs(hostPage, host);
  await hostPage.fill("[data-testid=classroom-title-input]", "一次函数");
  await hostPage.fill("[data-testid=classroom-subject]", "数学");
  await hostPage.waitForSelector("[data-testid=classroom-host-class] option[value=c-host]", { state: "attached" });
  await hostPage.fill("[data-testid=classroom-linked]", "c-rural, c-quiet");
  await hostPage.click("[data-testid=create-classroom-submit]");
  await hostPage.waitForURL(/\/classrooms\/[^/]+$/);
  const classroomId = decodeURIComponent(hostPage.url().split("/").at(-1));
  await hostPage.waitForSelector("[data-testid=classroom][data-role=host]");

  const phone = { width: 390, height: 844 };
  const cityPhone = await newPage(browser, api.baseUrl, phone);
  const ruralPhone = await newPage(browser, api.baseUrl, phone);
  const assistantPage = await newPage(browser, api.baseUrl);
  for (const [page, user] of [[cityPhone, cityStudent], [ruralPhone, ruralStudent], [assistantPage, assistant]]) {
    await signInAs(page, user);
    await page.click(`[data-testid="classroom-${classroomId}"]`);
    await page.waitForSelector("[data-testid=classroom]");
  }
  await assistantPage.waitForSelector("[data-testid=classroom][data-role=teacher] [data-testid=my-class][data-class-id=c-rural]");
  await hostPage.waitForSelector("[data-testid=presence-c-rural][data-online='1']");
  await hostPage.waitForSelector("[data-testid=presence-c-host][data-online='1']");

  // A question without a key is refused with the server's code, and nothing reaches the phones.
  await hostPage.click("[data-testid=start]");
  await hostPage.waitForSelector("[data-testid=classroom-status][data-status=live]");
  await hostPage.fill("[data-testid=draft-stem]", "没有答案的题");
  await hostPage.fill("[data-testid=draft-options]", "1\n2");
  await hostPage.click("[data-testid=push-now]");
  await hostPage.waitForSelector("[role=alert]");
  assert.equal(await hostPage.locator("[data-testid=question]").count(), 0);

  await hostPage.fill("[data-testid=draft-stem]", "y=2x+1 的斜率是？");
  await hostPage.fill("[data-testid=draft-options]", "1\n2\n3");
  await hostPage.fill("[data-testid=draft-key]", "b");
  await hostPage.click("[data-testid=push-now]");
  await hostPage.waitForSelector("[data-testid=question][data-status=open] [data-testid=question-key]");

  for (const [page, option] of [[cityPhone, "b"], [ruralPhone, "a"]]) {
    await page.waitForSelector("[data-testid=student-question][data-status=open]");
    assert.equal(await page.locator("[data-testid=question-key]").count(), 0);
    await page.click(`[data-testid=option-${option}]`);
    await page.click("[data-testid=submit-answer]");
    await page.waitForSelector("[data-testid=my-answer]");
  }
  await screenshot(ruralPhone, "classroom-student-phone");

  await hostPage.waitForSelector("[data-testid=tally-c-host][data-answered='1'][data-correct='1']");
  await hostPage.waitForSelector("[data-testid=tally-c-rural][data-answered='1'][data-correct='0']");
  await assistantPage.waitForSelector("[data-testid=tally-c-rural][data-answered='1']");
  assert.equal(await assistantPage.locator("[data-testid=tally-c-host]").count(), 0);
  assert.equal(await assistantPage.locator("[data-testid=question-key]").count(), 0);

  // The assistant counts hands for the class: the count replaces the class's devices in everyone's tally.
  await assistantPage.fill("[data-testid=count-b]", "18");
  await assistantPage.fill("[data-testid=count-a]", "4");
  await assistantPage.click("[data-testid=submit-count]");
  await hostPage.waitForSelector("[data-testid=tally-c-rural][data-answered='22'][data-correct='18']");
  await assistantPage.waitForSelector("[data-testid=tally-c-rural][data-answered='22']");
  await screenshot(hostPage, "classroom-host");

  await hostPage.click("[data-testid=close-question]");
  await cityPhone.waitForSelector("[data-testid=student-question][data-status=closed]");
  await hostPage.click("[data-testid=reveal]");
  for (const page of [cityPhone, ruralPhone]) {
    await page.waitForSelector("[data-testid=revealed]");
    assert.match(await page.locator("[data-testid=revealed]").textContent(), /b/);
    assert.match(await page.locator("[data-testid=reveal-total]").textContent(), /23/);
    assert.equal(await page.locator("[data-testid=tally-bars]").count(), 0);
  }
  await screenshot(cityPhone, "classroom-reveal");

  const report = await restAs(api.baseUrl, await tokenFor(api.baseUrl, host), "GET", `/api/classrooms/${classroomId}/report`);
  assert.deepEqual(report.questions[0].perClass.map((c) => [c.classId, c.answered, c.correct]), [["c-host", 1, 1], ["c-rural", 22, 18], ["c-quiet", 0, 0]]);
});
