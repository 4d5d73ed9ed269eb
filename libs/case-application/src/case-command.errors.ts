import type { Refusal } from '@secondlook/domain';

/** No case has this id (or the caller may not know it exists). */
export class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
  constructor(readonly caseId: string) {
    super(`No case ${caseId}`);
  }
}

/** The domain refused the command in the case's current state. */
export class CaseCommandRefusedError extends Error {
  override readonly name = 'CaseCommandRefusedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The caller's If-Match version is not the case's version: the case changed under them. */
export class StaleCaseVersionError extends Error {
  override readonly name = 'StaleCaseVersionError';
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`The case is at version ${actualVersion}, not ${expectedVersion}`);
  }
}
