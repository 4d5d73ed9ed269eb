import { Injectable } from '@nestjs/common';
import type { ReportGrouping, ReportMeasure, ReportTable } from '@secondlook/contracts';
import { addCalendarDays } from '@secondlook/domain';
import { DataSource } from 'typeorm';
import { MEASURE_DEFINITIONS } from './measures/report-measures.catalog';
import { caseLevelSql, PARTITIONING_GROUPINGS, valueLevelSql } from './query/report-sql';
import { buildReportTable, type RawReportRow } from './table/build-report-table';

export interface ReportRequest {
  measure: ReportMeasure;
  groupBy: ReportGrouping;
  /** First day of the period (cases opened on or after it), inclusive. */
  from?: string;
  /** Last day of the period, inclusive. */
  to?: string;
  now?: Date;
}

/** Estimates in other currencies are counted but not averaged with these. */
const REPORT_CURRENCY = 'USD';

@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async table(request: ReportRequest): Promise<ReportTable> {
    const definition = MEASURE_DEFINITIONS[request.measure];
    const params = [
      request.from ? `${request.from}T00:00:00Z` : null,
      request.to ? `${addCalendarDays(request.to, 1)}T00:00:00Z` : null,
      (request.now ?? new Date()).toISOString(),
      REPORT_CURRENCY,
    ];
    const valuesSql = valueLevelSql(definition, request.groupBy);
    const [rows, valueRows] = await Promise.all([
      this.dataSource.query<RawReportRow[]>(caseLevelSql(definition, request.groupBy), params),
      valuesSql ? this.dataSource.query<RawReportRow[]>(valuesSql, params) : Promise.resolve(undefined),
    ]);
    return buildReportTable({
      definition,
      groupBy: request.groupBy,
      from: request.from ?? null,
      to: request.to ?? null,
      currency: REPORT_CURRENCY,
      rows,
      valueRows,
      groupsPartition: PARTITIONING_GROUPINGS.includes(request.groupBy),
    });
  }
}
