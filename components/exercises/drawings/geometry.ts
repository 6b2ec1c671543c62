// Plain geometry for the exercise drawings: points, rotation, and smooth outlines through a
// few points, so a leg or a foot is described by its joints and angles rather than by
// hand-written curves. Pure functions, evaluated when a drawing renders on the server.

export type Point = readonly [number, number];

const RADIANS = Math.PI / 180;

/** `p` turned by `degrees` about `origin`; positive is clockwise on screen (y points down). */
export function rotate(p: Point, degrees: number, origin: Point = [0, 0]): Point {
  const a = degrees * RADIANS;
  const [x, y] = [p[0] - origin[0], p[1] - origin[1]];
  return [origin[0] + x * Math.cos(a) - y * Math.sin(a), origin[1] + x * Math.sin(a) + y * Math.cos(a)];
}

export function add(p: Point, q: Point): Point {
  return [p[0] + q[0], p[1] + q[1]];
}

/** The point `length` away from `p` in the direction `degrees` (0 is right, 90 is down). */
export function towards(p: Point, degrees: number, length: number): Point {
  return [p[0] + length * Math.cos(degrees * RADIANS), p[1] + length * Math.sin(degrees * RADIANS)];
}

const n = (value: number) => String(Math.round(value * 10) / 10);
const pt = (p: Point) => `${n(p[0])} ${n(p[1])}`;

/**
 * A smooth path through `points` (a Catmull-Rom spline drawn as cubic Béziers), closed unless
 * `open`. `tension` 0 gives straight lines, about 1 a rounded shape.
 */
export function smoothPath(
  points: readonly Point[],
  { open = false, tension = 1 }: { open?: boolean; tension?: number } = {},
): string {
  const count = points.length;
  const at = (i: number): Point =>
    open ? points[Math.max(0, Math.min(count - 1, i))]! : points[((i % count) + count) % count]!;
  const segments = open ? count - 1 : count;
  let d = `M${pt(at(0))}`;
  for (let i = 0; i < segments; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1: Point = [p1[0] + ((p2[0] - p0[0]) * tension) / 6, p1[1] + ((p2[1] - p0[1]) * tension) / 6];
    const c2: Point = [p2[0] - ((p3[0] - p1[0]) * tension) / 6, p2[1] - ((p3[1] - p1[1]) * tension) / 6];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return open ? d : `${d}Z`;
}

/** A straight path through `points`. */
export function polyline(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${pt(p)}`).join("");
}

/** A quadratic curve from `from` through the pull of `control` to `to`. */
export function curve(from: Point, control: Point, to: Point): string {
  return `M${pt(from)}Q${pt(control)} ${pt(to)}`;
}

/** A filled arrowhead with its tip at `tip`, pointing in the direction `degrees`. */
export function arrowhead(tip: Point, degrees: number, size = 11): string {
  const left = towards(tip, degrees + 180 - 28, size);
  const right = towards(tip, degrees + 180 + 28, size);
  return `M${pt(tip)}L${pt(left)}L${pt(right)}Z`;
}

/** The direction from `from` to `to` in degrees (0 is right, 90 is down). */
export function direction(from: Point, to: Point): number {
  return Math.atan2(to[1] - from[1], to[0] - from[0]) / RADIANS;
}
