const test = require('node:test');
const assert = require('node:assert/strict');
const { health } = require('../src/health');

test('health reports ok', () => {
  assert.equal(health().status, 'ok');
});
