import { DrawingFrame, type DrawingProps } from "./frame";
import type { Point } from "./geometry";
import { leg } from "./leg";
import { LegShape, MoveArrow, NextArrow, Step, STEP_TOP } from "./parts";

// Where it starts (up on the toes, toes flat on the step) and, after the arrow, where the heel
// has slowly sunk to, below the step's edge; the curved arrow follows the heel. No towel.
const EDGE = 64;
const BALL_X = 72;
const start = leg({ ball: [BALL_X, STEP_TOP], shin: -4, foot: 42, toes: -46 });
// Further right than the start, to leave room for the heel's arrow.
const end = leg({ ball: [186 + BALL_X, STEP_TOP], shin: 6, foot: -20, toes: 18 });

// The heel's way down, an arc about the ball of the foot.
const from: Point = [end.heel[0] - 10, end.heel[1] - 58];
const to: Point = [end.heel[0] - 12, end.heel[1] - 2];
const pull: Point = [to[0] - 14, from[1] + 12];

export function CalfLoweringDrawing({ label }: DrawingProps) {
  return (
    <DrawingFrame label={label}>
      <Step edge={EDGE} left={6} right={140} />
      <Step edge={186 + EDGE} left={160} right={314} />
      <LegShape leg={start} />
      <LegShape leg={end} />
      <NextArrow from={[128, 60]} to={[162, 60]} />
      <MoveArrow from={from} pull={pull} to={to} />
    </DrawingFrame>
  );
}
