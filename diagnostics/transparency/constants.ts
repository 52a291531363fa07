/**
 * Constants of the pay-transparency indicators (directive (EU) 2023/970, DOMAIN.md §4), each with its
 * source or marked as a project choice.
 */

/**
 * A category of workers whose mean pay gap reaches this share, in % (absolute value, either
 * direction), triggers a joint pay assessment when it is not justified nor remedied within 6 months
 * (directive 2023/970, art. 10(1)(a)).
 */
export const JOINT_ASSESSMENT_GAP_PCT = 5;

/**
 * A figure computed over fewer than this many women or fewer than this many men is not shown
 * (« trop peu de personnes »). Project rule: with 1 or 2 people of one sex, a mean or a median is
 * that person's pay, or lets one colleague deduce the other's. The directive sets no threshold;
 * 3 is the smallest group in which no single pay can be recovered from an average and one's own pay.
 */
export const MIN_PEOPLE_PER_SEX = 3;

/** Number of pay bands of indicator (f): quartiles (directive 2023/970, art. 9(1)(f)). */
export const PAY_BANDS = 4;

/**
 * Weeks in a month on average (52 weeks / 12 months), to turn contractual weekly hours into hours
 * paid over the months present; 35 h × 52 / 12 = 151,67 h, the monthly legal hours of a full-time
 * job (Code du travail L3121-27 and the monthly payment rule of L3242-1).
 */
export const WEEKS_PER_MONTH = 52 / 12;

/** Full-time weekly hours, used when the contractual hours are not given (Code du travail L3121-27). */
export const FULL_TIME_WEEKLY_HOURS = 35;

/**
 * Tolerance of the unexplained (adjusted) pay gap, in %: the same 5 % as the joint-assessment
 * trigger (art. 10), applied to the sex coefficient of the regression. Project reading: a gap that
 * neutral factors do not explain and that may reach 5 % deserves the same attention.
 */
export const UNEXPLAINED_GAP_TOLERANCE_PCT = 5;

/** Confidence level of the interval around the unexplained gap (two-sided 95 %). */
export const CONFIDENCE_LEVEL = 0.95;

/**
 * The regression concludes only with at least this many women and this many men with a positive
 * pay. Project choice: below 10 of either sex the sex coefficient rests on too few people to
 * separate sex from the other factors.
 */
export const REGRESSION_MIN_PER_SEX = 10;

/**
 * The regression concludes only with at least this many residual degrees of freedom (people minus
 * estimated coefficients). Project choice: with fewer, the residual variance, and so the interval,
 * is too unstable (t(0,975; 15) = 2,13 against 1,96 for a large sample).
 */
export const REGRESSION_MIN_DF = 15;

/**
 * A column whose part not explained by the previous columns has a norm below this share of its own
 * norm is treated as a combination of them (collinear) and left out of the regression. Project
 * choice, far above double-precision rounding (about 1e-16) and far below any real factor.
 */
export const COLLINEARITY_TOLERANCE = 1e-9;

/**
 * The regression refuses to separate sex from the other factors when they predict it this well
 * (R² of sex on the factors, i.e. a variance inflation factor of 10 or more — the usual rule of
 * thumb, Kutner et al., Applied Linear Statistical Models, §10.5): the sex coefficient would then
 * rest on a handful of people and extrapolation. Project choice.
 */
export const SEX_FACTORS_MAX_R2 = 0.9;
