import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, readWorkspace, type WorkspacePackage } from './support/import-rules.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const pkg = (
  name: string,
  layer: WorkspacePackage['layer'],
  deps: string[],
  text: string,
): WorkspacePackage => ({
  name,
  dir: `/ws/${layer}/${name.slice(7)}`,
  layer,
  deps,
  files: [{ path: `/ws/${layer}/${name.slice(7)}/src/index.ts`, text }],
});

describe('import direction', () => {
  it('the workspace has no forbidden import edge', () => {
    expect(findViolations(readWorkspace(root))).toEqual([]);
  });

  it('flags a package importing a service, a service importing a service, deep and relative reach-ins', () => {
    const violations = findViolations([
      pkg('@cwtch/contracts', 'contracts', [], "import { x } from '@cwtch/crypto';"),
      pkg('@cwtch/crypto', 'packages', ['@cwtch/connector'], "import { y } from '@cwtch/connector';"),
      pkg(
        '@cwtch/connector',
        'services',
        ['@cwtch/audit', '@cwtch/crypto'],
        "import { z } from '@cwtch/audit';\nimport { w } from '@cwtch/crypto/src/seal.ts';",
      ),
      pkg('@cwtch/audit', 'services', [], "import { v } from '../../../packages/crypto/src/index.ts';"),
    ]);
    expect(violations).toEqual([
      expect.stringContaining('is not a declared dependency'),
      expect.stringContaining('contracts may not import packages'),
      expect.stringContaining('packages may not import services'),
      expect.stringContaining('services never import each other'),
      expect.stringContaining('deep import'),
      expect.stringContaining('relative import leaves @cwtch/audit'),
    ]);
  });
});
