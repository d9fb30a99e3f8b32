import { ApiError } from "../api";
import { ErrorLine } from "../screens/ErrorLine";

/** A refusal in the current language, with its PROTOCOL §0 code on the element for whoever reads the page by code. */
export function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div data-testid="refusal" data-code={error instanceof ApiError ? error.code : "client"}>
      <ErrorLine error={error} />
    </div>
  );
}
