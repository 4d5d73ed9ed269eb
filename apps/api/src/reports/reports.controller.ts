import { Controller, Get, Headers, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { REPORT_ERRORS, REPORT_MEASURES, type ReportMeasure, reportQuerySchema, type ReportQuery, type ReportTable } from '@secondlook/contracts';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { assertMayReadReport } from './report-access';
import { ReportsService } from './reports.service';
import { reportTableToCsv } from './table/report-table.csv';

const isMeasure = (value: string): value is ReportMeasure => (REPORT_MEASURES as readonly string[]).includes(value);

@Controller('reports')
@Roles('admin', 'coordinator')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':measure')
  async measure(
    @Param('measure') measure: string,
    @Query(new ZodValidationPipe(reportQuerySchema, 'query')) query: ReportQuery,
    @Headers('accept') accept: string | undefined,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportTable | string> {
    assertMayReadReport(context.actor, query.groupBy);
    if (!isMeasure(measure)) throw new NotFoundException({ error: REPORT_ERRORS.unknownMeasure, message: `There is no report "${measure}"` });
    const table = await this.reports.table({ measure, groupBy: query.groupBy, from: query.from, to: query.to });
    // Reports by equity group must not linger in shared caches.
    res.setHeader('Cache-Control', 'no-store');
    const wantsCsv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!wantsCsv) return table;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${measure}-by-${query.groupBy}.csv"`);
    return reportTableToCsv(table);
  }
}
