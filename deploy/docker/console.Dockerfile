# syntax=docker/dockerfile:1
# PENDING the console issue: apps/console does not exist yet. When it does (a Vite app whose `vite build`
# writes apps/console/dist), this builds it into a static, unprivileged nginx image that serves the
# single-page app and forwards /api/ to the gateway (GATEWAY_URL, default http://gateway:3000).
#   docker build -f deploy/docker/console.Dockerfile -t oversight/console:0.1.0 .
ARG NODE_IMAGE=node:20.19-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npx vite build apps/console

FROM ${NGINX_IMAGE} AS runtime
# nginx-unprivileged runs as uid 101 and listens on 8080; templates are rendered with envsubst at start.
ENV GATEWAY_URL=http://gateway:3000
COPY --chown=root:root deploy/docker/console-nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build --chown=root:root /src/apps/console/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
