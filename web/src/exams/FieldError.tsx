import { ApiError } from "../api";
import { errorText } from "../i18n";
import type { FieldRef } from "./paperForm";

export interface Refusal { at: FieldRef | null; error: unknown }

/** The server's refusal, shown beside the field it names (and only there). */
export function FieldError({ refusal, field, question }: { refusal: Refusal | null; field: string; question?: string }) {
  if (!refusal?.at || refusal.at.field !== field || refusal.at.question !== question) return null;
  const error = refusal.error;
  const text = error instanceof ApiError ? errorText(error.code, error.detail) : String(error);
  return <p class="error field-error" role="alert" data-field-error={question ? `${question}.${field}` : field}>{text}</p>;
}
