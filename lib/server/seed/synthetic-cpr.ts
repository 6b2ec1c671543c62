// Valid, made-up CPR numbers for demo and benchmark patients: the birth date's six digits and a
// serial whose seventh digit gives the right century (lib/platform/cpr/cpr.ts). A number is never
// handed out twice by one generator, so a clinic's numbers are unique as the index demands.
import { cprCentury, cprDatePart } from "../../platform/cpr/cpr";

/** A generator: for a birth date and a seed, ten digits not given out before. */
export function syntheticCprs(): (birthDate: Date, seed: number) => string {
  const used = new Set<string>();
  return (birthDate, seed) => {
    const year = birthDate.getUTCFullYear();
    const yy = year % 100;
    const sevenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((digit) => cprCentury(digit, yy) + yy === year);
    if (sevenths.length === 0) throw new RangeError(`No CPR number can state the year ${year}`);
    const space = sevenths.length * 1000;
    for (let step = 0; step < space; step += 1) {
      const serial = (Math.abs(Math.trunc(seed)) + step) % space;
      const digits = `${cprDatePart(birthDate)}${sevenths[Math.floor(serial / 1000)]}${String(serial % 1000).padStart(3, "0")}`;
      if (!used.has(digits)) {
        used.add(digits);
        return digits;
      }
    }
    throw new RangeError(`Every CPR number for ${birthDate.toISOString().slice(0, 10)} is taken`);
  };
}
