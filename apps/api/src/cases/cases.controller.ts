import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { type CaseListPage, type CaseWriteResponse, listCasesQuerySchema, type ListCasesQuery as ListCasesParams, openCaseBodySchema, type OpenCaseBody } from '@secondlook/contracts';
import type { Response } from 'express';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { idempotencyKeyOf } from './http/idempotency-key';
import { OpenCaseCommand } from './commands/open-case/open-case.command';
import { ListCasesQuery } from './queries/list-cases/list-cases.query';

@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  async open(
    @Body(new ZodValidationPipe(openCaseBodySchema)) body: OpenCaseBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const result = await this.commands.execute(new OpenCaseCommand(body, context, idempotencyKeyOf(idempotencyKey)));
    res.setHeader('ETag', `"${result.version}"`);
    res.setHeader('Location', `/api/cases/${result.id}`);
    return result;
  }

  @Get()
  list(
    @Query(new ZodValidationPipe(listCasesQuerySchema, 'query')) params: ListCasesParams,
    @Ctx() context: RequestContext,
  ): Promise<CaseListPage> {
    return this.queries.execute(new ListCasesQuery(params, context));
  }
}
