/** Boxes on a page, for layout tests that check by geometry (header, workspace). */

export type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes overlap by more than half a pixel. */
export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}
