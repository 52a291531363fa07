import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

const FROM = process.env.MAIL_FROM ?? "Boussole Égalité <ne-pas-repondre@boussole-egalite.fr>";

/** Folder where mails are written when no SMTP server is configured (demo, tests). */
export function outboxDir(): string {
  return process.env.OUTBOX_DIR ?? path.resolve(process.cwd(), "data", "outbox");
}

let transport: nodemailer.Transporter | null = null;

/**
 * The one mailer: SMTP through nodemailer when `SMTP_URL` is set, otherwise a file in ./data/outbox/
 * and a log line, so that the demo works offline.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    transport ??= nodemailer.createTransport(smtpUrl);
    await transport.sendMail({ from: FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, "_");
  // Two mails to one address in the same millisecond get different names (`wx`: never overwrite).
  const file = path.join(dir, `${stamp}-${randomBytes(4).toString("hex")}-${safeTo}.txt`);
  await fs.writeFile(file, `De : ${FROM}\nÀ : ${mail.to}\nObjet : ${mail.subject}\n\n${mail.text}\n`, { encoding: "utf8", flag: "wx" });
  if (process.env.NODE_ENV !== "test") console.log(`[courriel] « ${mail.subject} » pour ${mail.to} écrit dans ${file}`);
}

/** The public base URL used in links sent by mail. */
export function publicUrl(request: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  return new URL(request.url).origin;
}
