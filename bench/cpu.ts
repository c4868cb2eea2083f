// Where the machine's CPU went during a measurement (Linux /proc): the server, this process (the load
// generator), PostgreSQL, and everything else. On a 2-core machine other busy processes distort every
// figure, so the benchmark says how busy they were.
import { readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";

export const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const [, ...fields] = line.trim().split(/\s+/);
    const n = fields.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - n[3]! - n[4]!, total };
  } catch {
    return undefined;
  }
}

/** utime + stime of one process, in ticks. */
export function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** CPU ticks of all processes named "postgres" (the server's backends for this run). */
function postgresTicks(): number {
  let sum = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* the process ended */
    }
  }
  return sum;
}

export interface CpuShare {
  /** Seconds of wall time measured. */
  seconds: number;
  /** Cores in use on average (of `cores`). */
  cores: number;
  machineBusy: number;
  server: number;
  loadGenerator: number;
  postgres: number;
  other: number;
  /** Server CPU seconds in the window. */
  serverCpuS: number;
  loadAverage: number;
}

/** Starts measuring; call the returned function to stop and get the shares (cores in use on average). */
export function measureCpu(serverPid: number): () => CpuShare | undefined {
  const start = {
    wall: performance.now(),
    machine: machineTicks(),
    server: processTicks(serverPid),
    self: process.cpuUsage(),
    postgres: postgresTicks(),
  };
  return () => {
    const seconds = (performance.now() - start.wall) / 1000;
    const machine = machineTicks();
    const server = processTicks(serverPid);
    if (!start.machine || !machine || start.server === undefined || server === undefined || seconds <= 0)
      return undefined;
    const self = process.cpuUsage(start.self);
    const cores = availableParallelism();
    // /proc/stat counts ticks summed over all cores.
    const machineBusy = (machine.busy - start.machine.busy) / TICKS_PER_SECOND / seconds;
    const serverCores = (server - start.server) / TICKS_PER_SECOND / seconds;
    const selfCores = (self.user + self.system) / 1e6 / seconds;
    const postgresCores = Math.max(0, (postgresTicks() - start.postgres) / TICKS_PER_SECOND / seconds);
    return {
      seconds,
      cores,
      machineBusy,
      server: serverCores,
      loadGenerator: selfCores,
      postgres: postgresCores,
      other: Math.max(0, machineBusy - serverCores - selfCores - postgresCores),
      serverCpuS: (server - start.server) / TICKS_PER_SECOND,
      loadAverage: Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]),
    };
  };
}

export const describeCpu = (c: CpuShare) =>
  `CPU (cores of ${c.cores}): server ${c.server.toFixed(2)}, load generator ${c.loadGenerator.toFixed(2)}, ` +
  `PostgreSQL ${c.postgres.toFixed(2)}, other processes ${c.other.toFixed(2)}; load average ${c.loadAverage.toFixed(1)}`;
