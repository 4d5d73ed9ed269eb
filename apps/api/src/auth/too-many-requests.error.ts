import { HttpException, HttpStatus } from '@nestjs/common';

export class TooManyRequestsError extends HttpException {
  constructor(retryAfterSeconds: number) {
    super(
      { error: 'too-many-sign-in-attempts', message: `Too many sign-in attempts; try again in ${Math.max(1, retryAfterSeconds)} seconds` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
