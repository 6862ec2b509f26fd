# hoptac API image. Used by docker-compose.yml, which supplies DATABASE_URL,
# so the embedded PostgreSQL is not started inside the container.
FROM node:20-slim

WORKDIR /app

# Dependencies first, for layer caching; npm ci's postinstall generates the
# Prisma client, which needs the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run generate && chown -R node:node /app/src/db/generated

ENV HOST=0.0.0.0 \
    PORT=3000
USER node
EXPOSE 3000
CMD ["npm", "run", "start"]
