import { z } from 'zod';

/** `POST /api/providers`: a second-opinion provider's FHIR R4 endpoint for records transfer. */
export const createRecordsDestinationBodySchema = z
  .object({
    /** What `request-records`' `toProvider` names. Unique. */
    name: z.string().trim().min(1).max(200),
    fhirBaseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }),
    /** The Authorization header value the destination expects (e.g. `Bearer …`). Never returned or logged. */
    authorization: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type CreateRecordsDestinationBody = z.infer<typeof createRecordsDestinationBodySchema>;

export interface RecordsDestinationView {
  id: string;
  name: string;
  fhirBaseUrl: string;
  /** Whether credentials are configured; the value itself never leaves the server. */
  hasAuthorization: boolean;
  createdAt: string;
}
