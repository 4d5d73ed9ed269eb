import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-entity',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/**
 * One JSON error shape for every failure. Unexpected errors are logged with their
 * stack and answered with a bare 500, so no stack trace or patient data leaves
 * the server in a response body.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      return {
        statusCode,
        error: typeof payload['error'] === 'string' && payload['error'].includes('-') ? payload['error'] : (STATUS_CODES[statusCode] ?? 'error'),
        message: Array.isArray(payload['message']) ? payload['message'].join('; ') : String(payload['message'] ?? exception.message),
        details: payload['details'],
      };
    }
    // body-parser raises plain errors with a status for oversized or malformed bodies.
    const status = (exception as { status?: unknown })?.status;
    if (status === 413) return { statusCode: 413, error: 'payload-too-large', message: 'The request body is larger than the server accepts' };
    if (status === 400) return { statusCode: 400, error: 'bad-request', message: 'The request body is not valid JSON' };
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal-error', message: 'Something went wrong on our side' };
  }
}
