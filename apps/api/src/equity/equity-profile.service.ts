import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EQUITY_PROFILE_ERRORS, type EquityProfile, type EquityProfileBody } from '@secondlook/contracts';
import type { ConsentStatus } from '@secondlook/domain';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '../common/request-context';

interface CaseRow {
  patient_id: string;
  assigned_advocate_id: string | null;
  consent: ConsentStatus | null;
}

interface ProfileRow {
  race_ethnicity: string[];
  disability: string | null;
  lgbtqia: string | null;
  socioeconomic_hardship: string | null;
  updated_at: Date;
}

// Repeats the routes' @Roles so the rule holds wherever the service is called from.
function assertRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) throw new ForbiddenException({ error: 'forbidden', message: 'Your role may not do this' });
}

const caseNotFound = () => new NotFoundException({ error: 'case-not-found', message: 'No such case' });

/**
 * Self-identified equity answers, kept in the erasable patient_equity_profiles table only:
 * never in events, the worklist or logs. The answers are taken only while the case holds the
 * patient's consent for `equity-self-identification`.
 */
@Injectable()
export class EquityProfileService {
  constructor(private readonly dataSource: DataSource) {}

  async save(caseId: string, body: EquityProfileBody, actor: Actor): Promise<void> {
    assertRole(actor, ['coordinator', 'advocate']);
    const found = await this.caseFor(caseId, actor);
    if (found.consent !== 'given') {
      throw new ConflictException({
        error: EQUITY_PROFILE_ERRORS.consentRequired,
        message: 'Record the patient\'s consent for equity self-identification before their answers',
      });
    }
    await this.dataSource.query(
      `INSERT INTO patient_equity_profiles (patient_id, race_ethnicity, disability, lgbtqia, socioeconomic_hardship, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (patient_id) DO UPDATE SET race_ethnicity = EXCLUDED.race_ethnicity, disability = EXCLUDED.disability,
         lgbtqia = EXCLUDED.lgbtqia, socioeconomic_hardship = EXCLUDED.socioeconomic_hardship,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [found.patient_id, body.raceEthnicity ?? [], body.disability ?? null, body.lgbtqia ?? null, body.socioeconomicHardship ?? null, actor.id],
    );
  }

  async read(caseId: string, actor: Actor): Promise<EquityProfile> {
    assertRole(actor, ['admin']);
    const found = await this.caseFor(caseId, actor);
    const [row]: ProfileRow[] = await this.dataSource.query(
      `SELECT race_ethnicity, disability, lgbtqia, socioeconomic_hardship, updated_at FROM patient_equity_profiles WHERE patient_id = $1`,
      [found.patient_id],
    );
    if (!row) throw new NotFoundException({ error: EQUITY_PROFILE_ERRORS.notFound, message: 'No equity answers were recorded for this case' });
    return {
      caseId,
      raceEthnicity: row.race_ethnicity as EquityProfile['raceEthnicity'],
      disability: row.disability as EquityProfile['disability'],
      lgbtqia: row.lgbtqia as EquityProfile['lgbtqia'],
      socioeconomicHardship: row.socioeconomic_hardship as EquityProfile['socioeconomicHardship'],
      consent: found.consent ?? 'not-asked',
      updatedAt: row.updated_at.toISOString(),
    };
  }

  // The inline case read model commits with every append, so the consent seen here is current.
  private async caseFor(caseId: string, actor: Actor): Promise<CaseRow> {
    const [row]: CaseRow[] = await this.dataSource.query(
      `SELECT patient_id, assigned_advocate_id, state -> 'consents' -> 'equity-self-identification' ->> 'status' AS consent
         FROM case_summaries WHERE case_id = $1`,
      [caseId],
    );
    // An advocate sees only the cases assigned to them; any other answers like a missing one.
    if (!row || (actor.role === 'advocate' && row.assigned_advocate_id !== actor.id)) throw caseNotFound();
    return row;
  }
}
