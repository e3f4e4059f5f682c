/**
 * How to reach the object store: MinIO or any S3 endpoint in production, the embedded endpoint by default. The
 * configuration reads it from the environment (without the bucket, which has its own variable), the platform
 * resolves it at start-up, and the storage lib connects with it.
 */
export interface StorageConnection {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
}

/** Where the database and the object store are, once started; `stop()` stops whatever was started for them. */
export interface ServiceEndpoints {
  databaseUrl: string;
  storage: StorageConnection;
  embedded: { database: boolean; storage: boolean };
  stop(): Promise<void>;
}
