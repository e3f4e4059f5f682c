import { Global, Module } from '@nestjs/common';
import { SERVICE_ENDPOINTS, ServiceEndpoints } from '@opendata/config';
import { MinioObjectStore } from './minio-object-store';
import { OBJECT_STORE } from './object-store';

@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORE,
      inject: [SERVICE_ENDPOINTS],
      useFactory: async (endpoints: ServiceEndpoints) => {
        const store = new MinioObjectStore(endpoints.storage);
        await store.ensureBucket();
        return store;
      },
    },
  ],
  exports: [OBJECT_STORE],
})
export class StorageModule {}
