import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'secondlook:public';

/** Opts a route out of authentication. Every route without it needs a bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
