/**
 * Job titles written in the masculine, the feminine or an inclusive form (« Chargé d'insertion »,
 * « Chargée d'insertion », « Chargé·e d'insertion ») name one job: counted apart, each would show 0 %
 * or 100 % of women and the mixity of the structure would look lower than it is.
 *
 * The rule is deliberately conservative, word by word, on titles folded by normalizeText (case,
 * accents and punctuation ignored):
 * - a word is read as the feminine of another when it ends in -euse for -eur (vendeuse, vendeur),
 *   -trice for -teur (animatrice, animateur), -ienne for -ien (technicienne, technicien), or adds an
 *   -e to it, which covers -ée / -é (chargée), -ère / -er (conseillère), -ante / -ant and
 *   -ente / -ent (encadrante, agente) and any other « + e » (adjointe);
 * - a feminine word is replaced by its masculine only when that masculine word appears in a title
 *   of the same population in the file (before its first preposition); the masculine has at least
 *   3 letters;
 * - only the words before the first preposition change (« Chargée » in « Chargée de mission »,
 *   « Directrice adjointe »): the complement is the job's object, not its holder, and is kept as
 *   written, so « Agent de port » and « Agent de porte » stay apart;
 * - two titles name the same job only when, after that replacement, they have the same words in
 *   the same order, and the same population. « Agent de tri » and « Agente d'accueil » stay apart.
 * Inclusive spellings are read as the masculine: « Agent·e », « Agent(e) », « Agent.e »
 * (normalizeText), « Agent-e », « Agent/Agente », « Agent/e », « Agent ou agente »,
 * « Animateur·trice », and whole-title alternatives « Chargée d'insertion / Chargé d'insertion ».
 *
 * Pure functions, no I/O.
 */
import { STAFF_LABEL_MAX_LENGTH } from "./constants.ts";
import { hasInclusiveEnding, normalizeText } from "./values.ts";

/** Shortest masculine word (letters) that a feminine word can be folded into. Project choice. */
export const GENDERED_WORD_MIN_LENGTH = 3;

/** Separator shown between the two forms of a merged job: « Chargée d'insertion / Chargé d'insertion ». */
export const GENDERED_LABEL_SEPARATOR = " / ";

/** Marks a « / » between words; normalizeText never produces it. */
const SLASH = "/";
const LETTERS = /^[a-z]+$/;

/** Words that end the part of a title that changes with gender (« de », « d' », « à »… once folded). */
const PREPOSITIONS = new Set(["a", "au", "aux", "avec", "chez", "d", "dans", "de", "des", "du", "en", "l", "la", "le", "les", "par", "pour", "sur"]);

/** Feminine endings written alone after a word (« Animateur·trice » folds to « animateur trice »). */
const DETACHED_ENDINGS = new Set(["ne", "ere", "euse", "rice", "trice", "ienne", "ante", "ente", "ee"]);

/**
 * The masculine words a folded word may be the feminine of (-trice → -teur, -euse → -eur,
 * -ienne → -ien, then « + e » removed), most specific first; empty when none.
 */
export function masculineCandidates(word: string): string[] {
  if (!LETTERS.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith("trice")) out.push(`${word.slice(0, -5)}teur`);
  if (word.endsWith("euse")) out.push(`${word.slice(0, -4)}eur`);
  if (word.endsWith("ienne")) out.push(word.slice(0, -2));
  if (word.endsWith("e")) out.push(word.slice(0, -1));
  return out.filter((m) => m.length >= GENDERED_WORD_MIN_LENGTH);
}

/** True when the folded word `feminine` is a feminine form of the folded word `masculine` (see the rule above). */
export function isFeminineOf(feminine: string, masculine: string): boolean {
  return masculineCandidates(feminine).includes(masculine);
}

/** The masculine of two words that are the same or gendered forms of each other; null otherwise. */
function commonMasculine(a: string, b: string): string | null {
  if (a === b) return a;
  if (isFeminineOf(a, b)) return b;
  if (isFeminineOf(b, a)) return a;
  return null;
}

export interface TitleWords {
  /** Folded words, inclusive alternatives read as the masculine. */
  words: string[];
  /** The title itself names both forms (« Agent·e », « Agent/Agente », « Chargé ou chargée »). */
  inclusive: boolean;
}

