import { describe, expect, it } from 'vitest';
import { checkedInTypes, generatedTypes } from '../scripts/apiTypes.mjs';

describe('the client types', () => {
  it('are what openapi-typescript makes of the checked-in OpenAPI description', async () => {
    const [checkedIn, generated] = await Promise.all([checkedInTypes(), generatedTypes()]);
    expect(checkedIn === generated, 'src/api/schema.d.ts differs from docs/openapi.json: run npm run api').toBe(true);
  });
});
