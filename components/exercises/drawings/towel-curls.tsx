import { DrawingFrame, type DrawingProps } from "./frame";
import { curve, type Point, polyline, towards } from "./geometry";
import { leg } from "./leg";
import { LegShape, MoveArrow, NextArrow } from "./parts";

// Sitting, the foot flat on a small towel on the floor: first the towel lies flat; then the
// toes have curled and pulled it in, gathered into folds under the toes and the front of the foot.
const GROUND = 180;
const TOWEL = 4;
// Larger than in the other drawings: the toes are what this one is about.
const SCALE = 1.3;
const flat = leg({ ball: [96, GROUND - TOWEL], shin: 0, foot: 0, toes: 0, scale: SCALE });
// The ball of the foot rests on the gathered towel, a little above the floor; the heel stays down.
const LIFT = 9;
const curled = leg({ ball: [250, GROUND - TOWEL - LIFT], shin: 0, foot: -9, toes: 8, curl: 55, scale: SCALE });

/** A strip of towel lying on the floor from `from` to `to`. */
function TowelStrip({ from, to }: { from: number; to: number }) {
  return (
    <path
      className="towel"
      d={`${polyline([
        [from, GROUND],
        [from, GROUND - TOWEL],
        [to, GROUND - TOWEL],
        [to, GROUND],
      ])}Z`}
    />
  );
}

// The gathered folds under the curled toes and the ball of the foot, each a low rounded hump that
// the foot, drawn over them, partly covers; the farthest drawn first.
const FOLDS = [
  { x: curled.toeTip[0] - 6, width: 14, height: 10 },
  { x: curled.toeTip[0] - 18, width: 16, height: 15 },
  { x: curled.toeTip[0] - 31, width: 18, height: 16 },
  { x: curled.toeTip[0] - 45, width: 18, height: 13 },
];
// The flat rest of the towel ends where the folds begin: it has been drawn in under the foot.
const TOWEL_END = curled.toeTip[0] - 52;
const fold = ({ x, width, height }: (typeof FOLDS)[number]) =>
  `${curve([x - width / 2, GROUND], [x - width / 2, GROUND - height * 1.3], [x, GROUND - height])}Q${x + width / 2} ${GROUND - height * 1.3} ${x + width / 2} ${GROUND}Z`;

// The toes bend down about the ball of the foot.
const pivot: Point = [curled.ankle[0] + 50 * SCALE, curled.ankle[1] + 21 * SCALE];
const curlFrom = towards(pivot, -80, 40);
const curlPull = towards(pivot, -42, 52);
const curlTo = towards(pivot, -16, 42);

export function TowelCurlsDrawing({ label }: DrawingProps) {
  return (
    <DrawingFrame label={label}>
      <path
        className="floor"
        d={polyline([
          [6, GROUND],
          [314, GROUND],
        ])}
      />
      <TowelStrip from={14} to={150} />
      <LegShape leg={flat} />
      <NextArrow from={[112, 70]} to={[146, 70]} />
      <TowelStrip from={172} to={TOWEL_END} />
      {FOLDS.map((f) => (
        <path key={f.x} className="towel" d={fold(f)} />
      ))}
      <LegShape leg={curled} />
      <MoveArrow from={curlFrom} pull={curlPull} to={curlTo} />
    </DrawingFrame>
  );
}
