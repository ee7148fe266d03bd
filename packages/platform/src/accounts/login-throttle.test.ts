import { describe, expect, it } from "vitest";
import type { LockoutSettings } from "../context.js";
import { accountStep, clientStep, type ThrottleState } from "./login-throttle.js";

const settings: LockoutSettings = {
  maxFailures: 3,
  lockMinutes: 15,
  maxLockMinutes: 60,
  clientMaxFailures: 4,
  clientWindowMinutes: 10,
};
const t0 = new Date("2025-07-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function run(steps: number, start: ThrottleState | undefined, now: Date) {
  let state = start;
  let last: ReturnType<typeof accountStep> | undefined;
  for (let i = 0; i < steps; i += 1) {
    last = accountStep(state, now, settings);
    state = last.state;
  }
  return last as ReturnType<typeof accountStep>;
}

describe("accountStep", () => {
  it("locks on the maxFailures-th attempt and lets that attempt through to be checked", () => {
    const r = run(3, undefined, t0);
    expect(r.refused).toBe(false);
    expect(r.lockMinutes).toBe(15);
    expect(r.state.lockedUntil).toEqual(at(15));
  });

  it("refuses during the lock without extending it, so requests cannot renew it", () => {
    const locked = run(3, undefined, t0).state;
    const during = accountStep(locked, at(14), settings);
    expect(during.refused).toBe(true);
    expect(during.state).toBe(locked);
  });

  it("doubles the lock each time, up to maxLockMinutes", () => {
    let state = run(3, undefined, t0).state;
    const minutes: (number | null)[] = [15];
    let now = t0;
    for (let i = 0; i < 3; i += 1) {
      now = state.lockedUntil as Date;
      const r = run(3, state, now);
      minutes.push(r.lockMinutes);
      state = r.state;
    }
    expect(minutes).toEqual([15, 30, 60, 60]);
  });

  it("forgets failures and locks after a quiet day", () => {
    const locked = run(3, undefined, t0).state;
    const later = accountStep(locked, at(15 + 24 * 60), settings);
    expect(later.state.attempts).toBe(1);
    expect(later.state.locks).toBe(0);
  });
});

describe("clientStep", () => {
  it("blocks a client address for one window after clientMaxFailures attempts", () => {
    let state: ThrottleState | undefined;
    let r: ReturnType<typeof clientStep> | undefined;
    for (let i = 0; i < 4; i += 1) {
      r = clientStep(state, at(i), settings);
      state = r.state;
    }
    expect(r?.blocked).toBe(true);
    expect(clientStep(state, at(5), settings).refused).toBe(true);
    expect(clientStep(state, at(14), settings).refused).toBe(false);
  });

  it("starts a new window when the old one has passed", () => {
    const first = clientStep(undefined, t0, settings).state;
    expect(clientStep(first, at(11), settings).state.attempts).toBe(1);
    expect(clientStep(first, at(9), settings).state.attempts).toBe(2);
  });
});
