import { ConflictException, HttpException, NotFoundException, PreconditionFailedException } from '@nestjs/common';
import { CaseCommandRefusedError, CaseNotFoundError, StaleCaseVersionError } from '@secondlook/case-application';
import { ConcurrencyError } from '@secondlook/event-store';

/**
 * The command path's typed failures as HTTP answers: unknown case 404, the case
 * changed since the caller's If-Match 412, a refusal in the case's state 409.
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof CaseNotFoundError) return new NotFoundException({ error: 'case-not-found', message: 'No such case' });
  if (error instanceof StaleCaseVersionError) {
    return new PreconditionFailedException({
      error: 'stale-version',
      message: `The case changed since you loaded it (it is at version ${error.actualVersion}, you had ${error.expectedVersion}). Reload it and try again.`,
      details: { expectedVersion: error.expectedVersion, actualVersion: error.actualVersion },
    });
  }
  if (error instanceof CaseCommandRefusedError) {
    if (error.refusal.code === 'case-not-found') return new NotFoundException({ error: 'case-not-found', message: 'No such case' });
    return new ConflictException({ error: error.refusal.code, message: error.refusal.message });
  }
  if (error instanceof ConcurrencyError) {
    return new ConflictException({ error: 'concurrent-update', message: 'The case is being changed by someone else right now; try again' });
  }
  return error;
}

export async function mapCaseErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toHttpError(error);
  }
}
