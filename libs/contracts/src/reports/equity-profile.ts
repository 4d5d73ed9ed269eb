import { z } from 'zod';

/**
 * Race and ethnicity as the patient self-identifies, several allowed. The categories follow
 * the 2024 revision of the US federal standard (OMB SPD 15), which counts Middle Eastern or
 * North African on its own and asks race and ethnicity in one question.
 */
export const RACE_ETHNICITY_CODES = [
  'american-indian-or-alaska-native',
  'asian',
  'black-or-african-american',
  'hispanic-or-latino',
  'middle-eastern-or-north-african',
  'native-hawaiian-or-pacific-islander',
  'white',
  'another-race-or-ethnicity',
  'prefer-not-to-say',
] as const;
export type RaceEthnicityCode = (typeof RACE_ETHNICITY_CODES)[number];

export const RACE_ETHNICITY_LABELS: Record<RaceEthnicityCode, string> = {
  'american-indian-or-alaska-native': 'American Indian or Alaska Native',
  asian: 'Asian',
  'black-or-african-american': 'Black or African American',
  'hispanic-or-latino': 'Hispanic or Latino',
  'middle-eastern-or-north-african': 'Middle Eastern or North African',
  'native-hawaiian-or-pacific-islander': 'Native Hawaiian or Pacific Islander',
  white: 'White',
  'another-race-or-ethnicity': 'Another race or ethnicity',
  'prefer-not-to-say': 'Prefer not to say',
};

export const SELF_IDENTIFICATION_ANSWERS = ['yes', 'no', 'prefer-not-to-say'] as const;
export type SelfIdentificationAnswer = (typeof SELF_IDENTIFICATION_ANSWERS)[number];

export const SELF_IDENTIFICATION_ANSWER_LABELS: Record<SelfIdentificationAnswer, string> = {
  yes: 'Yes',
  no: 'No',
  'prefer-not-to-say': 'Prefer not to say',
};

/** The yes/no questions, with the words the intake form asks them in. */
export const EQUITY_QUESTIONS = {
  disability: 'Do you have a disability?',
  lgbtqia: 'Do you identify as LGBTQIA+?',
  socioeconomicHardship: 'Are you facing socioeconomic hardship (income, housing, insurance)?',
} as const;

/**
 * The answers of `PUT /api/cases/:id/equity-profile`. Every field is optional (never
 * required), and the body replaces what was stored: an absent field means "not answered".
 */
export const equityProfileBodySchema = z.strictObject({
  raceEthnicity: z
    .array(z.enum(RACE_ETHNICITY_CODES))
    .max(RACE_ETHNICITY_CODES.length)
    .refine((codes) => new Set(codes).size === codes.length, 'lists a code twice')
    .refine((codes) => !codes.includes('prefer-not-to-say') || codes.length === 1, 'cannot combine prefer-not-to-say with other codes')
    .optional(),
  disability: z.enum(SELF_IDENTIFICATION_ANSWERS).optional(),
  lgbtqia: z.enum(SELF_IDENTIFICATION_ANSWERS).optional(),
  socioeconomicHardship: z.enum(SELF_IDENTIFICATION_ANSWERS).optional(),
});
export type EquityProfileBody = z.infer<typeof equityProfileBodySchema>;

/** What an admin reads back; `null` is "not answered". */
export interface EquityProfile {
  caseId: string;
  raceEthnicity: RaceEthnicityCode[];
  disability: SelfIdentificationAnswer | null;
  lgbtqia: SelfIdentificationAnswer | null;
  socioeconomicHardship: SelfIdentificationAnswer | null;
  /** The case's consent for scope `equity-self-identification`; reports use the answers only while it is `given`. */
  consent: 'not-asked' | 'given' | 'withdrawn';
  updatedAt: string;
}

/** `error` codes of the equity-profile routes. */
export const EQUITY_PROFILE_ERRORS = {
  consentRequired: 'consent-required',
  notFound: 'equity-profile-not-found',
} as const;
