const http = require('node:http');
const { health } = require('./health');

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(health()));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`hello from ${process.env.APP_NAME ?? 'hello-shipshape'}\n`);
});

server.listen(port, () => console.log(`listening on :${port}`));

process.on('SIGTERM', () => server.close(() => process.exit(0)));
