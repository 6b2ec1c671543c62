import { DrawingFrame, type DrawingProps } from "./frame";
import { curve, type Point, smoothPath, towards } from "./geometry";
import { leg } from "./leg";
import { Limb } from "./limb";
import { LegShape, MoveArrow } from "./parts";

// Sitting, the sore foot across the other knee: its shin lies across, the sole faces out. The
// patient's own hand bends the toes back towards the shin, and the sole (dashed) is stretched.
const BALL: Point = [196, 74];
const FOOT_ANGLE = -86;
const SCALE = 1.15;
const foot = leg({ ball: BALL, shin: -84, foot: FOOT_ANGLE, toes: -45, scale: SCALE });

// The other leg's knee under the ankle: the thigh from the left, the shin going down.
const otherKnee = smoothPath(
  [
    [-30, 152],
    [60, 150],
    [128, 148],
    [166, 154],
    [182, 176],
    [180, 230],
    [132, 230],
    [132, 198],
    [60, 194],
    [-30, 196],
  ],
  { tension: 0.6 },
);

// The patient's own hand, from their side (the upper left): the forearm over the foot, the
// fingers wrapped over the toe tips onto their undersides, pulling them back.
const [tipX, tipY] = foot.toeTip;
const [padX, padY] = foot.toePad;
const wrist: Point = [tipX - 22, tipY - 22];
const forearm: Point[] = [[-20, -20], [50, -6], [110, 12], wrist];
const fingers: Point[] = [wrist, [tipX + 2, tipY - 14], [tipX + 18, tipY - 4], [padX + 14, padY + 6]];

// The toes' way back towards the shin, an arc about the ball of the foot.
const toeBase: Point = [BALL[0] - 8, BALL[1] - 4];
const arcFrom = towards(toeBase, -112, 50);
const arcPull = towards(toeBase, -150, 62);
const arcTo = towards(toeBase, -176, 50);

// The stretched sole, just outside it, from the heel to the ball.
const outward = FOOT_ANGLE + 90;
const soleFrom = towards(foot.heel, outward, 12);
const soleTo = towards(BALL, outward, 12);
const soleMid = towards([(soleFrom[0] + soleTo[0]) / 2, (soleFrom[1] + soleTo[1]) / 2], outward, 5);

export function FasciaStretchDrawing({ label }: DrawingProps) {
  return (
    <DrawingFrame label={label}>
      <path className="skin" d={otherKnee} />
      <LegShape leg={foot} />
      <Limb points={forearm} width={22} />
      <Limb points={fingers} width={10} />
      <MoveArrow from={arcFrom} pull={arcPull} to={arcTo} />
      <path className="stretch" d={curve(soleFrom, soleMid, soleTo)} />
    </DrawingFrame>
  );
}
