import {
  APPOINTMENT_MODE_LABELS,
  CLOSE_OUTCOME_LABELS,
  CONCORDANCE_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_SCOPE_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_DIRECTION_LABELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_PARTY_LABELS,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  OPENING_REASON_LABELS,
  PROVIDER_SOURCE_LABELS,
  URGENCY_LABELS,
} from '@secondlook/domain';
import { z } from 'zod';

// Reads a command's zod schema and describes the form that fills it: enums become selects,
// booleans checkboxes, ISO dates date inputs, arrays of objects repeatable rows. One
// generator serves every command, so a new field in libs/contracts shows up without UI work.

export interface SelectOption {
  value: string;
  label: string;
}

interface BaseField {
  /** Path inside the body (`documents` or, within a row, `kind`). */
  name: string;
  label: string;
  required: boolean;
}

export type FieldSpec =
  | (BaseField & { kind: 'text'; multiline: boolean; maxLength: number | null })
  | (BaseField & { kind: 'enum'; options: SelectOption[] })
  | (BaseField & { kind: 'boolean' })
  | (BaseField & { kind: 'number'; money: boolean; min: number | null; max: number | null })
  | (BaseField & { kind: 'date' })
  | (BaseField & { kind: 'datetime' })
  /** An identifier of something the case or the clinic already has: a select when options are known. */
  | (BaseField & { kind: 'reference' })
  | (BaseField & { kind: 'rows'; fields: FieldSpec[]; minRows: number });

export type FormValue = string | boolean | number | FormRow[] | undefined;
export type FormRow = Record<string, FormValue>;
export type FormValues = Record<string, FormValue>;

const OPTION_LABELS: Array<Record<string, string>> = [
  APPOINTMENT_MODE_LABELS,
  CLOSE_OUTCOME_LABELS,
  CONCORDANCE_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_SCOPE_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_DIRECTION_LABELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_PARTY_LABELS,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  OPENING_REASON_LABELS,
  PROVIDER_SOURCE_LABELS,
  URGENCY_LABELS,
];

/** The domain's words for an enum: the label table whose codes are exactly the enum's. */
export function optionLabels(values: readonly string[]): SelectOption[] {
  const table = OPTION_LABELS.find((labels) => {
    const keys = Object.keys(labels);
    return keys.length === values.length && values.every((value) => value in labels);
  });
  return values.map((value) => ({ value, label: table?.[value] ?? sentenceCase(value) }));
}

/** `estimatedOutOfPocketCents` → "Estimated out of pocket cents"; `in-person` → "In person". */
export function sentenceCase(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FIELD_LABELS: Record<string, string> = {
  advocateId: 'Advocate',
  coordinatorId: 'Coordinator',
  requestId: 'Records request',
  concernId: 'Dismissal concern',
  questionId: 'Question',
  documentId: 'Uploaded document',
  providerId: 'Provider id',
  toProvider: 'To provider',
  fromProvider: 'From provider',
  providerName: 'Provider name',
  inNetwork: 'In the patient’s insurance network',
  foundVia: 'Found through',
  coversSecondOpinions: 'The plan covers second opinions',
  inNetworkOnly: 'Only in-network providers are covered',
  preAuthRequired: 'Pre-authorization is required',
  estimatedOutOfPocketCents: 'Estimated out-of-pocket cost',
  estimatedTravelCostCents: 'Estimated travel cost',
  currency: 'Currency (ISO code, e.g. USD)',
  costConcern: 'The patient is worried about the cost',
  insurerName: 'Insurer',
  insurerReference: 'Insurer reference',
  expedited: 'Expedited review (72 hours)',
  authorizationNumber: 'Authorization number',
  validUntil: 'Valid until',
  occurredOn: 'When it happened',
  byWhom: 'By whom',
  patientRequestedRecordAddendum: 'The patient asked for this to be added to the medical record',
  addendumRequestedOn: 'Date the patient asked',
  statementOfDisagreement: 'Patient’s statement of disagreement',
  at: 'Date and time',
  mode: 'How',
  concordance: 'Compared with the original opinion',
  summary: 'Summary',
  confirmedBy: 'Confirmed by',
  attempts: 'Attempts',
  receipt: 'Receipt',
  documents: 'Documents',
};

/** Labels that depend on the command: "Text" means different things in different forms. */
const COMMAND_FIELD_LABELS: Record<string, string> = {
  'add-note.text': 'Note',
  'add-question.text': 'Question for the appointment',
  'record-desired-outcome.text': 'What the patient hopes to get from the second opinion',
  'answer-question.answer': 'Answer',
  'record-opinion.summary': 'What the second opinion says',
  'log-contact.summary': 'What was said',
  'log-contact.outcome': 'Outcome',
  'close-case.outcome': 'Outcome',
  'log-dismissal-concern.description': 'What happened',
  'appeal-pre-auth.grounds': 'Grounds for the appeal',
};

export const labelFor = (command: string, name: string): string =>
  COMMAND_FIELD_LABELS[`${command}.${name}`] ?? FIELD_LABELS[name] ?? sentenceCase(name);

const REFERENCE_FIELDS = new Set(['advocateId', 'coordinatorId', 'requestId', 'concernId', 'questionId', 'documentId']);

function describeField(command: string, name: string, schema: z.ZodType, required: boolean): FieldSpec {
  if (schema instanceof z.ZodOptional) return describeField(command, name, schema.unwrap() as z.ZodType, false);
  const base = { name, label: labelFor(command, name), required };
  if (schema instanceof z.ZodEnum) return { ...base, kind: 'enum', options: optionLabels(schema.options as string[]) };
  if (schema instanceof z.ZodBoolean) return { ...base, kind: 'boolean' };
  if (schema instanceof z.ZodNumber) {
    const money = name.endsWith('Cents');
    return { ...base, label: base.label, kind: 'number', money, min: schema.minValue ?? null, max: schema.maxValue ?? null };
  }
  if (schema instanceof z.ZodISODateTime) return { ...base, kind: 'datetime' };
  if (schema instanceof z.ZodISODate) return { ...base, kind: 'date' };
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    if (element instanceof z.ZodObject) {
      const fields = Object.entries(element.shape as Record<string, z.ZodType>).map(([key, field]) => describeField(command, key, field, true));
      const minRows = schema._zod.def.checks?.reduce((min, check) => {
        const def = check._zod.def as { check: string; minimum?: number };
        return def.check === 'min_length' && typeof def.minimum === 'number' ? Math.max(min, def.minimum) : min;
      }, 0) ?? 0;
      return { ...base, kind: 'rows', fields, minRows };
    }
  }
  // User ids are uuids (a string format of their own in zod 4), chosen from the staff list.
  if (schema instanceof z.ZodUUID && REFERENCE_FIELDS.has(name)) return { ...base, kind: 'reference' };
  if (schema instanceof z.ZodString) {
    if (REFERENCE_FIELDS.has(name)) return { ...base, kind: 'reference' };
    const maxLength = schema.maxLength;
    return { ...base, kind: 'text', multiline: maxLength !== null && maxLength > 200, maxLength };
  }
  throw new Error(`The command form cannot show field "${name}" of ${command}: add a case to describeField`);
}

