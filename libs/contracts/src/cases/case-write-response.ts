/** Every write answers the case id and its new stream version, which is also the ETag. */
export interface CaseWriteResponse {
  id: string;
  version: number;
}
