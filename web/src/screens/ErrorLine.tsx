import { ApiError } from "../api";
import { errorText } from "../i18n";

/** Every refusal shows its code's message in the current language. */
export function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiError ? errorText(error.code, error.detail) : String(error);
  return <p class="error" role="alert">{text}</p>;
}
