import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions } from './logger-options';

describe('loggerOptions', () => {
  it('redacts patient fields and credentials wherever they appear', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } });
    const logger = pino(loggerOptions('info', 'spec'), sink);
    logger.info({ patient: { firstName: 'Ada', lastName: 'Quill', dateOfBirth: '1970-01-02' }, password: 'hunter2hunter2' }, 'opened');
    logger.info({ req: { id: 'r1', method: 'GET', url: '/api/cases?q=Quill' } }, 'request');
    const output = lines.join('');
    expect(output).not.toMatch(/Ada|Quill|1970-01-02|hunter2/);
    expect(output).toContain('[redacted]');
    expect(output).toContain('"path":"/api/cases"');
  });
});
