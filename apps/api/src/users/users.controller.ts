import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { createUserBodySchema, type CreateUserBody, updateUserBodySchema, type UpdateUserBody, type UserAccount, type UserList } from '@secondlook/contracts';
import { Roles } from '../auth/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { UsersService } from './users.service';

const userIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException({ error: 'user-not-found', message: 'No such user' }) });

@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  create(@Body(new ZodValidationPipe(createUserBodySchema)) body: CreateUserBody): Promise<UserAccount> {
    return this.users.create(body);
  }

  @Get()
  async list(): Promise<UserList> {
    return { items: await this.users.list() };
  }

  @Patch(':id')
  update(
    @Param('id', userIdPipe) id: string,
    @Body(new ZodValidationPipe(updateUserBodySchema)) body: UpdateUserBody,
    @Ctx() context: RequestContext,
  ): Promise<UserAccount> {
    return this.users.update(id, body, context.actor.id);
  }
}
