import type { FaultAction, FaultRule, LayoutVariant, RouteKind } from "./faults";
import { hash32, Prng } from "./prng";

type TerminalFault = Exclude<FaultAction, { type: "latency" | "layout" }>;

/**
 * What the rules decided for one request: a total delay, at most one fault that replaces the normal answer, and at
 * most one layout the page is rendered in (a page variant, not a replacement: it combines with the others).
 */
export interface FaultDecision {
  delayMs: number;
  fault: TerminalFault | null;
  layout: LayoutVariant | null;
}

interface RuleState {
  rule: FaultRule;
  seen: number;
  perUrl: Map<string, number>;
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** Applies fault rules in order, counting per rule and per URL so "first N" and "every k-th" are deterministic. */
export class FaultSelector {
  private states: RuleState[] = [];
  private readonly prng: Prng;

  constructor(seed: number, rules: readonly FaultRule[] = []) {
    this.prng = new Prng(hash32(seed, "faults"));
    this.set(rules);
  }

  set(rules: readonly FaultRule[]): void {
    this.states = rules.map((rule) => ({ rule, seen: 0, perUrl: new Map() }));
  }

  rules(): FaultRule[] {
    return this.states.map((s) => s.rule);
  }

  decide(kind: RouteKind, path: string, url: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, fault: null, layout: null };
    for (const state of this.states) {
      const { rule } = state;
      if (rule.kind && rule.kind !== "any" && rule.kind !== kind) continue;
      if (rule.path && !pathMatches(rule.path, path)) continue;
      state.seen++;
      const urlCount = (state.perUrl.get(url) ?? 0) + 1;
      state.perUrl.set(url, urlCount);
      let active = true;
      if (rule.firstN !== undefined) active = urlCount <= rule.firstN;
      else if (rule.everyNth !== undefined) active = state.seen % rule.everyNth === 0;
      else if (rule.probability !== undefined) active = this.prng.next() < rule.probability;
      if (!active) continue;
      if (rule.type === "latency") decision.delayMs += rule.ms;
      else if (rule.type === "layout") decision.layout ??= rule.variant;
      else decision.fault ??= rule;
    }
    return decision;
  }
}
