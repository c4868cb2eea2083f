// `shield verify PACK.zip`: checks an evidence pack offline, with no database and no configuration.
// Recomputes every file's SHA-256 against manifest.json, checks the Ed25519 signature over it, and names
// each file that was changed, added or removed. Exit 0 when intact, 1 when not, 2 on a usage error.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { verifyPack, type PackProblem, type PackReport } from "../core/evidence-pack/index.ts";
import { UsageError } from "./errors.ts";

export const VERIFY_PACK_HELP = `shield verify PACK.zip [--expect-key FINGERPRINT] [--json]

Checks an evidence pack offline: every file against the SHA-256 in its manifest.json, and the
deployment's Ed25519 signature over the manifest. Names each file that was changed, added or removed.
Exits 0 when all is intact, 1 naming each problem otherwise, 2 on a usage error.

  --expect-key FINGERPRINT  the deployment's key fingerprint (or base64 public key), as it publishes it at
                            GET /api/reference/signing-key: the pack must be signed with that key
  --json                    the report as JSON`;

/** The ZIP's files (directories left out), and the names that appear more than once. */
function readZip(bytes: Uint8Array): { files: Map<string, Uint8Array>; repeated: string[] } {
  const names = new Map<string, number>();
  const entries = unzipSync(bytes, {
    filter: (file) => {
      names.set(file.name, (names.get(file.name) ?? 0) + 1);
      return true;
    },
  });
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) if (!name.endsWith("/")) files.set(name, data);
  return { files, repeated: [...names].filter(([, n]) => n > 1).map(([name]) => name) };
}

function print(path: string, report: PackReport, expectKey: string | undefined) {
  const { pack, signer, counts } = report;
  console.log(`Evidence pack ${path}`);
  if (pack) {
    const scope =
      pack.scope.kind === "incident"
        ? `incident ${pack.scope.incidentId}`
        : pack.scope.kind === "actor"
          ? `every incident of actor ${pack.scope.actorId}`
          : `incidents from ${pack.scope.from} to ${pack.scope.to}`;
    console.log(`  ${pack.packId}: ${scope}, campaign '${pack.campaign.name}', made ${pack.generatedAt}`);
    console.log(`  Checked ${counts.checked} of the ${counts.listed} files its manifest lists.`);
  }
  if (signer) {
    console.log(
      `  Signed with the Ed25519 key ${signer.fingerprint}${report.signatureValid ? "" : " (the signature does not match)"}.`,
    );
    if (expectKey === undefined && report.signatureValid)
      console.log(
        `  Compare that fingerprint with the one the deployment publishes (GET /api/reference/signing-key${pack ? ` at ${pack.deployment.publicUrl}` : ""}), or pass it with --expect-key to check it here.`,
      );
    else if (report.keyExpected) console.log("  That is the key you expected.");
  }
  if (report.ok) {
    console.log("All intact: no file was changed, added or removed.");
    return;
  }
  console.log(`${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} found:`);
  for (const p of report.problems) console.log(`  ✗ ${p.file}: ${p.message}`);
}

export async function runVerifyPack(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean" }, json: { type: "boolean" }, "expect-key": { type: "string" } },
  });
  if (values.help) {
    console.log(VERIFY_PACK_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one pack: shield verify PACK.zip");
  const path = positionals[0]!;
  const expectKey = values["expect-key"];
  if (expectKey !== undefined && expectKey.trim() === "")
    throw new UsageError("--expect-key needs the deployment's key fingerprint");
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : ((error as Error).message ?? code)}`,
    );
  }
  let report: PackReport;
  try {
    const { files, repeated } = readZip(bytes);
    report = verifyPack(files, { expectKey });
    const twice: PackProblem[] = repeated.map((file) => ({
      file,
      kind: "added",
      message: "added: the ZIP holds more than one file with this name",
    }));
    if (twice.length > 0) report = { ...report, ok: false, problems: [...twice, ...report.problems] };
  } catch {
    report = {
      ok: false,
      problems: [
        {
          file: path,
          kind: "manifest",
          message: "is not a ZIP file, or it is damaged: nothing in it can be checked",
        },
      ],
      signatureValid: false,
      counts: { listed: 0, checked: 0, inPack: 0 },
    };
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else print(path, report, expectKey);
  return report.ok ? 0 : 1;
}
