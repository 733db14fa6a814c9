import { Global, Module } from '@nestjs/common';
import { storageConfig, StorageConfig } from '../../config/configuration';
import { MultipartUpload } from '../http/multipart-upload';
import { LocalFileStorage } from './local-file.storage';
import { PartSweeper } from './part-sweeper';
import { FileStorage } from './storage.port';

/** The S3 adapter (and its SDK, a tenth of a second of every start) is loaded only when chosen. */
async function fileStorageFor(config: StorageConfig): Promise<FileStorage> {
  switch (config.driver) {
    case 'local':
      return new LocalFileStorage(config.dir);
    case 's3': {
      if (!config.s3Bucket) throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET');
      const { S3FileStorage } = await import('./s3-file.storage');
      return new S3FileStorage({
        bucket: config.s3Bucket,
        region: config.region,
        endpoint: config.s3Endpoint,
      });
    }
  }
}

@Global()
@Module({
  providers: [
    { provide: FileStorage, inject: [storageConfig.KEY], useFactory: fileStorageFor },
    MultipartUpload,
    PartSweeper,
  ],
  exports: [FileStorage, MultipartUpload],
})
export class StorageModule {}
