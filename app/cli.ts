/**
 * `npm run cli -- <command> …` — administration and the engine's commands.
 *   create-org --kind accompagnement|ddets --name "…" [--departements 59,62]
 *   add-member --org <id or exact name> --email … --role owner|editor|viewer
 * Uses DATABASE_URL when set, else the embedded database in ./data/pglite (stop `npm start` first:
 * the embedded database accepts one process at a time).
 */
import { closeDb } from "../db/client.ts";
import { adminCommands } from "./cli/admin.ts";
import { processIo } from "./cli/io.ts";

const commands = { ...adminCommands };

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name as keyof typeof commands] : undefined;
if (!command) {
  process.stderr.write(`Commandes disponibles : ${Object.keys(commands).join(", ")}.\n`);
  process.exit(2);
}
let code = 1;
try {
  code = await command(args, processIo);
} catch (error) {
  process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await closeDb();
}
process.exit(code);