/** Characters that may start an inclusive spelling (« · », « • », « . », « ( », « / », « - »). */
const INCLUSIVE_MARKS = /[·•.(/-]/;

/** « Chargé-e », « Technicien-ne », « Animateur-trice »: a hyphen, then a feminine ending and no more letters. */
const HYPHEN_ENDING = /(\p{L}{3,})-(e|ne|ère|ere|euse|rice|trice|ienne|ante|ente|ée|ee)(?![\p{L}\p{M}])/gu;

/** The folded words of a job title, with its inclusive alternatives read as the masculine. */
export function titleWords(title: string): TitleWords {
  const folded = normalizeText(title);
  const plain = folded === "" ? [] : folded.split(" ");
  // Most titles: no mark, no detached ending, no « ou » → the folded words as they are.
  if (!INCLUSIVE_MARKS.test(title) && !plain.some((w) => w === "ou" || DETACHED_ENDINGS.has(w))) return { words: plain, inclusive: false };

  // « Agent-e » is read as « Agent·e » (« Chauffeur-livreur », « e-commerce » are left alone).
  const marked = title.normalize("NFC").replace(HYPHEN_ENDING, "$1·$2");
  let inclusive = hasInclusiveEnding(marked);
  const raw: string[] = [];
  marked.split("/").forEach((piece, i) => {
    if (i > 0) raw.push(SLASH);
    for (const w of normalizeText(piece).split(" ")) if (w !== "") raw.push(w);
  });

  // Whole-title alternatives: « Chargée d'insertion / Chargé d'insertion », « Agent/Agente ».
  if (raw.includes(SLASH)) {
    const parts: string[][] = [[]];
    for (const w of raw) {
      if (w === SLASH) parts.push([]);
      else parts[parts.length - 1].push(w);
    }
    const [first, ...others] = parts;
    if (first.length > 0 && others.every((p) => p.length === first.length)) {
      const merged = first.map((w, k) => others.reduce<string | null>((m, p) => (m === null ? null : commonMasculine(m, p[k])), w));
      if (merged.every((w): w is string => w !== null)) return { words: merged, inclusive: true };
    }
  }

  // Word alternatives: « Chargé/Chargée », « Agent ou agente », « Agent/e », « Animateur trice ».
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (w === SLASH) continue;
    const next = raw[i + 1];
    const after = raw[i + 2];
    if ((next === SLASH || next === "ou") && after !== undefined && after !== SLASH) {
      const m = commonMasculine(w, after);
      if (m !== null && w !== after) {
        words.push(m);
        inclusive = true;
        i += 2;
        continue;
      }
      if (next === SLASH && (after === "e" || DETACHED_ENDINGS.has(after)) && hasFeminineEnding(w, after)) {
        words.push(w);
        inclusive = true;
        i += 2;
        continue;
      }
    }
    if (next !== undefined && DETACHED_ENDINGS.has(next) && hasFeminineEnding(w, next)) {
      words.push(w);
      inclusive = true;
      i += 1;
      continue;
    }
    words.push(w);
  }
  return { words, inclusive };
}

/** A title as groupJobTitles reads it: its words, the number of words before the first preposition, the words joined. */
interface ReadTitle extends TitleWords {
  head: number;
  joined: string;
}

/**
 * Memo of the titles read by groupJobTitles, which runs on every jobs table: the same few dozen
 * titles come back import after import. Bounded like normalizeText's memo (emptied when full).
 * Entries are never handed out, so never mutated.
 */
const READ_TITLES = new Map<string, ReadTitle>();
const READ_TITLES_MAX_ENTRIES = 10_000;

function readTitle(title: string): ReadTitle {
  let read = READ_TITLES.get(title);
  if (read === undefined) {
    const { words, inclusive } = titleWords(title);
    const preposition = words.findIndex((w) => PREPOSITIONS.has(w));
    read = { words, inclusive, head: preposition === -1 ? words.length : preposition, joined: words.join(" ") };
    if (READ_TITLES.size >= READ_TITLES_MAX_ENTRIES) READ_TITLES.clear();
    READ_TITLES.set(title, read);
  }
  return read;
}

/** The masculine of a folded word that the vocabulary holds (see the rule at the top), if any. */
function attestedMasculine(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  // Every feminine ending of the rule ends in « e ».
  if (!word.endsWith("e")) return undefined;
  return masculineCandidates(word).find((m) => vocabulary.has(m));
}

