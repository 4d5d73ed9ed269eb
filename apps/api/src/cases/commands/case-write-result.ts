/** What every case command answers: the case and its new stream version (the ETag). */
export interface CaseWriteResult {
  id: string;
  version: number;
}
