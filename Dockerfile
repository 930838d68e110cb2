# Relay host image (API, worker, migrations): build from the repository root with
#   docker build -t relay .
# Stage 1 installs everything and builds the packages, the console and the host (tsup);
# stage 2 holds only the host's production dependencies and built files, run by plain node.

FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm i -g pnpm@12.4.2
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
# Every workspace package (adapters and core without .d.ts, the console, then the host:
# dist/cli.js + dist/migrations + dist/console).
RUN RELAY_BUILD_NO_DTS=1 pnpm build
# The host with its production dependencies only (workspace packages copied with their dist).
RUN pnpm --filter @relay/host deploy --prod /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production RELAY_ENV=production PORT=8000
WORKDIR /app
COPY --from=build --chown=node:node /out /app
USER node
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The CLI sets V8's --liftoff-only and --heap-growing-percent=60 itself (apps/relay/src/v8-flags.ts:
# about 80 MB less resident memory per process, and a worker's peak well under 300 MB); a value on
# node's command line wins, and RELAY_V8_FLAGS (space-separated, empty for none) replaces them.
# `start` migrates (idempotent, lock-protected), serves the API and runs the worker unless
# WORKER_ENABLED=false. Other commands: worker, migrate, rotate-keys, prune, generate-key.
ENTRYPOINT ["node", "dist/cli.js"]
CMD ["start"]
