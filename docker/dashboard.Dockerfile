# The dashboard as static files behind nginx, proxying /api to the api service.
FROM node:20-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run dashboard:build --skip-nx-cache

FROM nginx:1.27-alpine
COPY docker/dashboard.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/dist/apps/dashboard /usr/share/nginx/html
