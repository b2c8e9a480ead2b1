# The API, built and run on Node 20. Postgres comes from DATABASE_URL (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY sample ./sample
USER node
EXPOSE 4000
# A young generation of 64 MiB a half: short-lived request objects die young (fewer full collections).
# The old generation may grow 25% past what survived the last full collection: without it, V8 let it swing 45-130 MiB (bench:soak).
CMD ["node", "--max-semi-space-size=64", "--heap-growing-percent=25", "dist/src/main.js"]
