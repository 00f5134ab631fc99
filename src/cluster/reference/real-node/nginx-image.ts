import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ImageEntry, ImageSpec } from './oci-image.ts';

/**
 * The nginx image the scenarios pull, built offline from the Debian archive: Debian bookworm's
 * nginx (1.22.1) and the shared libraries it links, with the official image's configuration
 * (nginxinc/docker-nginx: `user nginx` (uid 101), `listen 80`, root /usr/share/nginx/html with
 * index.html and 50x.html, logs to the container's stdout and stderr, CMD `nginx -g "daemon
 * off;"`, STOPSIGNAL SIGQUIT) and busybox's applets for a shell. It answers to the tags the
 * scenarios name: docker.io/library/nginx 1.27 and 1.21, and the StatefulSet tutorial's
 * registry.k8s.io/nginx-slim 0.26 and 0.27 (also an nginx serving that root on port 80). What a
 * scenario sees of the difference in version is the `Server: nginx/1.22.1` header. Returns
 * undefined with the reason when the packages cannot be fetched (no Debian archive reachable).
 */
export const nginxNames = [
  'docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.21',
  'registry.k8s.io/nginx-slim:0.27', 'registry.k8s.io/nginx-slim:0.26',
];

const debianPackages = ['nginx', 'nginx-common'];

export async function nginxImageSpec(workDir: string, shell: ImageEntry[]): Promise<ImageSpec | { missing: string }> {
  const debs = join(workDir, 'nginx-debs');
  mkdirSync(debs, { recursive: true });
  const have = () => readdirSync(debs).filter((f) => f.endsWith('.deb'));
  if (debianPackages.some((p) => !have().some((f) => f.startsWith(`${p}_`)))) {
    const got = await execa('apt-get', ['download', '-q', ...debianPackages], { cwd: debs, reject: false });
    if (got.exitCode !== 0) return { missing: `the nginx image needs Debian's ${debianPackages.join(' and ')} packages, and \`apt-get download\` failed: ${got.stderr.trim().split('\n').pop()}` };
  }
  const root = join(workDir, 'nginx-root');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const deb of have()) await execa('dpkg-deb', ['-x', join(debs, deb), root]);
  const binary = join(root, 'usr/sbin/nginx');
  if (!existsSync(binary)) return { missing: 'the nginx package has no /usr/sbin/nginx' };
  const libraries = await sharedLibraries(binary);
  if ('missing' in libraries) return libraries;
  const file = (path: string, content: string): ImageEntry => ({ path, content });
  return {
    names: nginxNames,
    entries: [
      ...shell,
      { path: 'usr/sbin/nginx', copyOf: binary },
      ...libraries.paths.map((p) => ({ path: p.slice(1), copyOf: p })),
      { path: 'etc/nginx/mime.types', copyOf: join(root, 'etc/nginx/mime.types') },
      file('etc/nginx/nginx.conf', nginxConf),
      file('etc/nginx/conf.d/default.conf', defaultConf),
      file('usr/share/nginx/html/index.html', indexHtml),
      file('usr/share/nginx/html/50x.html', errorHtml),
      file('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n'),
      file('etc/group', 'root:x:0:\nnginx:x:101:\nnogroup:x:65534:\n'),
      // As the official image: the logs are the container's output (kubectl logs).
      { path: 'var/log/nginx/access.log', symlinkTo: '/dev/stdout' },
      { path: 'var/log/nginx/error.log', symlinkTo: '/dev/stderr' },
      // Debian's build keeps its temporary files here (--http-client-body-temp-path and the rest).
      { path: 'var/lib/nginx', directory: true },
      { path: 'var/cache/nginx', directory: true },
      { path: 'run', directory: true },
    ],
    cmd: ['nginx', '-g', 'daemon off;'],
    stopSignal: 'SIGQUIT',
  };
}

/** The libraries `ldd` says the binary loads, the dynamic loader included, as host paths. */
async function sharedLibraries(binary: string): Promise<{ paths: string[] } | { missing: string }> {
  const { stdout } = await execa('ldd', [binary]);
  const notFound = stdout.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
  if (notFound.length) return { missing: `nginx needs ${notFound.join(', ')}, which this machine does not have` };
  const paths = [...stdout.matchAll(/(\/\S+) \(0x/g)].map((m) => m[1]!);
  return { paths: [...new Set(paths)].sort() };
}

const nginxConf = `user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
`;

const defaultConf = `server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const indexHtml = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const errorHtml = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;
