import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { QueuesModule } from '../queue-board/queues.module';
import { RecordsTransferController } from './records-transfer.controller';
import { RecordsTransferService } from './records-transfer.service';

@Module({
  imports: [DocumentsModule, QueuesModule],
  controllers: [RecordsTransferController],
  providers: [RecordsTransferService],
})
export class RecordsTransferModule {}
