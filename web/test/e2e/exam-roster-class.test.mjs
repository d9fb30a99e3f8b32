import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";
import { draftInEditor } from "./examDrafts.mjs";

// The directory names these people differently from what their sign-in says, so the screens show whose name they use.
const admin = { userId: "a-5001", name: "管理员", role: "admin" };
const teacher = { userId: "t-5001", name: "登录名", role: "teacher", school: "3301001", county: "西湖区" };
const students = [{ userId: "s-5101", name: "登录名甲" }, { userId: "s-5102", name: "登录名乙" }];

let api;
let browser;
before(async () => {
  api = await startApi("exam-roster-class");
  browser = await launchBrowser();
  await restAs(api.baseUrl, await tokenFor(api.baseUrl, admin), "POST", "/api/directory/import", {
    schools: [{ code: "3301001", name: "第一中学", county: "西湖区" }],
    people: [
      { userId: teacher.userId, name: "林老师", role: "teacher", schoolCode: "3301001" },
      { userId: "s-5101", name: "王小明", role: "student", schoolCode: "3301001" },
      { userId: "s-5102", name: "刘小红", role: "student", schoolCode: "3301001" },
      { userId: "s-5103", name: "赵小刚", role: "student", schoolCode: "3301001" },
    ],
    classes: [{ id: "c-7-1", schoolCode: "3301001", name: "七年级一班", grade: "7", teacherIds: [teacher.userId], studentIds: students.map((s) => s.userId) }],
  });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("a teacher seats a whole class and picks one more student as the roster, publishes, the results list its students under the directory's names, and a student finds the exam on their home", async () => {
  const page = await newPage(browser, api.baseUrl);
  await signInAs(page, teacher);
  await draftInEditor(page, "信息技术单元测验");
  await page.check("[data-roster-classes] input[name=rosterClass][value=c-7-1]");
  // One more candidate, from another class, picked by name from the directory rather than typed as an id.
  await page.fill("#roster-picker", "赵小");
  await page.click("#roster-picker-listbox [data-user=s-5103]");
  assert.equal((await page.inputValue("textarea[name=roster]")).trim(), "s-5103");
  await page.click("[data-testid=save-draft]");
  await page.waitForURL(/\/exams\/[^/]+\/edit$/);
  const examId = decodeURIComponent(page.url().split("/").at(-2));
  await page.waitForSelector("[data-roster-classes] input[value=c-7-1]:checked");
  await screenshot(page, "exam-roster-class");

  await page.click("[data-testid=publish]");
  await page.click("[data-testid=confirm-publish]");
  await page.waitForSelector("[data-testid=paper-view]");
  const published = await restAs(api.baseUrl, await tokenFor(api.baseUrl, teacher), "GET", `/api/exams/${examId}`);
  assert.deepEqual([...published.roster].sort(), [...students.map((s) => s.userId), "s-5103"]);
  assert.deepEqual(published.rosterClasses, ["c-7-1"]);

  await page.goto(`/exams/${examId}/results`);
  for (const [id, name] of [["s-5101", "王小明"], ["s-5102", "刘小红"]]) {
    const row = await page.waitForSelector(`[data-student=${id}]`);
    assert.match(await row.textContent(), new RegExp(name));
  }

  // The student types no id: their home lists the exam their class sits, open now, and takes them into it.
  const student = await newPage(browser, api.baseUrl);
  await signInAs(student, { ...students[0], role: "student", school: "3301001", county: "西湖区" });
  const line = await student.waitForSelector(`[data-testid=my-sittings] li[data-exam="${examId}"]`);
  assert.equal(await line.getAttribute("data-status"), "open");
  assert.match(await line.textContent(), /信息技术单元测验/);
  await screenshot(student, "student-home-exams");
  await student.click(`[data-testid=my-sittings] li[data-exam="${examId}"] [data-action=take]`);
  await student.waitForSelector("[data-testid=countdown]");
  assert.ok(student.url().endsWith(`/exams/${encodeURIComponent(examId)}`));
  const other = await newPage(browser, api.baseUrl);
  await signInAs(other, { userId: "s-5199", name: "别班同学", role: "student" });
  await other.waitForSelector("[data-testid=no-sittings]");
});
