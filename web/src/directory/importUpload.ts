import { ApiError } from "../api";
import { token } from "../session";
import { NdjsonLines } from "./ndjsonLines";

export type CsvKind = "schools" | "people" | "classes" | "deactivate";
export const csvKinds: CsvKind[] = ["schools", "people", "classes", "deactivate"];

export interface ImportProgress { kind: string; done: number; total: number }
export interface ImportRowError { kind: string; row: number; field: string; message: string }
export interface ImportResult {
  schools: number;
  people: number;
  classes: number;
  deactivated: number;
  errors: ImportRowError[];
  moreErrors: number;
}

export interface UploadHandlers {
  sending(loaded: number, total: number): void;
  importing(progress: ImportProgress): void;
}

/**
 * POST /api/directory/import (PROTOCOL §6) by XMLHttpRequest, since fetch reports no upload progress: the upload's
 * progress events cover sending the file, then the NDJSON lines are read as they arrive for the import itself. A
 * refusal before the import starts is problem JSON with a non-2xx status; one after it is the stream's error line.
 */
export function uploadImport(file: File, csvKind: CsvKind | null, handlers: UploadHandlers): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const lines = new NdjsonLines();
    let settled = false;
    const fail = (error: ApiError) => {
      if (settled) return;
      settled = true;
      xhr.abort();
      reject(error);
    };
    const handle = (line: unknown) => {
      const value = line as { progress?: ImportProgress; result?: ImportResult; error?: { code: string; message: string } };
      if (value.progress) handlers.importing(value.progress);
      else if (value.result && !settled) {
        settled = true;
        resolve(value.result);
      } else if (value.error) fail(new ApiError(value.error.code, value.error.message));
    };
    const read = (finished: boolean) => {
      if (xhr.status < 200 || xhr.status >= 300) return;
      try {
        (finished ? lines.finish(xhr.responseText) : lines.take(xhr.responseText)).forEach(handle);
      } catch (error) {
        fail(new ApiError("internal", `the answer could not be read: ${String(error)}`));
      }
    };

    xhr.open("POST", `/api/directory/import${csvKind ? `?kind=${encodeURIComponent(csvKind)}` : ""}`);
    xhr.setRequestHeader("Content-Type", csvKind ? "text/csv" : "application/json");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    if (token()) xhr.setRequestHeader("Authorization", `Bearer ${token()}`);
    xhr.upload.onprogress = (e) => handlers.sending(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onprogress = () => read(false);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        fail(problem(xhr));
        return;
      }
      read(true);
      fail(new ApiError("internal", "the import's answer ended without its result"));
    };
    xhr.onerror = () => fail(new ApiError("network", "the upload did not reach the server"));
    xhr.send(file);
  });
}

function problem(xhr: XMLHttpRequest): ApiError {
  try {
    const json = JSON.parse(xhr.responseText) as { code?: string; detail?: string; title?: string };
    return new ApiError(json.code ?? String(xhr.status), json.detail ?? json.title ?? xhr.statusText);
  } catch {
    return new ApiError(String(xhr.status), xhr.statusText);
  }
}
