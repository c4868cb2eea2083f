// The `shield` command line.
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";

const HELP = `shield – safety toolkit for election candidates

Usage: shield <command> [options]

Commands:
  serve                 Start the service (http://localhost:8080 by default)
  verify                Check that no record or evidence file was altered, removed or reordered.
                        Exits 0 when all is intact, 1 naming each problem otherwise.
  verify PACK.zip       Check an evidence pack offline (no database): [--expect-key FINGERPRINT] [--json]
  demo                  Fill a fresh database with a realistic synthetic campaign
  admin invite          Create a one-time link for a police SPOC, national analyst or administrator
                          --role spoc|analyst|admin  --email ADDRESS  [--force FORCE-ID]
  admin staff           List police, analyst and administrator accounts
  admin suspend         Suspend a staff account:  --email ADDRESS  [--reinstate]
  admin forces          List police force ids
  analyse               Analyse messages for threats, abuse and revealed private details:
                          JSON Lines in and out ([--profile FILE] [FILE]), or one message explained
                          with --text "MESSAGE"

Environment:
  PORT (8080), HOST (127.0.0.1), DATA_DIR (./data), DATABASE_URL (use a PostgreSQL server),
  PUBLIC_URL (links in messages), MAX_EVIDENCE_MB (25), LOG_LEVEL (info), SHIELD_MASTER_KEY

Run 'shield <command> --help' for a command's options.`;

import { UsageError } from "./errors.ts";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP);
    return command ? 0 : 2;
  }
  // An evidence pack is checked offline: no database and no configuration.
  if (command === "verify" && rest.some((arg) => /\.zip$/i.test(arg))) {
    const { runVerifyPack } = await import("./verify-pack.ts");
    return runVerifyPack(rest);
  }
  const config = loadConfig();
  switch (command) {
    case "serve": {
      if (rest.includes("--help"))
        return help(
          "shield serve\n\nStarts the service. Configure with the environment variables in 'shield --help'.",
        );
      const { serve } = await import("../server/main.ts");
      await serve(config);
      return -1; // keep running
    }
    case "verify": {
      const { values } = parseArgs({
        args: rest,
        options: { help: { type: "boolean" }, json: { type: "boolean" } },
      });
      if (values.help)
        return help(
          "shield verify [--json]\n\nRecomputes the hash chain and every evidence file's hash.\nWith the embedded database, stop the service first.\n\nshield verify PACK.zip [--expect-key FINGERPRINT] [--json]\n\nChecks an evidence pack offline (run 'shield verify PACK.zip --help').",
        );
      const { runVerify } = await import("./verify.ts");
      return runVerify(config, Boolean(values.json));
    }
    case "demo": {
      const { values } = parseArgs({
        args: rest,
        options: { help: { type: "boolean" }, seed: { type: "string" } },
      });
      if (values.help)
        return help(
          "shield demo [--seed N]\n\nFills a fresh database with a synthetic campaign (six weeks of incidents).",
        );
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed))
        throw new UsageError("--seed must be a whole number");
      const { runDemo } = await import("./run-demo.ts");
      return runDemo(config, seed);
    }
    case "admin": {
      const { runAdmin } = await import("./admin.ts");
      return runAdmin(config, rest);
    }
    case "analyse":
    case "analyze": {
      const { runAnalyse } = await import("./analyse.ts");
      return runAnalyse(rest);
    }
    default:
      throw new UsageError(`Unknown command '${command}'. Run 'shield --help'.`);
  }
}

function help(text: string): number {
  console.log(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`shield: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      console.error(`shield: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  },
);
