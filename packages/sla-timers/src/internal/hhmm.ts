/** Minutes after midnight of `HH:mm`. */
export function minutesOfHhmm(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}
