import type { ReactNode } from "react";
import { formatDate, formatTime } from "./format.ts";

export interface ConflictInfo {
  updatedByName: string | null;
  updatedAt: string | null;
}

/**
 * Shown when a save was refused because someone else saved in between: who and when, what they
 * saved, and the two ways out (keep mine by saving again, or take theirs by reloading).
 */
export function ConflictNotice({ conflict, reloadHref, children }: { conflict: ConflictInfo; reloadHref: string; children?: ReactNode }) {
  const who = conflict.updatedByName ?? "Une autre personne";
  const when = conflict.updatedAt ? ` le ${formatDate(conflict.updatedAt)} à ${formatTime(conflict.updatedAt)}` : "";
  return (
    <div className="notice notice-warning conflict" role="alert">
      <p>
        <strong>Votre enregistrement n'a pas été fait</strong> : {who} a modifié ces informations{when}, pendant que vous les
        remplissiez. Rien n'a été écrasé.
      </p>
      {children ? <div className="conflict-theirs">{children}</div> : null}
      <p>
        Vos valeurs sont toujours dans le formulaire ci-dessous. Choisissez : cliquez sur « Enregistrer » pour garder les vôtres, ou{" "}
        <a href={reloadHref}>abandonnez vos changements et affichez les siennes</a>.
      </p>
    </div>
  );
}
