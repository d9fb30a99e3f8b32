import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, newPage, screenshot, startApi } from "./harness.mjs";
import { startIssuer } from "./oidc-support.mjs";

const zhao = { userId: "oidc-3301-0042", name: "赵老师", role: "teacher", school: "3301003", county: "上城区" };

let issuer;
let api;
let browser;
before(async () => {
  // oidc-client-ts renews 60 s before expiry: a 65 s token is renewed about 5 s after sign-in.
  issuer = await startIssuer(zhao, { clientId: "collab-web", audience: "collab", expiresIn: 65 });
  api = await startApi("oidc-sign-in", [
    `--Collab:Auth:Authority=${issuer.url}`,
    "--Collab:Auth:Audience=collab",
    "--Collab:Auth:ClientId=collab-web",
    "--Collab:Auth:RequireHttpsMetadata=false",
  ]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await api?.stop();
  await issuer?.stop();
});

test("with an issuer configured, sign-in goes through it by code + PKCE, its token works for REST and hubs and is renewed, and sign-out ends it", async () => {
  const config = await (await fetch(`${api.baseUrl}/api/auth/config`)).json();
  assert.deepEqual(config, { devIssuer: false, authority: issuer.url, clientId: "collab-web", scope: "openid profile" });

  const page = await newPage(browser, api.baseUrl);
  await page.goto("/");
  await page.waitForSelector("[data-testid=oidc-button]");
  assert.equal(await page.$("input[name=userId]"), null, "no development user picker");
  await screenshot(page, "oidc-sign-in");

  await page.click("[data-testid=oidc-button]");
  await page.waitForSelector("[data-testid=who] >> text=赵老师");
  const renewal = issuer.nextTokens();
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(issuer.seen.authorize.length, 1);
  assert.equal(issuer.seen.authorize[0].code_challenge_method, "S256");
  assert.ok(issuer.seen.token[0].code_verifier, "the token request carried the PKCE verifier");

  // REST with the issuer's access token: the teacher's groups load, and a group can be created.
  await page.waitForSelector("text=还没有加入教研组。");
  await page.fill("[data-testid=create-group] input[name=name]", "上城区语文教研组");
  await page.fill("[data-testid=create-group] input[name=subject]", "语文");
  await page.fill("[data-testid=create-group] input[name=grade]", "八年级");
  await page.click("[data-testid=create-group] button[type=submit]");
  // The group space is the hub's Join snapshot: the hub took the same token.
  await page.waitForSelector("[data-testid=group-name] >> text=上城区语文教研组");

  // Before the access token expires it is renewed with the refresh token, and the session carries the new one.
  const renewed = await renewal;
  assert.equal(renewed.grant, "refresh_token");
  await page.waitForFunction((token) => JSON.parse(sessionStorage.getItem("collab.session")).token === token, renewed.accessToken);
  await page.goto("/");
  await page.waitForSelector("[data-testid=my-groups] >> text=上城区语文教研组");

  await page.click("text=退出");
  await page.waitForSelector("[data-testid=oidc-button]");
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("oidc.user"))), []);
});
