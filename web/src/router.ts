import { signal } from "./signal";

/**
 * Paths of the client (the Api's fallback serves index.html for each): /, /groups/:id, /find-groups,
 * /directory/import, /exams/:id, /exams/:id/proctor, /classrooms/:id, /homework/new, /homework/:id(/marking|/results) and the others main.tsx matches.
 */
export const path = signal(location.pathname);

export function navigate(to: string): void {
  if (to === location.pathname) return;
  history.pushState(null, "", to);
  path.set(to);
}

addEventListener("popstate", () => path.set(location.pathname));

export function match(pattern: RegExp, value: string): string[] | null {
  const found = pattern.exec(value);
  return found ? found.slice(1).map(decodeURIComponent) : null;
}
