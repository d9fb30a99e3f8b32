import { useState } from "preact/hooks";
import { ErrorLine } from "../screens/ErrorLine";
import type { Dimension, Rubric } from "./model";
import { ot } from "./strings";

interface Row { key: string; name: string; weight: string; descriptors: string }
interface Props { rubric: Rubric; save: (rubric: Rubric) => Promise<void> }

const minRows = 2;
const maxRows = 12;

/**
 * The rubric of a scheduled lesson, for the observed teacher or the group leader: names, weights (summing to 100) and
 * descriptors, one a line. The server checks it again; Start fixes it.
 */
export function RubricEditor({ rubric, save }: Props) {
  const [rows, setRows] = useState<Row[]>(() => rubric.dimensions.map(toRow));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sum = rows.reduce((total, row) => total + (Number.parseInt(row.weight, 10) || 0), 0);
  const change = (index: number, field: keyof Row) => (e: Event) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, [field]: (e.target as HTMLInputElement).value } : row)));

  function addRow() {
    const used = new Set(rows.map((row) => row.key));
    let n = rows.length + 1;
    while (used.has(`item-${n}`)) n++;
    setRows([...rows, { key: `item-${n}`, name: "", weight: "", descriptors: "" }]);
  }

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save({ dimensions: rows.map(toDimension) });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="ob-rubric-editor">
      <summary>{ot("editRubric")}</summary>
      <form data-testid="rubric-editor" onSubmit={submit}>
        <table class="ob-table">
          <thead>
            <tr><th>{ot("dimension")}</th><th>{ot("weightLabel")}</th><th>{ot("descriptors")}</th><th /></tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key} data-row={row.key}>
                <td><input name="name" required maxLength={50} value={row.name} onInput={change(i, "name")} aria-label={ot("dimension")} /></td>
                <td><input name="weight" type="number" required min={1} max={100} step={1} value={row.weight} onInput={change(i, "weight")} aria-label={ot("weightLabel")} /></td>
                <td><textarea name="descriptors" rows={2} value={row.descriptors} onInput={change(i, "descriptors")} aria-label={ot("descriptors")} /></td>
                <td>
                  <button type="button" data-action="remove-dimension" disabled={rows.length <= minRows}
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}>{ot("remove")}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="ob-rubric-actions">
          <button type="button" data-action="add-dimension" disabled={rows.length >= maxRows} onClick={addRow}>{ot("addDimension")}</button>
          <span class={sum === 100 ? "ob-sum" : "ob-sum bad"} data-testid="weight-sum" data-sum={sum}>{ot("weightSum", { n: sum })}</span>
          <button type="submit" class="primary" disabled={busy || sum !== 100}>{ot("saveRubric")}</button>
        </p>
        <ErrorLine error={error} />
      </form>
    </details>
  );
}

function toRow(d: Dimension): Row {
  return { key: d.key, name: d.name, weight: String(d.weight), descriptors: (d.descriptors ?? []).join("\n") };
}

function toDimension(row: Row): Dimension {
  const descriptors = row.descriptors.split("\n").map((line) => line.trim()).filter(Boolean);
  // The contract's dimension always has descriptors, null when there are none.
  return { key: row.key, name: row.name.trim(), weight: Number.parseInt(row.weight, 10), descriptors: descriptors.length ? descriptors : null };
}