/** True when some feminine form of `masculine` ends with `ending` (« animateur » + « trice »). */
function hasFeminineEnding(masculine: string, ending: string): boolean {
  if (!LETTERS.test(masculine) || masculine.length < GENDERED_WORD_MIN_LENGTH) return false;
  const feminines = [`${masculine}e`];
  if (masculine.endsWith("eur")) feminines.push(`${masculine.slice(0, -3)}euse`);
  if (masculine.endsWith("teur")) feminines.push(`${masculine.slice(0, -4)}trice`);
  if (masculine.endsWith("ien")) feminines.push(`${masculine}ne`);
  return feminines.some((f) => f.endsWith(ending) && f.length > ending.length);
}

export interface JobTitleCount {
  /** The title as written (trimmed). */
  label: string;
  /** People holding it, to choose the spelling shown first. */
  people: number;
}

export interface JobTitleGroup {
  /** The title shown: the title itself when alone, otherwise see inclusiveJobLabel. */
  label: string;
  /** Indices of the titles of the group in the input, increasing. */
  members: number[];
}

type FormKind = "masculine" | "feminine" | "inclusive";

interface Form {
  /** First spelling met (the existing rule for titles that differ only by case, accents, punctuation). */
  label: string;
  first: number;
  people: number;
  members: number[];
  read: ReadTitle;
  kind: FormKind;
}

/**
 * Groups the job titles of ONE population (in order of first appearance): titles equal once folded
 * by normalizeText form one job shown with the first spelling met, as before; titles whose words
 * differ only by gender (rule at the top of this file) are merged too and shown with
 * inclusiveJobLabel. Groups come in the order of their first title; never empty for a non-empty input.
 */
export function groupJobTitles(titles: readonly JobTitleCount[]): JobTitleGroup[] {
  const forms = new Map<string, Form>();
  titles.forEach((t, index) => {
    const folded = normalizeText(t.label);
    let form = forms.get(folded);
    if (!form) {
      form = { label: t.label, first: index, people: 0, members: [], read: readTitle(t.label), kind: "masculine" };
      forms.set(folded, form);
    }
    form.people += t.people;
    form.members.push(index);
  });

  // The words that may be a masculine form: those before the first preposition of each title.
  const vocabulary = new Set<string>();
  for (const { read } of forms.values()) for (let k = 0; k < read.head; k++) vocabulary.add(read.words[k]);

  // Forms by key, in order of first appearance (a Map keeps the order of insertion).
  const byKey = new Map<string, Form[]>();
  for (const form of forms.values()) {
    const { words, head, joined, inclusive } = form.read;
    let masculine: string[] | null = null;
    for (let k = 0; k < head; k++) {
      const m = attestedMasculine(words[k], vocabulary);
      if (m === undefined) continue;
      masculine ??= words.slice();
      masculine[k] = m;
    }
    const key = masculine === null ? joined : masculine.join(" ");
    form.kind = inclusive ? "inclusive" : masculine !== null ? "feminine" : "masculine";
    const same = byKey.get(key);
    if (same) same.push(form);
    else byKey.set(key, [form]);
  }

  const groups: JobTitleGroup[] = [];
  for (const group of byKey.values()) {
    if (group.length === 1) groups.push({ label: group[0].label, members: group[0].members });
    else groups.push({ label: inclusiveJobLabel(group), members: group.flatMap((f) => f.members).sort((a, b) => a - b) });
  }
  return groups;
}

/**
 * The title shown for a job written in several gendered forms (UX.md: the users' own titles as
 * typed, doublets rather than the point médian). Forms ranked by people, then first met:
 * - the first is inclusive (« Agent·e d'entretien ») → it alone, it already names both;
 * - otherwise the first, « / », and the most numerous form of the other gender: « Chargée
 *   d'insertion / Chargé d'insertion »;
 * - with no form of the other gender, the most numerous inclusive form, else the first alone.
 * A doublet longer than STAFF_LABEL_MAX_LENGTH is not used (the jobs table refuses longer titles):
 * the first form alone is shown.
 */
function inclusiveJobLabel(group: readonly Form[]): string {
  const ranked = [...group].sort((a, b) => b.people - a.people || a.first - b.first);
  const top = ranked[0];
  if (top.kind === "inclusive") return top.label;
  const other = ranked.find((f) => f.kind !== "inclusive" && f.kind !== top.kind);
  if (other) {
    const doublet = `${top.label}${GENDERED_LABEL_SEPARATOR}${other.label}`;
    return doublet.length <= STAFF_LABEL_MAX_LENGTH ? doublet : top.label;
  }
  return ranked.find((f) => f.kind === "inclusive")?.label ?? top.label;
}
