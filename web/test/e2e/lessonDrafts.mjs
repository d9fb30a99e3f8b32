import { launchBrowser, newPage, restAs, signInAs, startApi, tokenFor } from "./harness.mjs";

/**
 * The lesson-preparation tests' set-up: an Api (with apiArgs), a browser, a group made by `lead` with `member` added,
 * and a page signed in for each. stop() closes both.
 */
export async function groupWithTwoTeachers(name, { lead, member, group, apiArgs = [] }) {
  const api = await startApi(name, apiArgs);
  let browser;
  try {
    browser = await launchBrowser();
    const leadToken = await tokenFor(api.baseUrl, lead);
    const { id: groupId } = await restAs(api.baseUrl, leadToken, "POST", "/api/groups", group);
    await restAs(api.baseUrl, leadToken, "POST", `/api/groups/${groupId}/members`, member);
    const leaderPage = await newPage(browser, api.baseUrl);
    const memberPage = await newPage(browser, api.baseUrl);
    await signInAs(leaderPage, lead);
    await signInAs(memberPage, member);
    return { api, browser, groupId, leadToken, leader: leaderPage, member: memberPage, stop: () => stop(api, browser) };
  } catch (failure) {
    await stop(api, browser);
    throw failure;
  }
}

async function stop(api, browser) {
  await browser?.close();
  await api.stop();
}

/**
 * Lets a test take a page's lesson-prep hub offline and back: routes its negotiation and WebSocket, which apply to
 * connections made from the next reload on. cut() closes the open sockets and refuses new ones until restore().
 */
export async function hubSwitch(page) {
  const hub = { cut: false, sockets: [] };
  await page.route("**/hubs/lessonprep/negotiate**", (route) => (hub.cut ? route.abort("internetdisconnected") : route.continue()));
  await page.routeWebSocket(/\/hubs\/lessonprep/, (ws) => {
    if (hub.cut) return void ws.close();
    const server = ws.connectToServer();
    hub.sockets.push({ ws, server });
  });
  return {
    async cut() {
      hub.cut = true;
      for (const { ws, server } of hub.sockets.splice(0)) {
        await ws.close().catch(() => undefined);
        await server.close().catch(() => undefined);
      }
    },
    restore() {
      hub.cut = false;
    },
  };
}

/** Waits until the page's browser store holds a lesson-prep draft with `text` (PROTOCOL §9, kept for a reload). */
export const draftHolds = (page, text) =>
  page.waitForFunction(
    (wanted) =>
      new Promise((resolve) => {
        const open = indexedDB.open("collab-lessonprep");
        open.onsuccess = () => {
          const read = open.result.transaction("drafts").objectStore("drafts").getAll();
          read.onsuccess = () => resolve(JSON.stringify(read.result).includes(wanted));
          read.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    text,
  );
