import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CaseCounts } from '@secondlook/contracts';
import { PHASES, type Phase, RISK_FLAGS, type RiskFlag } from '@secondlook/domain';
import { DataSource } from 'typeorm';
import { CountCasesQuery } from './count-cases.query';

/**
 * The worklist header, aggregated from the inline read model: counts are exact
 * for the cases the caller may see (an advocate: only theirs).
 */
@QueryHandler(CountCasesQuery)
export class CountCasesHandler implements IQueryHandler<CountCasesQuery, CaseCounts> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ context }: CountCasesQuery): Promise<CaseCounts> {
    const scope = context.actor.role === 'advocate' ? 'WHERE assigned_advocate_id = $1' : '';
    const params = context.actor.role === 'advocate' ? [context.actor.id] : [];
    const [phases, flags]: [Array<{ key: Phase; n: string }>, Array<{ key: RiskFlag; n: string }>] = await Promise.all([
      this.dataSource.query(`SELECT phase AS key, count(*) AS n FROM case_summaries ${scope} GROUP BY phase`, params),
      this.dataSource.query(`SELECT flag AS key, count(*) AS n FROM case_summaries, unnest(risk_flags) AS flag ${scope} GROUP BY flag`, params),
    ]);
    const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
    for (const row of phases) byPhase[row.key] = Number(row.n);
    const byRiskFlag = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, 0])) as Record<RiskFlag, number>;
    for (const row of flags) byRiskFlag[row.key] = Number(row.n);
    return { total: Object.values(byPhase).reduce((sum, n) => sum + n, 0), byPhase, byRiskFlag };
  }
}
