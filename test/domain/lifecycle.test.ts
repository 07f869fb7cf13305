import { describe, expect, it } from "vitest";
import { APPLICATION_STATES, type ApplicationState } from "../../src/db/schema.js";
import {
  ACTIONS,
  type Action,
  AUDIENCES,
  availableActions,
  isEditableState,
  notifies,
  ROLES,
  type Role,
  requiresNote,
  transition,
} from "../../src/domain/lifecycle.js";

// The expected table, written out from PRODUCT.md §4 and the brief, independently of the code.
const STATES = ["draft", "completed", "submitted", "received", "returned", "forwarded", "rated", "withdrawn"] as const;
const ALL_ACTIONS = [
  "complete",
  "submit",
  "withdraw",
  "receive",
  "return",
  "evaluate",
  "forward",
  "record-result",
] as const;
const ALL_ROLES = ["producer", "officer", "admin", "system"] as const;

/** Which roles may ever take each action. */
const PERMITTED: Record<Action, readonly Role[]> = {
  complete: ["system"],
  submit: ["producer"],
  withdraw: ["producer"],
  receive: ["officer", "admin"],
  return: ["officer", "admin"],
  evaluate: ["officer", "admin"],
  forward: ["officer", "admin"],
  "record-result": ["officer", "admin"],
};

/** Every allowed [from, action, to]; anything else is refused. */
const EDGES: readonly (readonly [ApplicationState, Action, ApplicationState])[] = [
  ["draft", "complete", "completed"],
  ["completed", "submit", "submitted"],
  ["returned", "submit", "submitted"],
  ["submitted", "withdraw", "withdrawn"],
  ["received", "withdraw", "withdrawn"],
  ["returned", "withdraw", "withdrawn"],
  ["submitted", "receive", "received"],
  ["submitted", "return", "returned"],
  ["received", "return", "returned"],
  ["received", "evaluate", "received"],
  ["received", "forward", "forwarded"],
  ["forwarded", "record-result", "rated"],
];

function expected(state: ApplicationState, action: Action, role: Role) {
  if (!PERMITTED[action].includes(role)) return { ok: false, reason: "role" } as const;
  const edge = EDGES.find(([from, a]) => from === state && a === action);
  return edge ? ({ ok: true, to: edge[2] } as const) : ({ ok: false, reason: "state" } as const);
}

const CASES = STATES.flatMap((state) =>
  ALL_ACTIONS.flatMap((action) =>
    ALL_ROLES.map((role) => [state, action, role, expected(state, action, role)] as const),
  ),
);

describe("the enumerations", () => {
  it("cover the states, actions and roles the table is written for", () => {
    expect([...APPLICATION_STATES]).toEqual([...STATES]);
    expect([...ACTIONS]).toEqual([...ALL_ACTIONS]);
    expect([...ROLES]).toEqual([...ALL_ROLES]);
    expect([...AUDIENCES]).toEqual(["producer", "members", "officers", "admins"]);
  });

  it("the expected table has 256 cells, 12 edges and 18 allowed (edge, role) pairs", () => {
    expect(CASES).toHaveLength(8 * 8 * 4);
    expect(EDGES).toHaveLength(12);
    expect(CASES.filter(([, , , r]) => r.ok)).toHaveLength(18);
  });
});

describe("transition: every state × action × role", () => {
  it.each(CASES)("%s + %s by %s", (state, action, role, want) => {
    expect(transition(state, action, role)).toEqual(want);
  });
});

describe("transition: spot checks in words", () => {
  it("the producer submits and resubmits, the officer cannot", () => {
    expect(transition("completed", "submit", "producer")).toEqual({ ok: true, to: "submitted" });
    expect(transition("returned", "submit", "producer")).toEqual({ ok: true, to: "submitted" });
    expect(transition("completed", "submit", "officer")).toEqual({ ok: false, reason: "role" });
    expect(transition("draft", "submit", "producer")).toEqual({ ok: false, reason: "state" });
  });

  it("withdrawal is refused once forwarded", () => {
    expect(transition("forwarded", "withdraw", "producer")).toEqual({ ok: false, reason: "state" });
    expect(transition("rated", "withdraw", "producer")).toEqual({ ok: false, reason: "state" });
    expect(transition("draft", "withdraw", "producer")).toEqual({ ok: false, reason: "state" });
  });

  it("the evaluation keeps the state and only in received", () => {
    expect(transition("received", "evaluate", "officer")).toEqual({ ok: true, to: "received" });
    expect(transition("submitted", "evaluate", "admin")).toEqual({ ok: false, reason: "state" });
    expect(transition("received", "evaluate", "producer")).toEqual({ ok: false, reason: "role" });
  });

  it("the system only completes drafts", () => {
    expect(transition("draft", "complete", "system")).toEqual({ ok: true, to: "completed" });
    for (const action of ALL_ACTIONS.filter((a) => a !== "complete")) {
      expect(transition("received", action, "system")).toEqual({ ok: false, reason: "role" });
    }
    expect(transition("draft", "complete", "producer")).toEqual({ ok: false, reason: "role" });
  });
});

