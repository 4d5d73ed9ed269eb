import { faker } from '@faker-js/faker';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { parseCommand } from '@secondlook/contracts';
import { type CaseCommand, type CaseState, OPENING_REASONS, URGENCIES } from '@secondlook/domain';
import { DataSource } from 'typeorm';
import { ExecuteCaseCommand } from '../cases/commands/execute-case-command/execute-case-command.command';
import { OpenCaseCommand } from '../cases/commands/open-case/open-case.command';
import type { RequestContext } from '../common/request-context';
import { demoJourney } from './demo-journeys';
import { DemoUsersSeeder } from './demo-users';

const SPECIALTIES = ['Oncology', 'Cardiology', 'Neurology', 'Rheumatology', 'Orthopedics', 'Gastroenterology', 'Endocrinology', 'Dermatology'];
const DAY = 86_400_000;

export interface SeedOptions {
  cases: number;
  randomSeed: number;
  onProgress?: (done: number) => void;
}

/**
 * Synthetic, reproducible demo data (no real person behind any of it). Every case
 * goes through the same command handlers as a coordinator's clicks, with its
 * history back-dated over the last four months, so the demo shows every phase,
 * days-open figures and the time-based risk flags.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async isEmpty(): Promise<boolean> {
    const [{ exists }] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM case_summaries) AS exists`)) as Array<{ exists: boolean }>;
    return !exists;
  }

  async seed(options: SeedOptions): Promise<{ cases: number; events: number }> {
    faker.seed(options.randomSeed);
    const users = await this.moduleRef.get(DemoUsersSeeder, { strict: false }).ensure();
    const coordinator = { id: users.coordinator, role: 'coordinator' as const };
    const advocates = [users.advocate, users.advocate2];
    let events = 0;
    for (let i = 0; i < options.cases; i++) {
      const context: RequestContext = { actor: coordinator, requestId: `seed-${options.randomSeed}-${i}`, correlationId: `seed-${options.randomSeed}-${i}`, sourceAddress: 'seed' };
      const reasons = faker.helpers.arrayElements([...OPENING_REASONS], { min: 1, max: 3 });
      const openedAt = new Date(Date.now() - faker.number.int({ min: 0, max: 120 }) * DAY - faker.number.int({ min: 0, max: DAY }));
      const { id } = await this.commands.execute(
        new OpenCaseCommand(
          {
            patient: { firstName: faker.person.firstName(), lastName: faker.person.lastName(), dateOfBirth: faker.date.birthdate({ min: 18, max: 90, mode: 'age' }).toISOString().slice(0, 10), mrn: faker.string.numeric(8) },
            reasons,
            urgency: faker.helpers.weightedArrayElement([{ value: URGENCIES[0], weight: 6 }, { value: URGENCIES[1], weight: 3 }, { value: URGENCIES[2], weight: 1 }]),
            specialty: faker.helpers.arrayElement(SPECIALTIES),
          },
          context,
          undefined,
          openedAt,
        ),
      );
      let version = 1;
      let at = openedAt.getTime();
      const run = async (command: CaseCommand, when: number) => {
        const result = await this.commands.execute(new ExecuteCaseCommand(id, command, context, undefined, undefined, new Date(when)));
        version = result.version;
      };

      // Two thirds of the cases have an advocate; the rest wait in the unassigned queue.
      if (faker.datatype.boolean(0.67)) await run({ type: 'assign-advocate', advocateId: faker.helpers.arrayElement(advocates) }, at);

      const journey = demoJourney(faker, reasons, openedAt);
      const stopAfter = faker.number.int({ min: 0, max: journey.length });
      for (const step of journey.slice(0, stopAfter)) {
        at += step.afterDays * DAY + faker.number.int({ min: 0, max: DAY / 2 });
        if (at > Date.now()) break;
        const body = step.body(await this.stateOf(id));
        const parsed = parseCommand(step.name, body);
        if (!parsed.ok) throw new Error(`demo journey built an invalid ${step.name} body`);
        await run(parsed.command as CaseCommand, at);
      }
      events += version;
      options.onProgress?.(i + 1);
    }
    return { cases: options.cases, events };
  }

  private async stateOf(caseId: string): Promise<CaseState> {
    const [row] = (await this.dataSource.query(`SELECT state FROM case_summaries WHERE case_id = $1`, [caseId])) as Array<{ state: CaseState }>;
    return row.state;
  }
}
