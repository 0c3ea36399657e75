import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../src/core/schema/schemas';
import { AJV_OPTIONS } from '../../src/core/schema/compile';

// Runs skip the meta-schema check when compiling (src/core/schema/validate.ts): it is made here.
describe('every schema is a valid draft-07 schema', () => {
  for (const [kind, schema] of Object.entries(SCHEMAS)) {
    it(kind, () => {
      const ajv = new Ajv({ ...AJV_OPTIONS });
      ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      // With the check on, compiling succeeds too (strict mode included).
      expect(typeof ajv.compile(schema)).toBe('function');
    });
  }

  it('rejects a schema that is not one', () => {
    const ajv = new Ajv({ ...AJV_OPTIONS });
    expect(ajv.validateSchema({ type: 'mapping', required: 'id' })).toBe(false);
  });
});
