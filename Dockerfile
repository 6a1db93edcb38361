# syntax=docker/dockerfile:1
# Potluck: one image for every role of the cluster (`start`, `worker`, `chain`, `migrate`, ...).
# Node 20 on Debian (glibc): the EVM (EDR), llama.cpp and ONNX Runtime ship glibc binaries.

# --- deps: production node_modules only, from the lockfile ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# onnxruntime-node's install script stays denied (package.json allowScripts), as on a clone.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: the source (run through tsx: no build step) and those modules, as a non-root user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    POTLUCK_DATA_DIR=/data \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8787
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root src ./src
COPY --chown=root:root bots ./bots
COPY --chown=root:root jobs ./jobs
COPY --chown=root:root mcp ./mcp
COPY --chown=root:root migrations ./migrations
COPY --chown=root:root contracts ./contracts
COPY --chown=root:root demo ./demo
COPY --chown=root:root locales ./locales
# The code is root's and read-only to the service; only the data folder is its own.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
# Ready means database, Redis, chain and outbox are all fine (GET /health/ready says which is not).
# Workers and the chain node serve no HTTP: compose.yaml gives them their own checks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8787)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/potluck.js"]
CMD ["start"]
