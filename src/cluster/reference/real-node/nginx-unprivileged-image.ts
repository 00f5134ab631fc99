import type { NginxFlavour } from './nginx-image.ts';

/**
 * nginxinc/nginx-unprivileged, built from the same Debian nginx as the official image
 * (nginx-image.ts) with the changes its Dockerfile makes to run as a user
 * (nginxinc/docker-nginx-unprivileged@8ead5ce mainline/debian/Dockerfile:17-23, 139-162):
 * `listen 8080`, no `user` line, the pid file at /tmp/nginx.pid, the five temporary paths under
 * /tmp, /etc/nginx and /var/cache/nginx owned by 101:0 and group-writable, USER 101, EXPOSE
 * 8080, STOPSIGNAL SIGQUIT, CMD `nginx -g "daemon off;"`. A scenario sees the version as
 * `Server: nginx/1.22.1` (the 1.27 tag's image says 1.27.x).
 */
export const unprivilegedNginx: NginxFlavour = {
  names: ['docker.io/nginxinc/nginx-unprivileged:1.27'],
  port: 8080,
  pid: '/tmp/nginx.pid',
  tempFolder: '/tmp',
  user: '101',
  configOwner: '101:0',
};
