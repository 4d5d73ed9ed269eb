import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import { AuditModule } from '../audit/audit.module';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CaseAccessGuard } from './case-access.guard';
import { JwtAuthGuard } from './jwt-auth.guard';
import { jwtOptions } from './jwt.options';
import { loginThrottleOptions } from './login-throttle.options';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RolesGuard } from './roles.guard';
import { SessionsService } from './sessions.service';
import { ThrottleStorageModule } from './throttle-storage.module';

@Module({
  imports: [
    AuditModule,
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => jwtOptions(config) }),
    ThrottlerModule.forRootAsync({
      imports: [ThrottleStorageModule],
      inject: [RedisThrottlerStorage, APP_CONFIG],
      useFactory: (storage: RedisThrottlerStorage, config: AppConfig) => loginThrottleOptions(storage, { perAccount: config.LOGIN_LIMIT_PER_ACCOUNT, perAddress: config.LOGIN_LIMIT_PER_ADDRESS }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    SessionsService,
    AuthService,
    LoginThrottlerGuard,
    // Global guards run in this order: who are you, may your role call this, may you see this case.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: CaseAccessGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
