import { readFileSync } from 'node:fs';
import type { ImageEntry, ImageSpec } from './oci-image.ts';
import { builtFrom, linkedLibraries, packageFile, unpackDebianPackages, type Missing } from './debian-packages.ts';

/**
 * What tells the nginx images built here apart: the names they answer to, their configuration
 * and the user they run as. The program is the same, Debian bookworm's nginx (1.22.1).
 */
export interface NginxFlavour {
  names: string[];
  /** conf.d/default.conf's `listen`. */
  port: number;
  /** nginx.conf's `user` line (the workers' user under a root master); none when the image runs as that user. */
  workerUser?: string;
  /** nginx.conf's `pid`. */
  pid: string;
  /** Where the http block puts nginx's temporary files; none: Debian's compiled-in /var/lib/nginx. */
  tempFolder?: string;
  /** The image's USER; none: root. */
  user?: string;
  /** Who owns /etc/nginx and /var/cache/nginx (`uid:gid`, group-writable, as `chown -R` and `chmod -R g+w`); none: root. */
  configOwner?: string;
}

/**
 * The official image (nginxinc/docker-nginx): `user nginx` (uid 101), `listen 80`, root
 * /usr/share/nginx/html with index.html and 50x.html, logs to the container's stdout and stderr,
 * CMD `nginx -g "daemon off;"`, STOPSIGNAL SIGQUIT, no USER. It answers to the tags the scenarios
 * name: docker.io/library/nginx 1.27 and 1.21, and the StatefulSet tutorial's
 * registry.k8s.io/nginx-slim 0.26 and 0.27 (also an nginx serving that root on port 80). What a
 * scenario sees of the difference in version is the `Server: nginx/1.22.1` header.
 */
export const officialNginx: NginxFlavour = {
  names: ['docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.21', 'registry.k8s.io/nginx-slim:0.27', 'registry.k8s.io/nginx-slim:0.26'],
  port: 80,
  workerUser: 'nginx',
  pid: '/run/nginx.pid',
};

const debianPackages = ['nginx', 'nginx-common'];

/**
 * An nginx image built offline from the Debian archive: Debian's nginx and the shared libraries
 * it links, the flavour's configuration, and busybox's applets for a shell (`shell`). Returns why
 * not when the packages cannot be fetched (no Debian archive reachable).
 */
export async function nginxImageSpec(dir: string, shell: ImageEntry[], flavour: NginxFlavour): Promise<ImageSpec | Missing> {
  const tree = await unpackDebianPackages(dir, 'nginx', debianPackages);
  if ('missing' in tree) return tree;
  const binary = packageFile(tree, 'usr/sbin/nginx');
  const mimeTypes = packageFile(tree, 'etc/nginx/mime.types');
  if (typeof binary !== 'string') return binary;
  if (typeof mimeTypes !== 'string') return mimeTypes;
  const libraries = await linkedLibraries([binary], tree);
  if ('missing' in libraries) return libraries;
  return { ...nginxSpec(shell, flavour, binary, readFileSync(mimeTypes, 'utf8'), libraries), labels: builtFrom(tree) };
}

/** The spec from nginx, its mime.types and the libraries it loads (apart, so tests need no Debian archive). */
export function nginxSpec(shell: ImageEntry[], flavour: NginxFlavour, nginx: string, mimeTypes: string, libraries: ImageEntry[]): ImageSpec {
  const owner = flavour.configOwner;
  // Group-writable under their owner, as the unprivileged image's `chmod -R g+w` leaves them.
  const conf = (path: string, content: string): ImageEntry => ({ path, content, mode: owner ? 0o664 : 0o644 });
  const folder = (path: string): ImageEntry => ({ path, directory: true, mode: owner ? 0o775 : 0o755, ...(owner ? { owner } : {}) });
  return {
    names: flavour.names,
    entries: [
      ...shell,
      { path: 'usr/sbin/nginx', copyOf: nginx },
      ...libraries,
      folder('etc/nginx'),
      { path: 'etc/nginx/conf.d', directory: true, mode: owner ? 0o775 : 0o755 },
      conf('etc/nginx/mime.types', mimeTypes),
      conf('etc/nginx/nginx.conf', nginxConf(flavour)),
      conf('etc/nginx/conf.d/default.conf', defaultConf(flavour.port)),
      { path: 'usr/share/nginx/html/index.html', content: indexHtml },
      { path: 'usr/share/nginx/html/50x.html', content: errorHtml },
      { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' },
      { path: 'etc/group', content: 'root:x:0:\nnginx:x:101:\nnogroup:x:65534:\n' },
      // As the official image: the logs are the container's output (kubectl logs).
      { path: 'var/log/nginx/access.log', symlinkTo: '/dev/stdout' },
      { path: 'var/log/nginx/error.log', symlinkTo: '/dev/stderr' },
      // Debian's build keeps its temporary files here (--http-client-body-temp-path and the rest).
      { path: 'var/lib/nginx', directory: true },
      folder('var/cache/nginx'),
      { path: 'run', directory: true },
    ],
    cmd: ['nginx', '-g', 'daemon off;'],
    stopSignal: 'SIGQUIT',
    ...(flavour.user ? { user: flavour.user } : {}),
  };
}

/** The official image's nginx.conf, with the flavour's user, pid and temporary folders. */
function nginxConf(flavour: NginxFlavour): string {
  const temp = flavour.tempFolder;
  const tempPaths = temp ? ['proxy', 'client', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `    ${k === 'client' ? 'client_body' : k}_temp_path ${temp}/${k}_temp;\n`).join('') + '\n' : '';
  return `${flavour.workerUser ? `user  ${flavour.workerUser};\n` : ''}worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        ${flavour.pid};

events {
    worker_connections  1024;
}

http {
${tempPaths}    include       /etc/nginx/mime.types;
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
}

const defaultConf = (port: number): string => `server {
    listen       ${port};
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
