# The image a nightly Job runs (`kubespec nightly --image ...`): kubespec with its built-in
# features. Build it where a container engine is available (not on kubespec's CI machine):
#   docker build -t registry.example.com/kubespec:1 . && docker push registry.example.com/kubespec:1
FROM node:20-bookworm-slim
WORKDIR /kubespec
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY bin bin
COPY src src
COPY steps steps
COPY support support
COPY features features
COPY scenarios scenarios
COPY templates templates
COPY cucumber.mjs tsconfig.json ./
USER node
ENTRYPOINT ["node", "bin/kubespec.mjs"]