const cache = new Map<z.ZodType, FieldSpec[]>();

/** The fields of a command body schema (a zod object), in the schema's order. */
export function describeSchema(command: string, schema: z.ZodType): FieldSpec[] {
  const cached = cache.get(schema);
  if (cached) return cached;
  if (!(schema instanceof z.ZodObject)) throw new Error(`${command}: a command body must be an object schema`);
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => describeField(command, name, field, true));
  cache.set(schema, fields);
  return fields;
}

export function emptyValue(field: FieldSpec): FormValue {
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'number':
      return '';
    case 'rows':
      return Array.from({ length: Math.max(1, field.minRows) }, () => emptyRow(field.fields));
    case 'text':
    case 'enum':
    case 'date':
    case 'datetime':
    case 'reference':
      return '';
  }
}

export const emptyRow = (fields: FieldSpec[]): FormRow => Object.fromEntries(fields.map((field) => [field.name, emptyValue(field)]));

export const emptyValues = (fields: FieldSpec[], defaults: FormValues = {}): FormValues => ({
  ...Object.fromEntries(fields.map((field) => [field.name, emptyValue(field)])),
  ...defaults,
});

/** `YYYY-MM-DDTHH:mm` from a datetime-local input, in the reader's zone, as an ISO instant with offset. */
export function localDateTimeToIso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function toBodyValue(field: FieldSpec, value: FormValue): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'number': {
      if (value === '' || value === undefined || value === null) return undefined;
      const number = typeof value === 'number' ? value : Number(value);
      if (Number.isNaN(number)) return value;
      return field.money ? Math.round(number * 100) : number;
    }
    case 'rows':
      return Array.isArray(value) ? value.map((row) => toBody(field.fields, row)) : [];
    case 'datetime':
      return typeof value === 'string' && value.trim() !== '' ? localDateTimeToIso(value) : field.required ? '' : undefined;
    case 'text':
    case 'enum':
    case 'date':
    case 'reference': {
      const text = typeof value === 'string' ? value.trim() : '';
      // An optional field left blank is absent; a required one stays '' so the schema names it.
      return text === '' ? (field.required ? (field.kind === 'enum' ? undefined : '') : undefined) : text;
    }
  }
}

/** The request body the form's values stand for (before the schema checks it). */
export function toBody(fields: FieldSpec[], values: FormRow): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = toBodyValue(field, values[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

/** Plain words for a schema problem, next to the field it is about. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `Add at least ${String(issue.minimum)}` : issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'Required' : `Must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${String(issue.maximum)} characters` : `Must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.input === undefined ? 'Required' : issue.expected === 'int' ? 'Must be a whole number' : `Must be a ${issue.expected}`;
    case 'invalid_value':
      return 'Choose one of the options';
    case 'invalid_format':
      return issue.format === 'date' ? 'Must be a date' : issue.format === 'datetime' ? 'Must be a date and time' : issue.message;
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return issue.message;
  }
}
