import { type Point, smoothPath } from "./geometry";

/**
 * A limb drawn as an outlined stroke: a wide line in the drawing's ink under a narrower one in
 * the paper colour, so an arm or a figure has the same outline as the legs.
 */
export function Limb({ points, width }: { points: readonly Point[]; width: number }) {
  const d = smoothPath(points, { open: true });
  return (
    <>
      <path className="limb-edge" d={d} strokeWidth={width + 5} />
      <path className="limb" d={d} strokeWidth={width} />
    </>
  );
}
