import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, restAs, screenshot, signInAs, startApi, tokenFor } from "./harness.mjs";

const admin = { userId: "a-0001", name: "教研员", role: "admin", school: "3300000", county: "市教育局" };
const lin = { userId: "t-lin", name: "林老师", role: "teacher", school: "S-B1", county: "拱墅区" };
const he = { userId: "t-he", name: "何老师", role: "teacher", school: "S-B2", county: "上城区" };

let api;
let browser;
let adminToken;
before(async () => {
  // Two rows a batch, so a five-row file reports progress three times; two errors listed, the rest counted; files
  // up to 20 kB, so one a little larger is refused before the import starts.
  api = await startApi("directory", ["--Collab:Directory:BatchRows=2", "--Collab:Directory:MaxReportedErrors=2", "--Collab:Directory:MaxImportBytes=20000"]);
  browser = await launchBrowser();
  adminToken = await tokenFor(api.baseUrl, admin);
  await restAs(api.baseUrl, adminToken, "POST", "/api/directory/import", {
    schools: [
      { code: "S-B1", name: "拱墅区第一中学", county: "拱墅区" },
      { code: "S-B2", name: "上城区实验中学", county: "上城区" },
    ],
    people: [
      { userId: lin.userId, name: lin.name, role: "teacher", schoolCode: "S-B1" },
      { userId: he.userId, name: he.name, role: "teacher", schoolCode: "S-B2" },
      { userId: "t-zw", name: "张伟", role: "teacher", schoolCode: "S-B1" },
      { userId: "t-zl", name: "张丽", role: "teacher", schoolCode: "S-B2" },
      { userId: "s-zm", name: "张明", role: "student", schoolCode: "S-B1" },
    ],
  });
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

async function openImport(page) {
  await signInAs(page, admin);
  await page.click("[data-testid=open-directory-import]");
  await page.waitForURL(/\/directory\/import$/);
}

test("an admin imports a JSON file with one bad row: the bar reaches the end, the counts and the refused row are shown", async () => {
  const page = await newPage(browser, api.baseUrl);
  await openImport(page);
  const file = {
    schools: [
      { code: "S-A1", name: "滨江区第一中学", county: "滨江区" },
      { code: "S-A2", name: "滨江区实验小学", county: "滨江区" },
    ],
    people: [
      { userId: "t-zhou", name: "周老师", role: "teacher", schoolCode: "S-A1" },
      { userId: "t-wu", name: "吴老师", role: "principal", schoolCode: "S-A1" },
      { userId: "t-zheng", name: "郑老师", role: "teacher", schoolCode: "S-A2" },
    ],
  };
  await page.setInputFiles("input[name=file]", { name: "city.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  assert.equal(await page.locator("select[name=kind]").count(), 0, "a JSON file names its kinds itself");
  await page.click("[data-testid=import-form] button[type=submit]");

  await page.waitForSelector("[data-testid=import-progress][data-phase=done]");
  const [value, max] = await page.$eval("[data-testid=import-progress]", (bar) => [bar.value, bar.max]);
  assert.deepEqual([value, max], [5, 5]);
  assert.equal(await page.textContent("[data-testid=import-rows]"), " 5 / 5 行");
  assert.equal(await page.textContent("[data-count=schools]"), "学校 2");
  assert.equal(await page.textContent("[data-count=people]"), "人员 2");
  assert.equal(await page.textContent("[data-count=classes]"), "班级 0");
  const rows = await page.locator("[data-testid=import-errors] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].slice(0, 3), ["人员", "2", "role"]);
  assert.match(rows[0][3], /role/);
  assert.equal(await page.locator("[data-testid=more-errors]").count(), 0);
  await screenshot(page, "directory-import");

  // What the page reported is what was stored: the good rows are in the directory, the refused one is not.
  const found = await restAs(api.baseUrl, adminToken, "GET", "/api/directory/people?county=%E6%BB%A8%E6%B1%9F%E5%8C%BA");
  assert.deepEqual(found.people.map((p) => p.userId).sort(), ["t-zheng", "t-zhou"]);
});

test("a CSV import of people with three refused rows lists two and counts the third", async () => {
  const page = await newPage(browser, api.baseUrl);
  await openImport(page);
  const csv = "userId,name,role,schoolCode\nt-sun,孙老师,teacher,S-NONE\nt-qian,钱老师,teacher,S-NONE\nt-feng,冯老师,teacher,S-NONE\nt-chen,陈老师,teacher,S-B1\n";
  await page.setInputFiles("input[name=file]", { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.selectOption("select[name=kind]", "people");
  await page.click("[data-testid=import-form] button[type=submit]");
  await page.waitForSelector("[data-testid=import-progress][data-phase=done]");
  assert.equal(await page.textContent("[data-count=people]"), "人员 1");
  assert.deepEqual(await page.locator("[data-testid=import-errors] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.row)), ["1", "2"]);
  assert.equal(await page.textContent("[data-testid=more-errors]"), "另有 1 行错误未列出");
});

test("a CSV whose header is not the kind's is refused as a whole, with the server's reason and no result", async () => {
  const page = await newPage(browser, api.baseUrl);
  await openImport(page);
  await page.setInputFiles("input[name=file]", { name: "schools.csv", mimeType: "text/csv", buffer: Buffer.from("code,name,county\nS-X,某校,某区\n") });
  await page.selectOption("select[name=kind]", "classes");
  await page.click("[data-testid=import-form] button[type=submit]");
  await page.waitForSelector("[data-testid=import-progress][data-phase=failed]");
  const alert = await page.textContent(".directory-import [role=alert]");
  assert.match(alert, /^输入有误。/);
  assert.match(alert, /header/);
  assert.equal(await page.locator("[data-testid=import-result]").count(), 0);
  const stored = await restAs(api.baseUrl, adminToken, "GET", "/api/directory/schools?county=%E6%9F%90%E5%8C%BA");
  assert.deepEqual(stored.schools, []);
});

test("a file over the size limit is refused before the import with the server's problem, and stores nothing", async () => {
  const page = await newPage(browser, api.baseUrl);
  await openImport(page);
  const people = Array.from({ length: 300 }, (_, i) => ({ userId: `t-big-${i}`, name: `大文件老师${i}`, role: "teacher", schoolCode: "S-B1" }));
  const buffer = Buffer.from(JSON.stringify({ people }));
  assert.ok(buffer.length > 20000);
  await page.setInputFiles("input[name=file]", { name: "big.json", mimeType: "application/json", buffer });
  await page.click("[data-testid=import-form] button[type=submit]");
  await page.waitForSelector("[data-testid=import-progress][data-phase=failed]");
  assert.match(await page.textContent(".directory-import [role=alert]"), /^内容太长。（.*20000 bytes）$/);
  const stored = await restAs(api.baseUrl, adminToken, "GET", "/api/directory/people?q=t-big-");
  assert.deepEqual(stored.people, []);
});

test("a teacher finds a group by county and asks to join; the leader sees the request live and approves it; the group is then the teacher's", async () => {
  const leaderToken = await tokenFor(api.baseUrl, lin);
  const { id: groupId } = await restAs(api.baseUrl, leaderToken, "POST", "/api/groups", { name: "初中数学联合教研组", subject: "数学", grade: "七年级", county: "上城区" });
  const { id: otherId } = await restAs(api.baseUrl, leaderToken, "POST", "/api/groups", { name: "初中语文教研组", subject: "语文", grade: "七年级", county: "拱墅区" });

  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, lin);
  await leader.goto(`/groups/${groupId}`);
  await leader.waitForSelector("[data-testid=no-join-requests]");

  const teacher = await newPage(browser, api.baseUrl);
  await signInAs(teacher, he);
  await teacher.click("[data-testid=find-groups]");
  await teacher.waitForURL(/\/find-groups$/);
  await teacher.fill("[data-testid=group-filters] input[name=county]", "上城区");
  await teacher.click("[data-testid=group-filters] button[type=submit]");
  const found = `[data-testid=group-results][data-county="上城区"] li[data-group="${groupId}"]`;
  await teacher.waitForSelector(found);
  assert.equal(await teacher.locator(`[data-testid=group-results] li[data-group="${otherId}"]`).count(), 0);
  assert.match(await teacher.textContent(found), /1 名成员 · 组长 林老师/);
  await teacher.click(`${found} [data-testid=ask-to-join]`);
  await teacher.waitForSelector(`${found} [data-testid=requested]`);
  await screenshot(teacher, "find-groups");

  // join.requested reaches the leader's open space; the name and school are the directory's.
  const request = `[data-testid=join-requests] li[data-user="${he.userId}"]`;
  await leader.waitForSelector(request);
  assert.match(await leader.textContent(request), /何老师 上城区实验中学 · 上城区/);
  await screenshot(leader, "group-join-requests");
  await leader.click(`${request} [data-testid=approve]`);
  await leader.waitForSelector(`[data-testid=members] li[data-user="${he.userId}"]`);
  await leader.waitForSelector("[data-testid=no-join-requests]");

  await teacher.click(".top .brand");
  await teacher.waitForSelector(`[data-testid=my-groups] li:has-text('初中数学联合教研组')`);
  assert.match(await teacher.textContent("[data-testid=my-groups]"), /2 名成员 · 组员/);
});

test("a leader adds a member by typing part of a name and choosing with the keyboard; the list shows the directory's name and school", async () => {
  const leaderToken = await tokenFor(api.baseUrl, lin);
  const { id: groupId } = await restAs(api.baseUrl, leaderToken, "POST", "/api/groups", { name: "物理教研组", subject: "物理", grade: "八年级" });
  const leader = await newPage(browser, api.baseUrl);
  await signInAs(leader, lin);
  await leader.goto(`/groups/${groupId}`);
  const picker = "[data-testid=add-member] [role=combobox]";
  await leader.fill(picker, "张");
  // Teachers only (张明 is a student), ordered by name: 张丽 then 张伟.
  await leader.waitForSelector(`[data-testid=add-member] [role=option][data-user="t-zw"]`);
  assert.deepEqual(await leader.locator("[data-testid=add-member] [role=option]").evaluateAll((os) => os.map((o) => o.dataset.user)), ["t-zl", "t-zw"]);
  assert.equal(await leader.getAttribute(picker, "aria-expanded"), "true");
  await leader.press(picker, "ArrowDown");
  await leader.press(picker, "ArrowDown");
  const active = await leader.getAttribute(picker, "aria-activedescendant");
  assert.equal(await leader.getAttribute(`#${active}`, "data-user"), "t-zw");
  assert.equal(await leader.getAttribute(`#${active}`, "aria-selected"), "true");
  await leader.press(picker, "Enter");

  const member = `[data-testid=members] li[data-user="t-zw"]`;
  await leader.waitForSelector(member);
  assert.match(await leader.textContent(member), /张伟 拱墅区第一中学 · 拱墅区 · 组员/);
  assert.equal(await leader.inputValue(picker), "");
  assert.equal(await leader.locator("[data-testid=members] li").count(), 2);
  await screenshot(leader, "group-people-picker");
});
