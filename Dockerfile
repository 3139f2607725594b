# Samverkansverkstad as a container: the relay and the built client on port 8080, data in /data.
# One instance on its own disk (LevelDB), or several sharing PostgreSQL behind HAProxy: see
# deploy/compose.yaml and README "Running for many forums".
#
#   docker build -t samverkansverkstad .
#   docker run -p 8080:8080 -v svv-data:/data samverkansverkstad
#
# scripts/check-image.mjs runs these stages' commands as plain processes (no Docker needed).

# --- build: every dependency, then the client (dist/) ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY index.html vite.config.ts tsconfig.json ./
COPY public ./public
COPY common ./common
COPY src ./src
# vite.config.ts reads the phone's chunk walk from here
COPY scripts ./scripts
RUN npm run build

# --- runtime: production dependencies only (tsx runs the server's TypeScript), no build tools ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0 DATA_DIR=/data DIST_DIR=/app/dist
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY common ./common
COPY server ./server
COPY --from=build /app/dist ./dist
# the image's own unprivileged user owns the data directory and nothing else; /data/assets exists
# so a volume shared by several instances (ASSET_ARCHIVE_DIR, deploy/compose.yaml) starts out theirs
RUN mkdir -p /data/assets && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM reaches the server, which finishes its writes and closes sockets
CMD ["node", "--import", "tsx", "server/index.ts"]
