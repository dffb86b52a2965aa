import { NhsNumber } from '@cwtch/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorConfig } from './config.ts';

const REQUIRED = {
  CWTCH_AGENCY: 'swansea-cs',
  CWTCH_AGENCY_DIR: '/tmp/cwtch-agency',
  CWTCH_GOVERNANCE_KEY: 'A'.repeat(43),
  CWTCH_SUBJECT_KEY_FILE: '/tmp/subject.key',
  CWTCH_JWT_ISSUER: 'cwtch-dev',
  CWTCH_JWKS_FILE: '/tmp/jwks.json',
};
/** A valid NHS number in the never-issued test range (reference §3.1). */
const TEST_NUMBER = '9990000018';

describe('CWTCH_ALLOW_TEST_NHS_NUMBERS', () => {
  afterEach(() => ConnectorConfig.parse(REQUIRED));

  it('refuses NHS test numbers unless the region says it is a demo', () => {
    expect(ConnectorConfig.parse(REQUIRED).CWTCH_ALLOW_TEST_NHS_NUMBERS).toBe(false);
    expect(NhsNumber.safeParse(TEST_NUMBER).success).toBe(false);
  });

  it('accepts them in a demo region, as cwtch dev configures it', () => {
    const config = ConnectorConfig.parse({ ...REQUIRED, CWTCH_ALLOW_TEST_NHS_NUMBERS: 'true' });
    expect(config.CWTCH_ALLOW_TEST_NHS_NUMBERS).toBe(true);
    expect(NhsNumber.safeParse(TEST_NUMBER).success).toBe(true);
  });

  it('refuses a value other than true or false', () => {
    expect(ConnectorConfig.safeParse({ ...REQUIRED, CWTCH_ALLOW_TEST_NHS_NUMBERS: 'yes' }).success).toBe(
      false,
    );
  });
});
