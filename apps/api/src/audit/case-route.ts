import type { ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMAND_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export interface CaseRoute {
  /** The route as declared, without the global prefix: `cases/:id/events`. */
  template: string;
  /** True when the route names one case (an `:id` or `:caseId` parameter). */
  namesCase: boolean;
  /** That case's id when it is a well-formed uuid, else null. */
  caseId: string | null;
  /** The audit action, or null for routes that show no case data (the counters). */
  action: string | null;
}

/**
 * The declared route of the handler about to run. Matching the declaration
 * rather than the URL keeps the access rules immune to how a path is spelled
 * (Express routes case-insensitively and ignores a trailing slash).
 */
export function routeTemplateOf(context: ExecutionContext): string {
  const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
  return [first(Reflect.getMetadata(PATH_METADATA, context.getClass())), first(Reflect.getMetadata(PATH_METADATA, context.getHandler()))]
    .filter((part): part is string => typeof part === 'string')
    .join('/')
    .split('/')
    .filter(Boolean)
    .join('/');
}

/** The case route a request is for, or undefined when it is not under /api/cases. */
export function caseRouteOf(context: ExecutionContext): CaseRoute | undefined {
  const template = routeTemplateOf(context);
  if (template !== 'cases' && !template.startsWith('cases/')) return undefined;
  const req = context.switchToHttp().getRequest<Request>();
  const idParam = template.split('/').find((part) => part === ':id' || part === ':caseId');
  const rawId = idParam ? req.params[idParam.slice(1)] : undefined;
  return {
    template,
    namesCase: idParam !== undefined,
    caseId: typeof rawId === 'string' && UUID.test(rawId) ? rawId.toLowerCase() : null,
    action: actionOf(req.method, template, req.params),
  };
}

function actionOf(method: string, template: string, params: Request['params']): string | null {
  const rest = template.split('/').slice(1);
  const shape = rest.map((part) => (part.startsWith(':') ? ':' : part)).join('/');
  switch (`${method} ${shape}`) {
    case 'GET ':
      return 'case.list';
    case 'POST ':
      return 'case.command:open-case';
    case 'GET counts':
      return null;
    case 'GET :':
      return 'case.read';
    case 'GET :/events':
      return 'case.events.read';
    case 'POST :/commands/:': {
      const name = String(params['command'] ?? '');
      return `case.command:${COMMAND_NAME.test(name) ? name : 'unknown'}`;
    }
    case 'GET :/documents':
      return 'case.documents.read';
    case 'POST :/documents':
      return 'case.document.upload';
    case 'GET :/documents/:/content':
    case 'GET :/documents/:':
      return 'case.document.download';
    case 'GET :/records-requests/:/transfer':
      return 'case.records-transfer.read';
    case 'POST :/records-requests/:/retry':
      return 'case.command:retry-records-transfer';
    default:
      // A route added later is still audited, under its declared shape.
      return `case.${method.toLowerCase()}:${template}`;
  }
}
