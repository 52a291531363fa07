// Run after `npm install` (postinstall). postgres.js 3.4.9 crashes the whole process when a
// connection's backend dies during a transaction: the ROLLBACK it then writes is flushed on a
// setImmediate after the socket is gone (`socket.write` on null, an uncatchable TypeError;
// porsager/postgres#1154, #1208, unreleased fix #1209). This applies the guard of #1209: with no
// socket, the write fails the waiting queries with CONNECTION_CLOSED instead. Idempotent; prints a
// notice and changes nothing when the driver's code no longer matches (a fixed release).
import fs from "node:fs";
import path from "node:path";

const MARK = "/* boussole: guard nextWrite, porsager/postgres#1208 */";
const ORIGINAL = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const PATCHED =
  "  function nextWrite(fn) {\n" +
  `    ${MARK}\n` +
  "    if (!socket) {\n" +
  "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
  "      chunk = nextWriteTimer = null\n" +
  "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
  "      return false\n" +
  "    }\n" +
  "    const x = socket.write(chunk, fn)";

const root = path.join(process.cwd(), "node_modules", "postgres");
for (const dir of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, dir, "connection.js");
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  if (!text.includes(ORIGINAL)) {
    console.log(`patch-postgres : ${path.relative(process.cwd(), file)} a changé, correctif non appliqué (vérifiez porsager/postgres#1208).`);
    continue;
  }
  fs.writeFileSync(file, text.replace(ORIGINAL, PATCHED));
  console.log(`patch-postgres : correctif appliqué à ${path.relative(process.cwd(), file)}.`);
}
