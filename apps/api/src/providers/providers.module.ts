import { Module } from '@nestjs/common';
import { ProvidersController } from './providers.controller';
import { RecordsDestinationsService } from './records-destinations.service';

@Module({ controllers: [ProvidersController], providers: [RecordsDestinationsService] })
export class ProvidersModule {}
