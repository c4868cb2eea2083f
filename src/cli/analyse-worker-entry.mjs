// Entry of an analysis worker thread: worker threads do not inherit tsx's loader hooks, so register them
// here before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./analyse-worker.ts");
