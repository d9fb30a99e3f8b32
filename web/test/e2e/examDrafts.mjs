import { thisMinute } from "./harness.mjs";

/** The paper of the exam tests that are about what happens around it (rooms, rosters, analysis): 2 points each. */
export const twoQuestions = [
  { id: "q1", kind: "single", points: 2, stem: "1 + 1 = ?", options: [{ id: "a", text: "1" }, { id: "b", text: "2" }, { id: "c", text: "3" }], answer: "b" },
  { id: "q2", kind: "truefalse", points: 2, stem: "CPU 是计算机的中央处理器。", answer: true },
];

/** An exam's clock, open since a minute ago: 30 minutes each, and late joins admitted for 30. */
export const openSinceAMinute = () => ({ opensAt: new Date(Date.now() - 60_000).toISOString(), durationMinutes: 30, lateJoinMinutes: 30 });

/** Opens a new exam in the editor with its title, opening this minute for 30 minutes, and one true/false question. */
export async function draftInEditor(page, title) {
  await page.click("[data-testid=new-exam]");
  await page.waitForSelector("[data-testid=exam-editor]");
  await page.fill("input[name=title]", title);
  await page.fill("input[name=subject]", "信息技术");
  await page.fill("input[name=opensAt]", await thisMinute(page));
  await page.fill("input[name=durationMinutes]", "30");
  await page.fill("input[name=lateJoinMinutes]", "30");
  await page.click("[data-add=truefalse]");
  await page.fill("textarea[name=q1-stem]", "CPU 是计算机的中央处理器。");
}
