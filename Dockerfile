# syntax=docker/dockerfile:1
# check=skip=SecretsUsedInArgOrEnv
# The catalogue as a container image: the production server (server.ts bundled to build/server.mjs: Next.js
# behind the response cache) on Node 20.
#   docker build --build-arg NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(openssl rand -base64 32)" -t ct-catalogue-app .
#   docker build --target migrate -t ct-catalogue-migrate .   # migrations + sample data, staff accounts
# compose.yaml builds and runs both. Written on a machine without a Docker engine: never built there
# (the server it packages was run there; see the README).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- npm packages and the generated Prisma clients --------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm ci's postinstall (scripts/prisma-generate.ts) generates both Prisma clients from these files.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/
COPY lib/prisma-schema.ts lib/
COPY scripts/prisma-generate.ts scripts/
RUN npm ci --no-audit --no-fund

# --- next build and the server bundle; then only the production packages --------------------------------
FROM deps AS build
COPY . .
# Server Actions are encrypted with this key; every instance serving this build must share it. Next.js
# writes it into the build output (.next/server), so the image holds it whether it comes in as an ARG or
# a build secret: keep the image in a private registry.
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
# Not Next's standalone output: it traces only its own server.js, and the app is served by build/server.mjs.
RUN npm run build && mkdir -p public && npm prune --omit=dev --no-audit --no-fund

# --- one-off jobs: migrations + sample data (default command), npm scripts such as user:create ------
FROM deps AS migrate
COPY . .
RUN mkdir -p data && chown node:node data
USER node
CMD ["node_modules/.bin/tsx", "scripts/prepare-db.ts"]

# --- the app server (default target) ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME: listen on every interface (Docker would otherwise set it to the container's id).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# Code stays root-owned (read-only for the server); only Next's cache and the data folder (SQLite, the search
# index snapshot, attached files in the local store) are writable.
# poppler-utils: text and covers of attached PDFs (lib/files/extract.ts).
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
RUN mkdir -p .next/cache data && chown node:node .next/cache data
USER node
EXPOSE 3000
# Ready once the search index is loaded (from its snapshot in seconds; built, about 2 minutes at a million).
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The heap cap of `npm start` (package.json, the one to change first): without it V8 lets garbage grow with
# the machine's memory.
CMD ["node", "--max-old-space-size=1024", "build/server.mjs"]
