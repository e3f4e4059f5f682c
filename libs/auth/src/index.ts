export * from './caller';
export * from './policy';
export * from './entities';
export * from './token.service';
export * from './user.service';
export * from './auth.module';
