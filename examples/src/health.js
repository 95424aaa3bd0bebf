const started = Date.now();

function health() {
  return { status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) };
}

module.exports = { health };
