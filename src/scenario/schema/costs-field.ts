// The scenario's cost section: which host and IOP profiles price the operations, and
// overrides of single cost parameters by path ('host.tcpRxSegment.fixedCycles').
// Override paths and ranges are checked against the tables (model/costs).

import { z } from 'zod';
import { buildCostTables, estimate, HOST_PROFILES, IOP_PROFILES } from '../../model/costs';
import { choice } from './fields';

const [H0, ...HR] = HOST_PROFILES;
const [I0, ...IR] = IOP_PROFILES;

export const costsSchema = z
  .strictObject({
    hostProfile: choice([H0!, ...HR], 'xeon-2002', 'Host cost profile (cycles per operation)', estimate('the 2002 Xeon table, calibrated to Foong\'s ~8 cycles/B', 'foong-2003')),
    iopProfile: choice([I0!, ...IR], 'iop321-2002', 'IOP cost profile', estimate('the IOP321 of the 2002 iNIC', 'iop321')),
    overrides: z.record(z.string(), z.number({ error: 'must be a number' }), { error: 'must be an object of path: number' }).default({}),
  })
  .prefault({})
  .superRefine((c, ctx) => {
    const r = buildCostTables(c.hostProfile, c.iopProfile, c.overrides);
    if (r.ok) return;
    for (const e of r.errors) ctx.addIssue({ code: 'custom', path: ['overrides', e.path], message: e.message });
  });
