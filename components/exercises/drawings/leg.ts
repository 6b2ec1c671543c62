// A lower leg and foot in profile, toes to the right, as one outline: the drawings of the
// heel raise, calf lowering, towel curls and stretch pose the same leg, so they look alike.
import { add, type Point, rotate, smoothPath } from "./geometry";

/**
 * Angles in degrees, positive clockwise on screen: `shin` leans the knee forward (over the
 * toes), `foot` lifts the heel (pointing the foot), `toes` bends the toes down from the line
 * of the foot (negative bends them up, as on a rolled towel), `curl` bends their tips further
 * down (gripping). `ball` is where the ball of the foot rests; `scale` enlarges the leg (the
 * line keeps its width) where the foot is the subject.
 */
export type LegPose = { ball: Point; shin: number; foot: number; toes: number; curl?: number; scale?: number };

// The leg is described with the ankle at (0, 0), shin upright, sole flat: x forward, y down.
const SHIN_LENGTH = 150;
const SHIN_FRONT: Point[] = [
  [13, -SHIN_LENGTH],
  [11, -95],
  [8, -40],
  [8, -12],
];
const SHIN_BACK: Point[] = [
  [-10, -12],
  [-10, -30],
  [-18, -68],
  [-24, -108],
  [-16, -SHIN_LENGTH],
];
const DORSUM: Point[] = [
  [16, 3],
  [33, 10],
  [48, 15],
];
// The toes bend at the ball of the foot, and curl at their middle.
const TOE_PIVOT: Point = [50, 21];
const TOE_MIDDLE: Point = [62, 22];
const TOES: Point[] = [
  [61, 16],
  [72, 18.5],
  [71, 26],
  [58, 27],
];
/** The points of TOES that curl: the tip's. */
const TOE_TIP_POINTS = new Set([1, 2]);
const BALL: Point = [47, 28];
const SOLE: Point[] = [BALL, [28, 25], [3, 27.5], [-10, 25], [-16, 15]];

export type Leg = {
  /** The outline, to be filled and stroked. */
  path: string;
  ankle: Point;
  /** The back of the heel, near the sole. */
  heel: Point;
  toeTip: Point;
  /** The underside of the toes, where a towel pushes them up. */
  toePad: Point;
};

export function leg(pose: LegPose): Leg {
  const inFoot = (p: Point) => rotate(p, pose.foot);
  const inToes = (p: Point) => rotate(rotate(p, pose.toes, TOE_PIVOT), pose.foot);
  const curled = (p: Point) => rotate(p, pose.curl ?? 0, TOE_MIDDLE);
  const scale = pose.scale ?? 1;
  const ankle: Point = [pose.ball[0] - inFoot(BALL)[0] * scale, pose.ball[1] - inFoot(BALL)[1] * scale];
  const place = (p: Point) => add(ankle, [p[0] * scale, p[1] * scale]);
  const points = [
    ...SHIN_FRONT.map((p) => rotate(p, pose.shin)),
    ...DORSUM.map(inFoot),
    ...TOES.map((p, i) => inToes(TOE_TIP_POINTS.has(i) ? curled(p) : p)),
    ...SOLE.map(inFoot),
    ...SHIN_BACK.map((p) => rotate(p, pose.shin)),
  ].map(place);
  return {
    path: smoothPath(points, { tension: 0.9 }),
    ankle,
    heel: place(inFoot([-14, 22])),
    toeTip: place(inToes(curled([73, 22]))),
    toePad: place(inToes([62, 27])),
  };
}
