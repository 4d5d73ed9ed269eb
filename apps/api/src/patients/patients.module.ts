import { Global, Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller';
import { PatientDirectory } from './patient-directory';

@Global()
@Module({
  controllers: [ErasureController],
  providers: [PatientDirectory],
  exports: [PatientDirectory],
})
export class PatientsModule {}
