import { z } from 'zod';

// Shared field shapes for command bodies. Limits keep one request from filling a row or a
// log line; they are generous for clinical text and tight for names and identifiers.

/** Identifiers minted by the domain (uuids in production) or by the users service. */
export const idField = z.string().trim().min(1).max(128);
/** Users are identified by uuid; an assignment must name one. */
export const userIdField = z.uuid();
/** Names of providers, specialties, references: one line. */
export const shortText = z.string().trim().min(1).max(200);
/** Reasons, grounds, summaries of a call: a paragraph. */
export const mediumText = z.string().trim().min(1).max(2_000);
/** Notes, opinion summaries, concern descriptions. */
export const longText = z.string().trim().min(1).max(10_000);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
/** Money in minor units (cents); up to 10 million in the major unit. */
export const cents = z.number().int().min(0).max(1_000_000_000);
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
