/**
 * A sign-up confirmation link is valid 48 hours; the pending request is deleted once expired (the
 * retention command, the privacy page). Two days leave time for a mail held by a filter or read on
 * Monday, while a forgotten request does not keep a password hash and an email for long.
 */
export const SIGNUP_REQUEST_TTL_HOURS = 48;
export const SIGNUP_REQUEST_TTL_MS = SIGNUP_REQUEST_TTL_HOURS * 60 * 60 * 1000;
