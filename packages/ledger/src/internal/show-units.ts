/** `1234, "JPY"` → `1,234円`; other units are suffixed as given (`5 枚`, `12 USD`). For messages only. */
export function showUnits(units: number, unit: string): string {
  const text = `${units < 0 ? "-" : ""}${Math.abs(units)
    .toString()
    .replace(/\B(?=(\d{3})+$)/g, ",")}`;
  return unit === "JPY" ? `${text}円` : `${text} ${unit}`;
}
