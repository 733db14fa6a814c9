import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/shared/database/data-source-options';

/** TypeORM CLI data source (`npm run migration:run`); needs DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url)
  throw new Error(
    'DATABASE_URL is required for the TypeORM CLI (the service itself migrates at start)',
  );

export default new DataSource(dataSourceOptions({ url }));
