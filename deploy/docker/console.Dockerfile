# syntax=docker/dockerfile:1
# The web console (apps/console, a Vite app) as a static, unprivileged nginx image that serves the
# single-page app and forwards /api/ to the gateway (GATEWAY_URL, default http://gateway:3000). Optional:
# the gateway itself also serves the console (CONSOLE_DIR); this image puts it on its own web server.
#   docker build -f deploy/docker/console.Dockerfile -t oversight/console:0.1.0 .
ARG NODE_IMAGE=node:20.19-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npx vite build --config apps/console/vite.config.mjs

FROM ${NGINX_IMAGE} AS runtime
# nginx-unprivileged runs as uid 101 and listens on 8080; templates are rendered with envsubst at start.
ENV GATEWAY_URL=http://gateway:3000
COPY --chown=root:root deploy/docker/console-nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build --chown=root:root /src/dist/console /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
