/**
 * The largest length in [0, upper] for which `isValid` holds, given that validity is monotone
 * (valid at some length means valid at every shorter one) and length 0 is always valid. Gallops
 * down from `upper` before binary searching, so a length just below `upper` costs O(1) probes and
 * any other O(log upper).
 */
export function longestValidLength(upper: number, isValid: (length: number) => boolean): number {
  let bad = upper + 1;
  let good = 0;
  for (let step = 1; bad - step > 0; step *= 2) {
    const length = upper + 1 - step;
    if (isValid(length)) {
      good = length;
      break;
    }
    bad = length;
  }
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (isValid(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
