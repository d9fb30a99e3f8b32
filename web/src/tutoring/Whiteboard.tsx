import { useEffect, useRef, useState } from "preact/hooks";
import type { Stroke } from "./roomState";
import { tt } from "./strings";

/** The board's own coordinates: every client draws and sends in these, whatever size the canvas is shown at. */
export const boardWidth = 960;
export const boardHeight = 600;
const maxPoints = 2000;
const colors = ["#1f2933", "#1565c0", "#c62828", "#2e7d32"];
const widths = [2, 4, 8];

interface Props {
  strokes: Stroke[];
  pending: Stroke[];
  locked: boolean;
  /** A blob URL of the image under the board, fitted into the board's 960×600 so strokes sit alike on every screen. */
  background?: string | null;
  onStroke: (stroke: Omit<Stroke, "strokeId" | "userId">) => void;
  onClear: () => void;
}

/** A canvas whiteboard: pointer moves become one stroke per press, drawn at once and sent when the pointer lifts. */
export function Whiteboard({ strokes, pending, locked, background, onStroke, onClear }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ points: [number, number][]; color: string; width: number } | null>(null);
  const [color, setColor] = useState(colors[1]);
  const [width, setWidth] = useState(widths[1]);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, boardWidth, boardHeight);
    for (const stroke of [...strokes, ...pending]) paint(context, stroke);
  }, [strokes, pending]);

  function toBoard(e: PointerEvent): [number, number] {
    const box = canvas.current!.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * boardWidth;
    const y = ((e.clientY - box.top) / box.height) * boardHeight;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  }

  function finish() {
    const stroke = drawing.current;
    drawing.current = null;
    if (stroke && stroke.points.length) onStroke(stroke);
  }

  return (
    <div class="board">
      {!locked && <div class="board-tools">
        <span class="muted">{tt("color")}</span>
        {colors.map((c) => (
          <button type="button" class={c === color ? "swatch active" : "swatch"} style={{ background: c }} aria-label={`${tt("color")} ${c}`} aria-pressed={c === color} onClick={() => setColor(c)} />
        ))}
        <span class="muted">{tt("width")}</span>
        {widths.map((w) => (
          <button type="button" class={w === width ? "chip active" : "chip"} aria-pressed={w === width} onClick={() => setWidth(w)}>{w}</button>
        ))}
        <button type="button" class="clear" onClick={onClear} data-testid="clear-board">{tt("clearBoard")}</button>
      </div>}
      <div class={background ? "board-frame with-background" : "board-frame"}>
        {background && <img class="board-background" src={background} alt={tt("background")} data-testid="board-background" />}
        <canvas
          ref={canvas}
          width={boardWidth}
          height={boardHeight}
          data-testid="board"
          data-stroke-count={strokes.length}
          data-pending-count={pending.length}
          aria-label={tt("board")}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            canvas.current!.setPointerCapture(e.pointerId);
            drawing.current = { points: [toBoard(e)], color, width };
            paint(canvas.current!.getContext("2d")!, drawing.current);
          }}
          onPointerMove={(e) => {
            const stroke = drawing.current;
            if (!stroke) return;
            const point = toBoard(e);
            const last = stroke.points[stroke.points.length - 1];
            if (last[0] === point[0] && last[1] === point[1]) return;
            stroke.points.push(point);
            const context = canvas.current!.getContext("2d")!;
            paint(context, { ...stroke, points: [last, point] });
            // A stroke has at most 2,000 points (PROTOCOL §4 limits): a long line goes as several strokes.
            if (stroke.points.length === maxPoints) {
              finish();
              drawing.current = { points: [point], color: stroke.color, width: stroke.width };
            }
          }}
          onPointerUp={finish}
          onPointerCancel={finish}
        />
        {locked && <p class="board-locked">{tt("boardLocked")}</p>}
      </div>
    </div>
  );
}

function paint(context: CanvasRenderingContext2D, stroke: Pick<Stroke, "points" | "color" | "width">): void {
  const [first, ...rest] = stroke.points;
  if (!first) return;
  context.strokeStyle = stroke.color;
  context.fillStyle = stroke.color;
  context.lineWidth = stroke.width;
  context.lineCap = "round";
  context.lineJoin = "round";
  if (!rest.length) {
    context.beginPath();
    context.arc(first[0], first[1], stroke.width / 2, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.beginPath();
  context.moveTo(first[0], first[1]);
  for (const [x, y] of rest) context.lineTo(x, y);
  context.stroke();
}
