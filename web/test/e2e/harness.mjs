// Starts a real Collab Api (its own data directory and ports) and a headless Debian Chromium for the browser tests.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const artifacts = process.env.COLLAB_WEB_ARTIFACTS ?? join(repoRoot, "TestResults", "web");
mkdirSync(artifacts, { recursive: true });

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** The newest built Api.dll (Debug or Release), or COLLAB_API_DLL. */
function apiDll() {
  if (process.env.COLLAB_API_DLL) return process.env.COLLAB_API_DLL;
  const builds = ["Debug", "Release"]
    .map((config) => join(repoRoot, "Api", "bin", config, "net10.0", "Api.dll"))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!builds.length) throw new Error("build the Api first (dotnet build Api)");
  return builds[0];
}

/**
 * A Collab Api on free loopback ports with a fresh SQLite data directory; resolves once /health/ready answers 200.
 * restart() stops the process and starts it again on the same ports and data (an Api node going away and coming back).
 * extraArgs are further configuration switches (e.g. "--Collab:Tutoring:SlotMinute=00:00:01") for this test file's Api.
 */
export async function startApi(name, extraArgs = []) {
  const ports = [await freePort(), await freePort(), await freePort()];
  const dataDirectory = mkdtempSync(join(tmpdir(), "collab-web-"));
  const baseUrl = `http://127.0.0.1:${ports[0]}`;
  let runs = 0;
  let current = await run();

  async function run() {
    const log = createWriteStream(join(artifacts, `api-${name}${runs++ ? `-${runs}` : ""}.log`));
    const child = spawn(
      "dotnet",
      [
        apiDll(),
        `--urls=${baseUrl}`,
        `--Collab:DataDirectory=${dataDirectory}`,
        `--Collab:Orleans:SiloPort=${ports[1]}`,
        `--Collab:Orleans:GatewayPort=${ports[2]}`,
        "--environment=Development",
        ...extraArgs,
      ],
      { cwd: dataDirectory, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const exited = new Promise((done) => child.once("exit", (code) => done(code)));
    const deadline = Date.now() + 180_000;
    for (;;) {
      const ready = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
      if (ready) return { child, exited };
      if (child.exitCode !== null) throw new Error(`the Api exited with ${child.exitCode}; see api-${name}.log`);
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the Api was not ready within 180 s; see api-${name}.log`);
      }
      // Polling the readiness endpoint is the wait itself: there is no event to subscribe to across processes.
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  async function halt() {
    current.child.kill("SIGTERM");
    const timer = setTimeout(() => current.child.kill("SIGKILL"), 15_000);
    await current.exited;
    clearTimeout(timer);
  }

  return {
    baseUrl,
    stopProcess: halt,
    async startProcess() {
      current = await run();
    },
    async stop() {
      await halt();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's chromium, headless. Playwright gives every launch a fresh temporary profile (it refuses a --user-data-dir
 * in args for a non-persistent browser, whose contexts are what lets two users share one browser here).
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser, baseUrl, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: "zh-CN" });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Signs in through the sign-in screen, as a person would. */
export async function signInAs(page, user) {
  await page.goto("/");
  await page.fill("input[name=userId]", user.userId);
  await page.fill("input[name=name]", user.name);
  await page.selectOption("select[name=role]", user.role);
  await page.fill("input[name=school]", user.school ?? "3301001");
  await page.fill("input[name=county]", user.county ?? "西湖区");
  await page.click("form button[type=submit]");
  await page.waitForSelector("[data-testid=who]");
}

/** A development token for REST set-up done by the test itself (creating an exam, checking results). */
export async function tokenFor(baseUrl, user) {
  const response = await fetch(`${baseUrl}/api/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`dev token: ${response.status}`);
  return (await response.json()).token;
}

export async function restAs(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The browser's current minute as a datetime-local input takes it: an exam opening now. */
export const thisMinute = (page) =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
