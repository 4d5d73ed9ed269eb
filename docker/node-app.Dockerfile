# Builds one of the Node apps (api or worker) from the monorepo.
# docker build -f docker/node-app.Dockerfile --build-arg APP=api .
FROM node:20-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN npx nx run-many -t build --projects=${APP},dashboard --skip-nx-cache

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
ARG APP
COPY --from=build /repo/dist/apps/${APP} ./dist
COPY --from=build /repo/dist/apps/dashboard ./dashboard
ENV DASHBOARD_DIR=/app/dashboard
USER node
CMD ["node", "--enable-source-maps", "dist/main.js"]
