import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built dashboard from the api's own port, so a clinic runs one
 * process per replica and the dashboard never needs CORS. Unknown non-API paths
 * fall back to index.html for client-side routes.
 */
export function serveDashboard(app: NestExpressApplication, directory: string): void {
  const root = resolve(directory);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`DASHBOARD_DIR has no index.html: ${root}`);
  app.useStaticAssets(root, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/admin/queues')) return next();
    res.sendFile(indexHtml);
  });
}
