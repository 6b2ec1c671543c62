import type { ReactNode } from "react";

/** Every drawing's size in the viewBox: it scales to its container (globals.css `.exercise-drawing`). */
export const WIDTH = 320;
export const HEIGHT = 200;

/**
 * The frame every drawing shares: an image with its text alternative as its accessible name
 * (and as a tooltip), and the same line style. Colours come from the stylesheet's classes;
 * unstyled, the drawing is plain lines in the text colour.
 */
export function DrawingFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <svg
      className="exercise-drawing"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <title>{label}</title>
      {children}
    </svg>
  );
}

export type DrawingProps = { label: string };
