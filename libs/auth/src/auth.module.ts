import { Module } from '@nestjs/common';
import { TokenRepository } from './token.repository';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

@Module({
  providers: [TokenService, UserService, TokenRepository, UserRepository],
  exports: [TokenService, UserService],
})
export class AuthModule {}
