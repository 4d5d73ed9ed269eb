import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import { DataSource } from 'typeorm';
import { UsersService } from './users.service';

/**
 * How a real deployment gets its first user: ADMIN_EMAIL and ADMIN_PASSWORD
 * create that admin once. An existing account with that email is left as it is
 * (its password is never reset from the environment).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    // The seed CLI boots the module before it migrates; the api migrates first.
    const [{ ready }] = (await this.dataSource.query(`SELECT to_regclass('users') IS NOT NULL AS ready`)) as Array<{ ready: boolean }>;
    if (!ready) return;
    if (await this.users.findByEmail(email)) return;
    const admin = await this.users.ensure({ email, password, name: 'Administrator', role: 'admin' });
    this.logger.log({ userId: admin.id }, 'created the first admin from ADMIN_EMAIL');
  }
}
