import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DOCUMENT_STORAGE, LocalDocumentStorage } from '@secondlook/platform';
import { CaseAccessService } from './case-access.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [
    // One implementation today; an S3-compatible one would be chosen here from config (docs/operations.md).
    { provide: DOCUMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDocumentStorage(config.DOCUMENTS_DIR) },
    DocumentsService,
    CaseAccessService,
  ],
  exports: [CaseAccessService],
})
export class DocumentsModule {}
