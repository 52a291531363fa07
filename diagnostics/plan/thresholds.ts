/**
 * Thresholds of the numeric answers that call for an action. Project choices, each aligned on the
 * point where the question's own scoring reaches its best value (diagnostics/questions/*.ts), or on
 * a legal figure when there is one.
 */

/**
 * Share of women (%) among applications on masculinised jobs under which the prescribers action is
 * proposed: the lower bound of the mixity band (DOMAIN.md §5.1), where embauche.part_femmes_candidatures
 * scores 1.
 */
export const APPLICATIONS_WOMEN_SHARE_TARGET_PCT = 40;

/**
 * Share of women (%) among encadrants techniques and chefs d'équipe under which the supervisors
 * actions are proposed: lower bound of the mixity band, where promotion.part_femmes_encadrement_technique
 * scores 1.
 */
export const SUPERVISORS_WOMEN_SHARE_TARGET_PCT = 40;

/**
 * Share (%) of part-timers who would like more hours from which the « temps partiel subi » actions are
 * proposed. Project choice: one part-timer in five; the question scores 0.6 there and 0 at 50 %.
 */
export const INVOLUNTARY_PART_TIME_ALERT_PCT = 20;

/**
 * Days of notice for schedules under which the planning action is proposed: two weeks, where
 * articulation.delai_plannings scores 1 (the legal minimum for part-timers is 7 working days,
 * Code du travail L3123-11, L3123-24).
 */
export const SCHEDULE_NOTICE_TARGET_DAYS = 14;

/**
 * Paid sick-child days per year under which the family-leave action is proposed (the ACI branch texts
 * created 2 days, DOMAIN.md §6.2; articulation.jours_enfant_malade scores 0.7 at 2).
 */
export const PAID_SICK_CHILD_DAYS_TARGET = 2;

/**
 * Balanced range of women among the 10 highest pays, inclusive: 4 to 6 gives the Index's full
 * 10 points (Code du travail D1142-2, annexe; DOMAIN.md §3).
 */
export const TOP10_BALANCED_MIN_WOMEN = 4;
/** Upper end of the balanced range, see TOP10_BALANCED_MIN_WOMEN. */
export const TOP10_BALANCED_MAX_WOMEN = 6;

/** Longest suggested deadline (months) of a catalogue action: every action fits an annual plan d'action (L2242-3). */
export const MAX_SUGGESTED_DEADLINE_MONTHS = 12;