describe("availableActions", () => {
  it.each(STATES.flatMap((s) => ALL_ROLES.map((r) => [s, r] as const)))(
    "%s by %s agrees with transition",
    (state, role) => {
      const want = ALL_ACTIONS.filter((a) => expected(state, a, role).ok);
      expect(availableActions(state, role)).toEqual(want);
      expect(availableActions(state, role)).toEqual(ACTIONS.filter((a) => transition(state, a, role).ok));
    },
  );

  it("examples", () => {
    expect(availableActions("received", "officer")).toEqual(["return", "evaluate", "forward"]);
    expect(availableActions("submitted", "admin")).toEqual(["receive", "return"]);
    expect(availableActions("submitted", "producer")).toEqual(["withdraw"]);
    expect(availableActions("returned", "producer")).toEqual(["submit", "withdraw"]);
    expect(availableActions("draft", "system")).toEqual(["complete"]);
    expect(availableActions("forwarded", "officer")).toEqual(["record-result"]);
    expect(availableActions("forwarded", "producer")).toEqual([]);
  });
});

describe("the graph", () => {
  it("nothing leaves rated or withdrawn", () => {
    for (const state of ["rated", "withdrawn"] as const) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          expect(transition(state, action, role).ok).toBe(false);
        }
        expect(ROLES.flatMap((r) => availableActions(state, r))).toEqual([]);
      }
    }
  });

  it("every state is reachable from draft", () => {
    const seen = new Set<ApplicationState>(["draft"]);
    const queue: ApplicationState[] = ["draft"];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const r = transition(state, action, role);
          if (r.ok && !seen.has(r.to)) {
            seen.add(r.to);
            queue.push(r.to);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it("the only transition that keeps the state is the evaluation", () => {
    const loops = CASES.filter(([state, , , r]) => r.ok && r.to === state).map(([s, a, role]) => `${s}:${a}:${role}`);
    expect(loops).toEqual(["received:evaluate:officer", "received:evaluate:admin"]);
  });

  it("nothing returns to draft and nothing reaches completed except from draft", () => {
    const into = (target: ApplicationState) => CASES.filter(([, , , r]) => r.ok && r.to === target).map(([s]) => s);
    expect(into("draft")).toEqual([]);
    expect(new Set(into("completed"))).toEqual(new Set(["draft"]));
  });
});

describe("requiresNote", () => {
  it.each(ALL_ACTIONS.map((a) => [a, a === "return"] as const))("%s → %s", (action, want) => {
    expect(requiresNote(action)).toBe(want);
  });
});

describe("isEditableState", () => {
  const EDITABLE: Record<ApplicationState, boolean> = {
    draft: true,
    completed: true,
    submitted: false,
    received: false,
    returned: true,
    forwarded: false,
    rated: false,
    withdrawn: false,
  };
  it.each(STATES.map((s) => [s, EDITABLE[s]] as const))("%s → %s", (state, want) => {
    expect(isEditableState(state)).toBe(want);
  });
});

describe("notifies", () => {
  const WHO: Record<Action, string[]> = {
    complete: [],
    submit: ["producer", "members", "officers"],
    withdraw: ["producer", "members", "officers"],
    receive: ["producer", "members"],
    return: ["producer", "members"],
    evaluate: [],
    forward: ["producer", "members"],
    "record-result": ["producer", "members"],
  };
  it.each(ALL_ACTIONS.map((a) => [a, WHO[a]] as const))("%s → %j", (action, want) => {
    expect([...notifies(action)].sort()).toEqual([...want].sort());
  });

  it("never names the administrators (the service adds them when a commune has no officer)", () => {
    for (const action of ACTIONS) expect(notifies(action)).not.toContain("admins");
  });

  it("the returned lists cannot be changed by a caller", () => {
    expect(Object.isFrozen(notifies("submit"))).toBe(true);
  });
});
