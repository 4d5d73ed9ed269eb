import { Body, Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { DataSource } from 'typeorm';
import { type ErasureResult, PatientDirectory } from './patient-directory';

const erasureBodySchema = z.strictObject({ caseId: z.uuid() });

/**
 * `POST /api/erasures {caseId}`: the right to erasure, for admins. Personal data
 * lives outside the immutable log, so erasing it is a delete, never an edit of events.
 */
@Controller('erasures')
@Roles('admin')
export class ErasureController {
  constructor(
    private readonly patients: PatientDirectory,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(200)
  async erase(@Body(new ZodValidationPipe(erasureBodySchema)) body: z.infer<typeof erasureBodySchema>): Promise<ErasureResult> {
    const erased = await this.dataSource.transaction((tx) => this.patients.eraseForCase(tx, body.caseId));
    if (!erased) throw new NotFoundException({ error: 'nothing-to-erase', message: 'No case with personal data left to erase' });
    return erased;
  }
}
