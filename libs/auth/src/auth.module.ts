import { Module } from '@nestjs/common';
import { TokenService } from './token.service';
import { UserService } from './user.service';

@Module({
  providers: [TokenService, UserService],
  exports: [TokenService, UserService],
})
export class AuthModule {}
