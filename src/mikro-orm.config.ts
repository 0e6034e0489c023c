import { ormConfig } from './db/mikro-orm.config';
import { entities } from './entities';

/** The MikroORM CLI's config (`npm run migration:create`): the app's settings with every entity. */
export default ormConfig(entities);
