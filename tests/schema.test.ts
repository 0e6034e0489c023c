import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, GraphQLObjectType, GraphQLInputObjectType, isIntrospectionType } from 'graphql';
import { createSchema, printSdl } from '../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing types)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printSdl(await createSchema())).toBe(committed);
  });

  it('documents every type, field and argument', () => {
    const schema = buildSdl(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as GraphQLObjectType);
      if (!type.description && !isRoot) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
