import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

// A city host class, a linked rural class with its own teacher (the assistant), and a second linked class without devices.
const admin = { userId: "a-8001", name: "管理员", role: "admin" };
const host = { userId: "t-8001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" };
const assistant = { userId: "t-8002", name: "李老师", role: "teacher", school: "3302001", county: "淳安县" };
const cityStudent = { userId: "s-8101", name: "小红", role: "student", school: "3301001", county: "西湖区" };
const ruralStudent = { userId: "s-8201", name: "小兰", role: "student", school: "3302001", county: "淳安县" };

let api;
let browser;
before(async () => {
  api = await startApi("classroom");
  browser = await launchBrowser();
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, admin), "POST", "/api/directory/import", {
    schools: [
      { code: "3301001", name: "城区实验中学", county: "西湖区" },
      { code: "3302001", name: "李家村中学", county: "淳安县" },
      { code: "3303001", name: "赵庄中学", county: "淳安县" },
    ],
    people: [
      { userId: host.userId, name: host.name, role: "teacher", schoolCode: "3301001" },
      { userId: assistant.userId, name: assistant.name, role: "teacher", schoolCode: "3302001" },
      { userId: "t-8003", name: "赵老师", role: "teacher", schoolCode: "3303001" },
      { userId: cityStudent.userId, name: cityStudent.name, role: "student", schoolCode: "3301001" },
      { userId: ruralStudent.userId, name: ruralStudent.name, role: "student", schoolCode: "3302001" },
      { userId: "s-8301", name: "小芳", role: "student", schoolCode: "3303001" },
    ],
    classes: [
      { id: "c-host", schoolCode: "3301001", name: "初二(1)班", grade: "8", teacherIds: [host.userId], studentIds: [cityStudent.userId] },
      { id: "c-rural", schoolCode: "3302001", name: "初二(3)班", grade: "8", teacherIds: [assistant.userId], studentIds: [ruralStudent.userId] },
      { id: "c-quiet", schoolCode: "3303001", name: "初二(2)班", grade: "8", teacherIds: ["t-8003"], studentIds: ["s-8301"] },
    ],
  });
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
