import { token } from "../session";

/**
 * Fetches a file that needs the bearer token and hands it to the browser: saved under a name, or opened in a new tab
 * (the printable report). The blob URL is revoked later, not at once: the browser reads it after the call returns.
 */
export async function fetchFile(path: string, name: string, open = false): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) throw new Error(`${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  if (open) {
    window.open(url, "_blank", "noopener");
  } else {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
