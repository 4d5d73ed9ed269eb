import {
  APPOINTMENT_MODES,
  CLOSE_OUTCOMES,
  CONCORDANCES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PARTIES,
  DECISIONS,
  DOCUMENT_KINDS,
  PROVIDER_SOURCES,
} from '@secondlook/domain';
import type { CaseCommandPayloads, CaseStreamCommandName } from '@secondlook/domain';
import { z } from 'zod';
import { cents, currencyCode, idField, isoDate, isoDateTime, longText, mediumText, shortText, userIdField } from './field.schema';

// One strict schema per command sent to an existing case. The parsed body IS the domain
// command minus its `type`, so the api does `{ type: name, ...body }` and nothing else.
// Enums come from the domain's `as const` arrays: one list feeds validation, OpenAPI and the UI.

export const requestedDocumentSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  description: mediumText,
  documentId: idField.optional(),
});

export const commandBodySchemas = {
  'add-note': z.strictObject({ text: longText }),
  'assign-advocate': z.strictObject({ advocateId: userIdField }),
  'assign-coordinator': z.strictObject({ coordinatorId: userIdField }),
  'log-contact': z.strictObject({
    channel: z.enum(CONTACT_CHANNELS),
    direction: z.enum(CONTACT_DIRECTIONS),
    party: z.enum(CONTACT_PARTIES),
    outcome: z.enum(CONTACT_OUTCOMES),
    summary: mediumText.optional(),
  }),
  'inform-current-doctor': z.strictObject({ channel: z.enum(CONTACT_CHANNELS).optional(), note: mediumText.optional() }),
  'request-referral': z.strictObject({ toProvider: shortText.optional(), note: mediumText.optional() }),
  'receive-referral': z.strictObject({ reference: shortText.optional(), note: mediumText.optional() }),
  'decline-referral': z.strictObject({ reason: mediumText }),
  'select-provider': z.strictObject({
    providerName: shortText,
    inNetwork: z.boolean(),
    foundVia: z.enum(PROVIDER_SOURCES),
    providerId: idField.optional(),
  }),
  'check-coverage': z.strictObject({
    coversSecondOpinions: z.boolean(),
    inNetworkOnly: z.boolean(),
    preAuthRequired: z.boolean(),
    estimatedOutOfPocketCents: cents,
    estimatedTravelCostCents: cents,
    currency: currencyCode.optional(),
    costConcern: z.boolean().optional(),
    insurerName: shortText.optional(),
    note: mediumText.optional(),
  }),
  'request-pre-auth': z.strictObject({
    insurerReference: shortText.optional(),
    expedited: z.boolean().optional(),
    note: mediumText.optional(),
  }),
  'mark-pre-auth-pending': z.strictObject({ insurerReference: shortText.optional() }),
  'approve-pre-auth': z.strictObject({ authorizationNumber: shortText.optional(), validUntil: isoDate.optional() }),
  'deny-pre-auth': z.strictObject({ reason: mediumText }),
  'appeal-pre-auth': z.strictObject({ grounds: mediumText }),
  'record-pre-auth-follow-up-due': z.strictObject({}),
  'request-records': z.strictObject({
    fromProvider: shortText,
    toProvider: shortText,
    documents: z.array(requestedDocumentSchema).min(1).max(100),
    note: mediumText.optional(),
  }),
  'start-records-transfer': z.strictObject({ requestId: idField }),
  'record-records-sent': z.strictObject({ requestId: idField, receipt: mediumText }),
  'record-records-transfer-failed': z.strictObject({
    requestId: idField,
    reason: mediumText,
    attempts: z.number().int().min(1).max(1_000),
  }),
  'confirm-records-receipt': z.strictObject({ requestId: idField, confirmedBy: shortText.optional() }),
  'log-dismissal-concern': z.strictObject({
    description: longText,
    occurredOn: isoDate,
    byWhom: shortText.optional(),
    patientRequestedRecordAddendum: z.boolean(),
    addendumRequestedOn: isoDate.optional(),
  }),
  'add-dismissal-concern-to-record': z.strictObject({ concernId: idField, note: mediumText.optional() }),
  'deny-dismissal-concern-amendment': z.strictObject({
    concernId: idField,
    reason: mediumText,
    statementOfDisagreement: longText.optional(),
  }),
  'record-desired-outcome': z.strictObject({ text: longText }),
  'add-question': z.strictObject({ text: mediumText }),
  'answer-question': z.strictObject({ questionId: idField, answer: longText }),
  'schedule-appointment': z.strictObject({
    at: isoDateTime,
    mode: z.enum(APPOINTMENT_MODES),
    providerName: shortText.optional(),
    location: shortText.optional(),
  }),
  'reschedule-appointment': z.strictObject({ at: isoDateTime, reason: mediumText.optional() }),
  'complete-appointment': z.strictObject({}),
  'mark-appointment-missed': z.strictObject({ reason: mediumText.optional() }),
  'record-opinion': z.strictObject({ concordance: z.enum(CONCORDANCES), summary: longText, documentId: idField.optional() }),
  'request-third-opinion': z.strictObject({ reason: mediumText.optional() }),
  'record-decision': z.strictObject({ decision: z.enum(DECISIONS), note: mediumText.optional() }),
  'record-consent': z.strictObject({ scope: z.enum(CONSENT_SCOPES), method: z.enum(CONSENT_METHODS) }),
  'withdraw-consent': z.strictObject({ scope: z.enum(CONSENT_SCOPES) }),
  'close-case': z.strictObject({ outcome: z.enum(CLOSE_OUTCOMES), note: mediumText.optional() }),
  'withdraw-case': z.strictObject({ reason: mediumText }),
  'reopen-case': z.strictObject({ reason: mediumText }),
} as const satisfies { [K in CaseStreamCommandName]: z.ZodType<CaseCommandPayloads[K]> };

export type CommandBodySchemas = typeof commandBodySchemas;
export type CommandBodyName = keyof CommandBodySchemas;
export type CommandBody<K extends CommandBodyName> = z.infer<CommandBodySchemas[K]>;

/** The kebab-case names accepted at `POST /api/cases/:id/commands/:command`. */
export const COMMAND_BODY_NAMES = Object.keys(commandBodySchemas) as CommandBodyName[];

export const isCommandBodyName = (value: string): value is CommandBodyName => Object.hasOwn(commandBodySchemas, value);
