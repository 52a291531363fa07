/**
 * `npm run cli -- <command> …` — the engine's commands and administration; `npm run cli -- help` lists them.
 * Engine (pure, never opens the database; JSON on stdout, French errors on stderr; use
 * `npm run --silent cli -- …` to keep npm's banner out of the JSON):
 *   index FILE|- [--below-fifty]          the Index estimate from its aggregated input (INDEX-RULES.md §1)
 *   mixity FILE|-                         job mixity from {"jobs": […]} or a staff file (CSV/XLSX)
 *   import FILE|- [--band 50-250|251+]    a staff file → row count, jobs table and Index input
 *   transparency FILE|- [--structure T] [--categories C.json]   a staff file → pay-transparency indicators (directive 2023/970)
 * Administration (database):
 *   create-org --kind accompagnement|ddets --name "…" [--departements 59,62]
 *   add-member --org <id or exact name> --email … --role owner|editor|viewer
 *   seed-demo
 *   retention [--dry-run] [--now ISO-8601]   the data retention rule (README), one transaction
 * Administration uses DATABASE_URL when set, else the embedded database in ./data/pglite (stop
 * `npm start` first: the embedded database accepts one process at a time). Its module, and the
 * database client, are loaded only when an administration command runs.
 * Exit codes: 0 done, 1 refused (e.g. a staff file with errors), 2 usage error or invalid input.
 */
import { ENGINE_HELP, engineCommands, type CliCommand } from "./cli/engine.ts";
import { processIo } from "./cli/io.ts";

/** French descriptions of the administration commands, for `help` (commands without one are listed bare). */
const ADMIN_HELP: Record<string, { usage: string; text: string }> = {
  "create-org": {
    usage: `create-org --kind accompagnement|ddets --name "…" [--departements 59,62]`,
    text: "Crée une organisation d'accompagnement ou une DDETS (base de données).",
  },
  "add-member": {
    usage: "add-member --org ID|NOM --email … --role owner|editor|viewer",
    text: "Ajoute un compte existant à une organisation (base de données).",
  },
  "seed-demo": { usage: "seed-demo", text: "Ajoute les comptes de démonstration à une base vide (npm run db:seed)." },
  retention: {
    usage: "retention [--dry-run] [--now AAAA-MM-JJTHH:MM:SSZ]",
    text: "Applique la règle de conservation des données (README) et affiche ce qui est supprimé par table\u00a0; --dry-run compte sans rien supprimer.",
  },
};

async function loadAdmin(): Promise<Record<string, CliCommand>> {
  const [{ adminCommands }, { retentionCommand }] = await Promise.all([import("./cli/admin.ts"), import("./cli/retention.ts")]);
  return { ...adminCommands, retention: retentionCommand };
}

async function helpText(): Promise<string> {
  const admin = await loadAdmin();
  const entry = (e: { usage: string; text: string }) => `  ${e.usage}\n      ${e.text}\n`;
  return [
    "Utilisation : npm run --silent cli -- <commande> [options]\n",
    "\nCalculs (sans base de données ; JSON sur la sortie standard, erreurs en français sur la sortie d'erreur) :\n",
    ...ENGINE_HELP.map(entry),
    "\nAdministration (base de données : DATABASE_URL, sinon ./data/pglite) :\n",
    ...Object.keys(admin).map((name) => entry(ADMIN_HELP[name] ?? { usage: name, text: "" })),
    "\n  help\n      Affiche cette aide.\n",
    "\nCodes de sortie : 0 terminé, 1 refusé (fichier du personnel avec des erreurs…), 2 commande ou données invalides.\n",
  ].join("");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    processIo.stdout(await helpText());
    return 0;
  }
  if (name !== undefined && Object.hasOwn(engineCommands, name)) return engineCommands[name](args, processIo);

  const admin = await loadAdmin();
  if (name === undefined || !Object.hasOwn(admin, name)) {
    processIo.stderr(`${name === undefined ? "Indiquez une commande." : `Commande inconnue : ${name}.`}\n\n${await helpText()}`);
    return 2;
  }
  const { closeDb } = await import("../db/client.ts");
  try {
    return await admin[name](args, processIo);
  } finally {
    await closeDb();
  }
}

let code = 1;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
}
process.exit(code);
