import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  problem: string;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), problem: 'is not a known field' }));
    }
    return [{ field: issue.path.join('.') || '(body)', problem: issue.message }];
  });
}

/** Validates (and strictly shapes) a body or query against a contract schema; 400 names each field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S, private readonly what = 'request body') {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const details = describeIssues(parsed.error.issues);
    throw validationFailed(this.what, details);
  }
}

export function validationFailed(what: string, details: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    error: 'validation-failed',
    message: `Invalid ${what}: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`,
    details,
  });
}
