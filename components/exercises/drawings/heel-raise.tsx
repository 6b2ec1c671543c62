import { DrawingFrame, type DrawingProps } from "./frame";
import { leg } from "./leg";
import { LegShape, MoveArrow, RolledTowel, Step, STEP_TOP } from "./parts";

// Two halves of the movement side by side: up on the toes, then the heel lowered below the step;
// the front of the foot on the step's edge, a rolled towel under the toes. The tempo is in the
// text. Each panel is 160 wide; the towel's place and the toes' bend are fitted so that the toes
// lie over the towel.
const EDGE = 74;
const BALL_X = 82;
const TOWEL_R = 7;
const up = leg({ ball: [BALL_X, STEP_TOP], shin: -4, foot: 42, toes: -87 });
const down = leg({ ball: [160 + BALL_X, STEP_TOP], shin: 6, foot: -20, toes: -15 });

export function HeelRaiseDrawing({ label }: DrawingProps) {
  return (
    <DrawingFrame label={label}>
      <Step edge={EDGE} left={6} right={152} />
      <Step edge={160 + EDGE} left={168} right={314} />
      <path className="divider" d="M160 12V188" />
      <RolledTowel x={BALL_X + 28} surface={STEP_TOP} radius={TOWEL_R} />
      <RolledTowel x={160 + BALL_X + 21} surface={STEP_TOP} radius={TOWEL_R} />
      <LegShape leg={up} />
      <LegShape leg={down} />
      <MoveArrow from={[up.heel[0] - 16, up.heel[1] + 34]} to={[up.heel[0] - 16, up.heel[1] - 6]} />
      <MoveArrow from={[down.heel[0] - 16, down.heel[1] - 40]} to={[down.heel[0] - 16, down.heel[1]]} />
    </DrawingFrame>
  );
}
