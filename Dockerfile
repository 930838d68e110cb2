# Relay host image: API + worker. Build from the repository root: docker build -t relay .
FROM node:20-bookworm-slim
ENV NODE_ENV=production PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
USER node
EXPOSE 8000
# `relay start` migrates (idempotent, lock-protected), seeds platforms, serves the API and runs the worker.
CMD ["pnpm", "start"]
