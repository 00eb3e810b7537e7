# Image served by the Helm chart in charts/acm-business-continuity: nginx with the plugin's
# built dist/.

FROM registry.access.redhat.com/ubi9/nodejs-20:latest AS build
# The base image runs as UID 1001 and owns its WORKDIR; copy sources as that user so npm can
# write node_modules and dist/.
WORKDIR /opt/app-root/src
COPY --chown=1001:0 package.json package-lock.json ./
# devDependencies hold webpack and the console SDK, so NODE_ENV stays unset here; the build
# script sets it to production itself.
RUN npm ci --no-audit --no-fund
COPY --chown=1001:0 . .
RUN npm run build

FROM registry.access.redhat.com/ubi9/nginx-124:latest
LABEL org.opencontainers.image.title="acm-business-continuity" \
      org.opencontainers.image.description="OpenShift console plugin for Red Hat Advanced Cluster Management hub backup, restore, promotion and VolSync pairing" \
      org.opencontainers.image.licenses="Apache-2.0"
# Root-owned and read-only for the UID the pod runs as.
COPY --from=build /opt/app-root/src/dist /opt/app-root/dist
# The chart mounts the same file from a ConfigMap over this one.
COPY charts/acm-business-continuity/files/nginx.conf /etc/nginx-plugin/nginx.conf
USER 1001
EXPOSE 9443
# "-e": the compiled-in error log path may not be writable for a non-root user.
CMD ["nginx", "-e", "/dev/stderr", "-c", "/etc/nginx-plugin/nginx.conf"]
