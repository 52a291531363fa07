import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { getDb } from "../../db/client.ts";
import { blankSessionCookie, getSession, invalidateSession, invalidateUserSessions } from "../auth/session.server.ts";

/** POST only: signing out from a link would let another site sign users out. */
export async function loader() {
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  if (session) {
    const db = await getDb();
    if (form.get("everywhere") === "1") await invalidateUserSessions(db, session.user.id);
    else await invalidateSession(db, session.sessionId);
  }
  throw redirect("/connexion?deconnecte=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}
