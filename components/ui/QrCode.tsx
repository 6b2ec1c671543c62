import { create } from "qrcode";

/**
 * A QR code of `value` drawn as one SVG path: a phone's camera opens the link, so a patient at
 * the desk needs no e-mail to get in. The matrix comes from `qrcode` (a maintained encoder);
 * drawing it ourselves keeps it an element of the page (no data URL, no inner HTML).
 */
export function QrCode({ value, label, size = 184 }: { value: string; label: string; size?: number }) {
  const { modules } = create(value, { errorCorrectionLevel: "M" });
  const quiet = 4; // The white border scanners need around the code, in modules.
  const span = modules.size + 2 * quiet;
  let path = "";
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${span} ${span}`}
      shapeRendering="crispEdges"
      className="qr-code"
    >
      <rect width={span} height={span} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
