// Canvassing safely: the session plan, its state machine and the words of its alerts.
export * from "./plan.ts";
export * from "./machine.ts";
export * from "./messages.ts";
