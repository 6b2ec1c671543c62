import { DrawingFrame, type DrawingProps } from "./frame";
import { curve, type Point, polyline, towards } from "./geometry";
import { leg } from "./leg";
import { LegShape, MoveArrow, NextArrow } from "./parts";

// Sitting, the foot flat on a small towel on the floor: first the towel lies flat; then the
// toes have curled and gathered it into folds in front of them.
const GROUND = 180;
const TOWEL = 4;
// Larger than in the other drawings: the toes are what this one is about.
const SCALE = 1.3;
const flat = leg({ ball: [96, GROUND - TOWEL], shin: 0, foot: 0, toes: 0, scale: SCALE });
const curled = leg({ ball: [250, GROUND - TOWEL], shin: 0, foot: -3, toes: 6, curl: 55, scale: SCALE });

/** A strip of towel lying on the floor from `from` to `to`. */
function TowelStrip({ from, to }: { from: number; to: number }) {
  return <path className="towel" d={`${polyline([[from, GROUND], [from, GROUND - TOWEL], [to, GROUND - TOWEL], [to, GROUND]])}Z`} />;
}

// The gathered folds in front of the toe tips, each a rounded hump, the farthest drawn first.
const BUNCH_X = curled.toeTip[0] - 6;
const FOLDS = [
  { x: BUNCH_X + 30, width: 16, height: 10 },
  { x: BUNCH_X + 18, width: 18, height: 16 },
  { x: BUNCH_X + 6, width: 20, height: 22 },
];
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
      <path className="floor" d={polyline([[6, GROUND], [314, GROUND]])} />
      <TowelStrip from={14} to={150} />
      <LegShape leg={flat} />
      <NextArrow from={[112, 70]} to={[146, 70]} />
      <TowelStrip from={172} to={BUNCH_X + 2} />
      {FOLDS.map((f) => (
        <path key={f.x} className="towel" d={fold(f)} />
      ))}
      <LegShape leg={curled} />
      <MoveArrow from={curlFrom} pull={curlPull} to={curlTo} />
    </DrawingFrame>
  );
}
