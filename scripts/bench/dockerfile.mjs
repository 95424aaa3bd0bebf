// Peers for `npm run bench dockerfile`: dockerfile-utils' validator (syntax and argument checks,
// the job our DF001 does alongside every other rule) on the same texts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const peers = [
  {
    name: 'dockerfile-utils validate',
    load: async () => {
      const { validate } = require('dockerfile-utils');
      return (text) => validate(text);
    },
  },
];
