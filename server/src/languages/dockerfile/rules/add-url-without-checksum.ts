import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF303',
    id: 'add-url-without-checksum',
    defaultSeverity: 'warning',
    security: { severity: 5.9 },
    description: '`ADD` downloads a URL without `--checksum`, so whatever the server sends goes into the image.',
    messages: {
      missing: '`ADD {{url}}` takes whatever the server sends; pin its digest with `--checksum=sha256:…`.',
      plainHttp:
        '`ADD {{url}}` downloads over plain HTTP without `--checksum`: anyone on the network path chooses the file.',
    },
    fixable: false,
    docs: {
      rationale:
        "`ADD https://…` copies the server's current answer into the image, and BuildKit checks nothing but the TLS " +
        'certificate (none at all for `http://`). With `ADD --checksum=sha256:<digest> <url>` (Dockerfile syntax ' +
        '1.6 and later) the build fails when the file is not the one you reviewed (compute the digest once with ' +
        '`sha256sum`). Git URLs (`https://host/repo.git#ref`) are not checked here; pin them to a commit.',
      attack:
        "Whoever controls the URL's server (a compromised release page, an expired domain re-registered, a " +
        'mirror) or, over plain HTTP, the network path, puts any file they like into the image, and the next build ' +
        'takes it without a change to the Dockerfile.',
      incorrect: 'ADD https://example.com/releases/tool-1.4.2-linux-amd64 /usr/local/bin/tool',
      correct:
        'ADD --checksum=sha256:5b8e2f0c7d6a4b3e1f9c8d7a6b5e4f3c2d1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f \\\n' +
        '    https://example.com/releases/tool-1.4.2-linux-amd64 /usr/local/bin/tool',
      peers: [
        'related: checkov CKV_DOCKER_4, trivy DS005, KICS "Add Instead of Copy" (they reject ADD; none asks for a ' +
          'checksum)',
      ],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const add = ins.keyword === 'ADD' ? ins : ins.trigger?.keyword === 'ADD' ? ins.trigger : undefined;
      if (!add || add.flags.some((f) => f.name === 'checksum')) continue;
      const words = add.json && add.jsonArgs ? add.jsonArgs : add.args;
      for (const w of words.slice(0, -1)) {
        const url = w.value;
        if (!/^https?:\/\//i.test(url)) continue;
        // a Git repository (BuildKit clones it): not a download to pin with a digest
        if (/\.git(#.*)?$/.test(url) || /\.git\/?#/.test(url)) continue;
        ctx.report({
          start: w.start,
          end: w.end,
          messageId: /^http:/i.test(url) ? 'plainHttp' : 'missing',
          data: { url },
        });
      }
    }
  },
});
