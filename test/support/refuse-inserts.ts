import { DataSource } from 'typeorm';

/**
 * A real database failure, for one tenant only: until the returned `lift` runs, the database
 * refuses (raises `message` on) every insert of a `tenant` row into `table`, through a BEFORE
 * INSERT trigger. `lift` drops the trigger and its function and may run more than once.
 */
export async function refuseInserts(
  db: DataSource,
  table: string,
  tenant: string,
  message = 'row write refused',
): Promise<() => Promise<void>> {
  const name = `refuse_${table}_${tenant}`;
  await db.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.client_id = '${tenant}' THEN RAISE EXCEPTION '${message}'; END IF;
      RETURN NEW;
    END $$`);
  await db.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.query(`DROP FUNCTION IF EXISTS ${name}() CASCADE`);
  };
}
