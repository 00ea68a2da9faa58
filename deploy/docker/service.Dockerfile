# syntax=docker/dockerfile:1
# One image for every back-end service (gateway, justice-bureau, procuratorate, discipline-commission,
# peoples-congress, tasklist, liaison): the same build, the service chosen by SERVICE at run time.
#   docker build -f deploy/docker/service.Dockerfile -t oversight/service:0.1.0 .
#   docker run -e SERVICE=justice-bureau -e DATABASE_URL=... -e KAFKA_BROKERS=... -e ENGINE_URL=... oversight/service:0.1.0
#   docker run -e DATABASE_URL=... oversight/service:0.1.0 migrate [service]
ARG NODE_IMAGE=node:20.19-bookworm-slim

# 1. Everything needed to compile: all dependencies, sources, TypeScript build.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY bench bench
RUN npx tsc -p tsconfig.build.json

# 2. Production dependencies only. Optional ones are left out: they are the embedded PostgreSQL
#    binaries, which only local development uses.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts --omit=dev --omit=optional

# 3. Runtime: compiled code, production dependencies, BPMN models; runs as the unprivileged `node` user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    BIND_ADDRESS=0.0.0.0 \
    BPMN_DIR=/app/bpmn \
    SERVICE=gateway
WORKDIR /app
COPY --from=deps --chown=root:root /src/node_modules node_modules
COPY --from=build --chown=root:root /src/dist dist
COPY --chown=root:root package.json tsconfig.base.json ./
COPY --chown=root:root tools/register-paths.cjs tools/services.mjs tools/migrate.mjs tools/
COPY --chown=root:root bpmn bpmn
COPY --chown=root:root deploy/docker/service-entrypoint.sh deploy/docker/healthcheck.cjs /usr/local/bin/
USER node
# Each service listens on its own port (gateway 3000, justice-bureau 3101 ... liaison 3106; PORT overrides).
EXPOSE 3000 3101 3102 3103 3104 3105 3106
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/usr/local/bin/healthcheck.cjs"]
ENTRYPOINT ["/usr/local/bin/service-entrypoint.sh"]
CMD ["serve"]
