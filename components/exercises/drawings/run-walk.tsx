import { DrawingFrame, type DrawingProps } from "./frame";
import { type Point, polyline } from "./geometry";
import { Limb } from "./limb";
import { MoveArrow } from "./parts";

// A person walking and the same person running, facing right, with arrows round between them:
// the two take turns. Figures of outlined limbs, like the hand in the stretch.
const GROUND = 186;

type Figure = {
  head: Point;
  neck: Point;
  hip: Point;
  far: { arm: Point[]; leg: Point[] };
  near: { arm: Point[]; leg: Point[] };
};

const walking: Figure = {
  head: [86, 40],
  neck: [83, 60],
  hip: [80, 112],
  far: {
    arm: [
      [83, 66],
      [92, 92],
      [102, 110],
    ],
    leg: [
      [80, 112],
      [72, 148],
      [60, 180],
      [70, 184],
    ],
  },
  near: {
    arm: [
      [82, 66],
      [74, 92],
      [68, 114],
    ],
    leg: [
      [80, 112],
      [92, 148],
      [98, 182],
      [112, 184],
    ],
  },
};

const running: Figure = {
  head: [262, 44],
  neck: [254, 62],
  hip: [238, 112],
  far: {
    arm: [
      [252, 68],
      [266, 90],
      [282, 80],
    ],
    leg: [
      [238, 112],
      [232, 148],
      [222, 182],
      [236, 184],
    ],
  },
  near: {
    arm: [
      [252, 68],
      [226, 86],
      [232, 106],
    ],
    leg: [
      [238, 112],
      [266, 128],
      [256, 160],
      [268, 160],
    ],
  },
};

function Person({ figure }: { figure: Figure }) {
  return (
    <g>
      <Limb points={figure.far.arm} width={9} />
      <Limb points={figure.far.leg} width={11} />
      <Limb points={[figure.neck, figure.hip]} width={20} />
      <Limb points={figure.near.leg} width={11} />
      <Limb points={figure.near.arm} width={9} />
      <circle className="skin" cx={figure.head[0]} cy={figure.head[1]} r={13} />
    </g>
  );
}

export function RunWalkDrawing({ label }: DrawingProps) {
  return (
    <DrawingFrame label={label}>
      <path
        className="floor"
        d={polyline([
          [10, GROUND],
          [310, GROUND],
        ])}
      />
      <Person figure={walking} />
      <Person figure={running} />
      <MoveArrow from={[132, 74]} pull={[164, 46]} to={[196, 74]} />
      <MoveArrow from={[196, 124]} pull={[164, 152]} to={[132, 124]} />
    </DrawingFrame>
  );
}
