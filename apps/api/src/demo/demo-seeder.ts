import { faker } from '@faker-js/faker';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OPENING_REASONS, URGENCIES } from '@secondlook/domain';
import { DataSource } from 'typeorm';
import { OpenCaseCommand } from '../cases/commands/open-case/open-case.command';
import type { RequestContext } from '../common/request-context';

const SPECIALTIES = ['Oncology', 'Cardiology', 'Neurology', 'Rheumatology', 'Orthopedics', 'Gastroenterology', 'Endocrinology', 'Dermatology'];

export interface SeedOptions {
  cases: number;
  randomSeed: number;
  onProgress?: (done: number) => void;
}

/**
 * Synthetic, reproducible demo data. Every case goes through the same command
 * handlers as a coordinator's clicks, so the seed exercises the real rules.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  async isEmpty(): Promise<boolean> {
    const [{ exists }] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM case_summaries) AS exists`)) as Array<{ exists: boolean }>;
    return !exists;
  }

  async seed(options: SeedOptions): Promise<{ cases: number; events: number }> {
    faker.seed(options.randomSeed);
    let events = 0;
    for (let i = 0; i < options.cases; i++) {
      const context: RequestContext = { actor: { id: '00000000-0000-0000-0000-00000000feed', role: 'coordinator' }, requestId: `seed-${i}`, correlationId: `seed-${i}`, sourceAddress: 'seed' };
      const result = await this.commands.execute(
        new OpenCaseCommand(
          {
            patient: { firstName: faker.person.firstName(), lastName: faker.person.lastName(), dateOfBirth: faker.date.birthdate({ min: 18, max: 90, mode: 'age' }).toISOString().slice(0, 10), mrn: faker.string.numeric(8) },
            reasons: faker.helpers.arrayElements([...OPENING_REASONS], { min: 1, max: 3 }),
            urgency: faker.helpers.weightedArrayElement([{ value: URGENCIES[0], weight: 6 }, { value: URGENCIES[1], weight: 3 }, { value: URGENCIES[2], weight: 1 }]),
            specialty: faker.helpers.arrayElement(SPECIALTIES),
          },
          context,
        ),
      );
      events += result.version;
      options.onProgress?.(i + 1);
    }
    return { cases: options.cases, events };
  }
}
