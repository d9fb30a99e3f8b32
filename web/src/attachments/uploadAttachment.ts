import { ApiError } from "../api";
import { token } from "../session";

/** What `POST /api/files` answers (PROTOCOL §9). */
export interface Attachment {
  id: string;
  url: string;
  name: string;
  size: number;
  contentType: string;
}

/** The area an attachment belongs to: who may open it is who may see that owner. */
export type AttachmentOwner = `lessonprep/${string}` | `tutoring/${string}` | `exam/${string}`;

/** Uploads one file for an owner; refusals (`too_large`, a type not allowed, `forbidden`) arrive as ApiError. */
export async function uploadAttachment(file: File, owner: AttachmentOwner): Promise<Attachment> {
  const form = new FormData();
  // The owner first: the server refuses a caller who may not add to it before it takes in any of the file.
  form.append("owner", owner);
  form.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/files", { method: "POST", headers: { Authorization: `Bearer ${token()}` }, body: form });
  } catch (error) {
    throw new ApiError("network", String(error));
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(json?.code ?? String(response.status), json?.detail ?? response.statusText);
  return json as Attachment;
}

/**
 * A blob URL for an attachment's stored `url`: an <img> cannot send the bearer token, so the stored content keeps the
 * stable `/api/files/{id}` and the page shows a copy fetched with the token.
 */
export async function attachmentBlobUrl(url: string): Promise<string> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) throw new ApiError(String(response.status), response.statusText);
  return URL.createObjectURL(await response.blob());
}
