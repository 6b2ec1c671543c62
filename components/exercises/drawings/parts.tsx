// The pieces the drawings share: a step, a rolled towel, the leg's shape and the arrows. Each
// carries a class that globals.css colours (`.exercise-drawing …`).
import { arrowhead, curve, direction, type Point, polyline } from "./geometry";
import type { Leg } from "./leg";

/** The height of a step's top, and of the floor below it. */
export const STEP_TOP = 148;
const FLOOR = 190;

/** A step whose edge is at `edge`, reaching right to `right`, with the floor to the left from `left`. */
export function Step({ edge, left, right }: { edge: number; left: number; right: number }) {
  return (
    <>
      <path
        className="floor"
        d={polyline([
          [left, FLOOR],
          [right, FLOOR],
        ])}
      />
      <path
        className="prop"
        d={`${polyline([
          [right, FLOOR],
          [edge, FLOOR],
          [edge, STEP_TOP],
          [right, STEP_TOP],
        ])}Z`}
      />
    </>
  );
}

/** A rolled towel seen end on, resting on a surface at `surface`: a circle and its rolled-in edge. */
export function RolledTowel({ x, surface, radius }: { x: number; surface: number; radius: number }) {
  const cy = surface - radius;
  const r = radius * 0.45;
  return (
    <>
      <circle className="towel" cx={x} cy={cy} r={radius} />
      <path className="towel-fold" d={`M${x - r} ${cy}a${r} ${r} 0 1 1 ${r} ${r}`} />
    </>
  );
}

/** The leg, drawn over whatever is behind it. */
export function LegShape({ leg }: { leg: Leg }) {
  return <path className="skin" d={leg.path} />;
}

/** A movement of the body: straight from `from` to `to`, or curved by the pull of `pull`. */
export function MoveArrow({ from, to, pull }: { from: Point; to: Point; pull?: Point }) {
  return (
    <g className="move">
      <path d={pull ? curve(from, pull, to) : polyline([from, to])} />
      <path className="move-head" d={arrowhead(to, direction(pull ?? from, to))} />
    </g>
  );
}

/** "Then": from one picture of a sequence to the next. */
export function NextArrow({ from, to }: { from: Point; to: Point }) {
  return (
    <g className="next">
      <path d={polyline([from, to])} />
      <path className="next-head" d={arrowhead(to, direction(from, to), 9)} />
    </g>
  );
}
