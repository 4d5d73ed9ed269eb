import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { type DocumentList, type DocumentView, uploadDocumentFieldsSchema } from '@secondlook/contracts';
import { APP_CONFIG, type AppConfig, DocumentNotStoredError } from '@secondlook/platform';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CaseIdPipe } from '../cases/http/case-id.pipe';
import { Ctx, type RequestContext } from '../common/request-context';
import { describeIssues, validationFailed } from '../common/zod-validation.pipe';
import { CaseAccessService } from './case-access.service';
import { parseDocumentUpload } from './document-upload.parser';
import { DocumentsService } from './documents.service';

const documentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException({ error: 'document-not-found', message: 'No such document on this case' }) });

/**
 * A case's documents. Every request here is under /api/cases/:id, so the global
 * audit interceptor records each upload and download against the case.
 */
@Controller('cases/:id/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: CaseAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  async upload(
    @Param('id', CaseIdPipe) caseId: string,
    @Req() req: Request,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentView> {
    await this.access.assertVisible(caseId, context.actor);
    const documentId = this.documents.newDocumentId();
    const storageKey = this.documents.storageKeyOf(caseId, documentId);
    let upload;
    try {
      upload = await parseDocumentUpload(req, { maxBytes: this.config.DOCUMENTS_MAX_BYTES, store: (content) => this.documents.write(storageKey, content) });
    } catch (error) {
      // The client may still be sending: do not keep reading a body we refused.
      res.setHeader('Connection', 'close');
      await this.documents.discard(storageKey);
      throw error;
    }
    const fields = uploadDocumentFieldsSchema.safeParse(upload.fields);
    if (!fields.success) {
      await this.documents.discard(storageKey);
      throw validationFailed('upload fields', describeIssues(fields.error.issues));
    }
    const document = await this.documents.record({
      documentId,
      caseId,
      kind: fields.data.kind,
      fileName: upload.fileName,
      description: fields.data.description ?? null,
      contentType: upload.contentType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      sha1Base64: upload.sha1Base64,
      storageKey,
      uploadedBy: context.actor.id,
    });
    res.setHeader('Location', `/api/cases/${caseId}/documents/${documentId}/content`);
    res.setHeader('ETag', `"${document.sha256}"`);
    return document;
  }

  @Get()
  async list(@Param('id', CaseIdPipe) caseId: string, @Ctx() context: RequestContext): Promise<DocumentList> {
    await this.access.assertVisible(caseId, context.actor);
    return { items: await this.documents.list(caseId) };
  }

  @Get(':documentId/content')
  async content(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('documentId', documentIdPipe) documentId: string,
    @Ctx() context: RequestContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.assertVisible(caseId, context.actor);
    const { document, content } = await this.documents.open(caseId, documentId);
    const etag = `"${document.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-store');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    let stream;
    try {
      stream = await content();
    } catch (error) {
      if (error instanceof DocumentNotStoredError) throw new NotFoundException({ error: 'document-content-missing', message: 'The document is listed but its content is not in storage' });
      throw error;
    }
    res.status(200);
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Length', String(document.sizeBytes));
    res.setHeader('Content-Disposition', contentDisposition(document.fileName));
    // A client that hangs up mid-download is not an error worth a 500 (headers are gone anyway).
    await pipeline(stream, res).catch(() => undefined);
  }
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
