import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type CaseCounts,
  type CaseDetail,
  caseDetailQuerySchema,
  type CaseDetailQuery,
  type CaseEventsPage,
  type CaseListPage,
  type CaseWriteResponse,
  listCasesQuerySchema,
  type ListCasesQuery as ListCasesParams,
  openCaseBodySchema,
  type OpenCaseBody,
  parseCommand,
} from '@secondlook/contracts';
import type { CaseCommand } from '@secondlook/domain';
import type { Response } from 'express';
import { Ctx, type RequestContext } from '../common/request-context';
import { describeIssues, validationFailed, ZodValidationPipe } from '../common/zod-validation.pipe';
import { ExecuteCaseCommand } from './commands/execute-case-command/execute-case-command.command';
import { OpenCaseCommand } from './commands/open-case/open-case.command';
import { CaseIdPipe } from './http/case-id.pipe';
import { mapCaseErrors } from './http/case-errors';
import { idempotencyKeyOf } from './http/idempotency-key';
import { expectedVersionOf } from './http/if-match';
import { CountCasesQuery } from './queries/count-cases/count-cases.query';
import { GetCaseQuery } from './queries/get-case/get-case.query';
import { GetCaseEventsQuery } from './queries/get-case-events/get-case-events.query';
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
    const result = await mapCaseErrors(this.commands.execute(new OpenCaseCommand(body, context, idempotencyKeyOf(idempotencyKey))));
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

  @Get('counts')
  counts(@Ctx() context: RequestContext): Promise<CaseCounts> {
    return this.queries.execute(new CountCasesQuery(context));
  }

  @Get(':id')
  async detail(
    @Param('id', CaseIdPipe) id: string,
    @Query(new ZodValidationPipe(caseDetailQuerySchema, 'query')) query: CaseDetailQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetail> {
    const detail = await this.queries.execute(new GetCaseQuery(id, query.asOf ? new Date(query.asOf) : undefined));
    res.setHeader('ETag', `"${detail.version}"`);
    return detail;
  }

  @Get(':id/events')
  events(@Param('id', CaseIdPipe) id: string): Promise<CaseEventsPage> {
    return this.queries.execute(new GetCaseEventsQuery(id));
  }

  @Post(':id/commands/:command')
  @HttpCode(200)
  async command(
    @Param('id', CaseIdPipe) id: string,
    @Param('command') name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const parsed = parseCommand(name, body);
    if (!parsed.ok && parsed.reason === 'unknown-command') {
      throw new NotFoundException({ error: 'unknown-command', message: `There is no command "${name}"` });
    }
    if (!parsed.ok) throw validationFailed(`${name} body`, describeIssues(parsed.issues));
    const result = await mapCaseErrors(
      this.commands.execute(new ExecuteCaseCommand(id, parsed.command as CaseCommand, context, expectedVersionOf(ifMatch), idempotencyKeyOf(idempotencyKey))),
    );
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
